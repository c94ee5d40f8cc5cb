package io.ysql.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL that makes a plain PostgreSQL node look like a YugabyteDB tserver to a driver:
 * {@code pg_catalog.yb_servers()} with the exact columns, types and order of YugabyteDB's catalog
 * entry, reading every row from the cluster's topology document ({@code yb_sim.topology_file},
 * via {@code pg_read_file}, so it runs as security definer); the placement functions
 * {@code yb_server_cloud()}, {@code yb_server_region()} and {@code yb_server_zone()} from the
 * node's own {@code yb_sim.*} settings; and a {@code version()} in schema {@code yb_compat}, which
 * the server's {@code search_path} puts before {@code pg_catalog}, answering like YugabyteDB.
 * Pure functions; the cluster runs the text with psql in every database.
 */
final class YbCatalogScript {
    /** The schema that holds the YugabyteDB-like {@code version()}. */
    static final String COMPAT_SCHEMA = "yb_compat";
    /** The server-wide search_path: tables still go to {@code public}, {@code version()} resolves to ours. */
    static final String SEARCH_PATH = "\"$user\", public, " + COMPAT_SCHEMA + ", pg_catalog";
    private static final List<String> OUT_COLUMNS = List.of(
            "host text", "port bigint", "num_connections bigint", "node_type text", "cloud text",
            "region text", "zone text", "public_ip text", "uuid text", "universe_uuid text");
    private static final List<String> SELECTED = List.of(
            "s.host", "s.port", "0::bigint", "s.node_type", "s.cloud", "s.region", "s.zone",
            "coalesce(s.public_ip, '')", "s.uuid", "doc.j ->> 'universe_uuid'");

    private YbCatalogScript() {}

    /** Everything, for one database: the chosen yb_servers(), the placement functions, version(). */
    static String install(ServersFunction function, String versionText) {
        return serversFunction(function) + placementFunctions() + versionFunction(versionText);
    }

    /** Drops any yb_servers() and creates the chosen one (nothing for {@link ServersFunction#ABSENT}). */
    static String serversFunction(ServersFunction function) {
        StringBuilder sql = new StringBuilder("DROP FUNCTION IF EXISTS pg_catalog.yb_servers();\n");
        if (function == ServersFunction.ABSENT) return sql.toString();
        int columns = function.columns();
        List<String> out = new ArrayList<>();
        for (String column : OUT_COLUMNS.subList(0, columns)) out.add("    OUT " + column);
        String body = function == ServersFunction.FAILING
                ? "BEGIN\n  RAISE EXCEPTION USING ERRCODE = 'XX000', MESSAGE = 'yb_servers() failed on purpose';\nEND"
                : "BEGIN\n  RETURN QUERY\n  WITH doc AS (SELECT pg_read_file(current_setting('yb_sim.topology_file'))"
                        + "::jsonb AS j)\n  SELECT " + String.join(", ", SELECTED.subList(0, columns))
                        + "\n  FROM doc, jsonb_to_recordset(doc.j -> 'servers') AS s(host text, port bigint,"
                        + " node_type text, cloud text, region text, zone text, public_ip text, uuid text,"
                        + " listed boolean)\n  WHERE coalesce(s.listed, true);\nEND";
        sql.append("CREATE FUNCTION pg_catalog.yb_servers(\n").append(String.join(",\n", out)).append(")\n")
                .append("RETURNS SETOF record LANGUAGE plpgsql VOLATILE STRICT SECURITY DEFINER\n")
                .append("SET search_path = pg_catalog\nAS $fn$\n").append(body).append("\n$fn$;\n")
                .append("REVOKE ALL ON FUNCTION pg_catalog.yb_servers() FROM PUBLIC;\n")
                .append("GRANT EXECUTE ON FUNCTION pg_catalog.yb_servers() TO PUBLIC;\n");
        return sql.toString();
    }

    static String placementFunctions() {
        StringBuilder sql = new StringBuilder();
        for (String part : List.of("cloud", "region", "zone")) {
            sql.append("CREATE OR REPLACE FUNCTION pg_catalog.yb_server_").append(part)
                    .append("() RETURNS varchar LANGUAGE sql STABLE AS $fn$ SELECT current_setting('yb_sim.")
                    .append(part).append("', true)::varchar $fn$;\n");
        }
        return sql.toString();
    }

    /** {@code yb_compat.version()} returning {@code PostgreSQL <versionText> on …}. */
    static String versionFunction(String versionText) {
        String text = "PostgreSQL " + versionText
                + " on x86_64-pc-linux-gnu, compiled by clang version 16.0.6, 64-bit";
        return "CREATE SCHEMA IF NOT EXISTS " + COMPAT_SCHEMA + ";\n"
                + "GRANT USAGE ON SCHEMA " + COMPAT_SCHEMA + " TO PUBLIC;\n"
                + "CREATE OR REPLACE FUNCTION " + COMPAT_SCHEMA + ".version() RETURNS text LANGUAGE sql IMMUTABLE"
                + " AS $fn$ SELECT " + Quoting.sqlLiteral(text) + "::text $fn$;\n";
    }
}
