package io.ysql.internal.catalog;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.cluster.Placement;
import io.ysql.internal.cluster.ServerEntry;
import io.ysql.internal.cluster.ServerList;
import io.ysql.internal.session.QueryResult;
import io.ysql.internal.session.RowView;
import io.ysql.internal.session.Session;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The queries a connect runs about the server it reached: the cluster's servers from
 * {@code yb_servers()} (columns read by name, so servers with fewer or more columns work), and the
 * {@code target_session_attrs} probes {@code SHOW transaction_read_only} and
 * {@code pg_is_in_recovery()} for servers that do not report {@code default_transaction_read_only}
 * and {@code in_hot_standby}. Each is one round trip.
 */
public final class ClusterQueries {
    /** The YugabyteDB discovery query. */
    public static final String SERVERS = "SELECT * FROM yb_servers()";

    private ClusterQueries() {}

    /**
     * The servers {@code yb_servers()} lists; fails with the server's error (42883 when the function
     * does not exist) or with 08P01 when a required column is missing.
     */
    public static ServerList servers(Session session) throws SQLException {
        QueryResult r = single(session, SERVERS);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < r.description().fieldCount(); i++) {
            columns.putIfAbsent(r.description().field(i).name().toLowerCase(Locale.ROOT), i);
        }
        int host = required(columns, "host");
        int port = required(columns, "port");
        Integer type = columns.get("node_type");
        Integer cloud = columns.get("cloud");
        Integer region = columns.get("region");
        Integer zone = columns.get("zone");
        Integer publicIp = columns.get("public_ip");
        Integer universe = columns.get("universe_uuid");
        List<ServerEntry> servers = new ArrayList<>();
        String universeUuid = null;
        for (String[] row : texts(r)) {
            String h = text(row, host);
            String p = text(row, port);
            if (h == null || h.isEmpty() || p == null) continue;
            int portNumber;
            try {
                portNumber = Integer.parseInt(p.trim());
            } catch (NumberFormatException e) {
                throw SqlExceptions.of(SqlState.PROTOCOL_VIOLATION, "yb_servers() returned the port \"" + p
                        + "\" for " + h + "; expected a number");
            }
            servers.add(new ServerEntry(h, portNumber, text(row, type),
                    new Placement(text(row, cloud), text(row, region), text(row, zone)), text(row, publicIp)));
            if (universeUuid == null) universeUuid = text(row, universe);
        }
        return new ServerList(universeUuid, servers);
    }

    /** Whether the session is read-only: {@code SHOW transaction_read_only} is {@code on}. */
    public static boolean readOnly(Session session) throws SQLException {
        return "on".equalsIgnoreCase(firstValue(session, "SHOW transaction_read_only"));
    }

    /** Whether the server is a standby: {@code pg_is_in_recovery()}. */
    public static boolean inRecovery(Session session) throws SQLException {
        return "t".equalsIgnoreCase(firstValue(session, "SELECT pg_catalog.pg_is_in_recovery()"));
    }

    private static String firstValue(Session session, String sql) throws SQLException {
        QueryResult r = single(session, sql);
        if (r.rows().isEmpty()) {
            throw SqlExceptions.of(SqlState.PROTOCOL_VIOLATION, "\"" + sql + "\" returned no row");
        }
        return texts(r).get(0)[0];
    }

    private static QueryResult single(Session session, String sql) throws SQLException {
        List<QueryResult> results = session.control(sql, notice -> { });
        if (results.isEmpty() || !results.get(0).hasRows()) {
            throw SqlExceptions.of(SqlState.PROTOCOL_VIOLATION, "\"" + sql + "\" returned no rows description");
        }
        return results.get(0);
    }

    private static int required(Map<String, Integer> columns, String name) throws SQLException {
        Integer i = columns.get(name);
        if (i == null) {
            throw SqlExceptions.of(SqlState.PROTOCOL_VIOLATION, "yb_servers() has no column \"" + name
                    + "\"; load balancing needs host and port (set load_balance=false to connect without it)");
        }
        return i;
    }

    /** Column {@code i} of a row, {@code null} for SQL NULL or a missing column. */
    private static String text(String[] row, Integer i) {
        return i == null || i >= row.length ? null : row[i];
    }

    /** The rows of a text-format result as strings. */
    private static List<String[]> texts(QueryResult r) {
        List<String[]> out = new ArrayList<>(r.rows().size());
        for (int k = 0; k < r.rows().size(); k++) {
            RowView row = r.rows().view(k);
            String[] values = new String[row.columnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.isNull(i) ? null
                        : new String(row.buffer(), row.offset(i), row.length(i), StandardCharsets.UTF_8);
            }
            out.add(values);
        }
        return out;
    }
}
