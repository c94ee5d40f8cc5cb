package io.ysql.internal.session;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.wire.BackendMessage;
import java.sql.SQLException;

/** Builds the protocol-violation errors the flows raise; such an error closes the connection. */
final class Protocol {
    private Protocol() {}

    static SQLException unexpected(BackendMessage m, String context) {
        return violation("unexpected " + m.getClass().getSimpleName() + " from the server: " + context);
    }

    static SQLException violation(String what) {
        return SqlExceptions.of(SqlState.PROTOCOL_VIOLATION,
                "protocol violation: " + what + "; the connection was closed");
    }
}
