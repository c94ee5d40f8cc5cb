package io.ysql.internal.session;

import java.sql.SQLException;

/**
 * A conversation that may hold the session between its requests: a portal read with Flush and no
 * Sync leaves the server inside an unfinished extended-query sequence, so no other request may be
 * written until it is ended. Before any other request the session asks the holder to make way.
 */
interface Conversation {

    /**
     * Ends the conversation's hold on the session: reads what it still waits for, asks the server
     * for the rest of its answer (kept in memory for its owner) and {@link PortalLane#release lets go}.
     * Called without the write permit, by whichever thread wants to write; when it returns, the
     * conversation no longer holds the session.
     */
    void makeWay() throws SQLException;
}
