package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.testkit.PgCluster;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The oracle of the injection tests: a schema with the table the values go to ({@code t}), a
 * canary table holding one row that no test writes, and a statement log filled by statement-level
 * triggers on both tables, so a test can tell exactly which data-changing statements the server
 * ran (one per INSERT statement or COPY, whatever its row count) and that the canary, the tables
 * and their triggers are untouched.
 */
final class InjectionSchema {
    final String name;
    private final PgCluster cluster;

    InjectionSchema(PgCluster cluster, String name) {
        this.cluster = cluster;
        this.name = name;
        String s = name + ".";
        cluster.psql("DROP SCHEMA IF EXISTS " + name + " CASCADE; CREATE SCHEMA " + name + ";"
                + "CREATE TABLE " + s + "t (id int, v text, w text);"
                + "CREATE TABLE " + s + "canary (id int);"
                + "INSERT INTO " + s + "canary VALUES (42);"
                + "CREATE TABLE " + s + "stmt_log (n serial, op text, tbl text);"
                + "CREATE FUNCTION " + s + "log_stmt() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN "
                + "INSERT INTO " + s + "stmt_log (op, tbl) VALUES (TG_OP, TG_TABLE_NAME); RETURN NULL; END $f$;"
                + "CREATE TRIGGER t_log AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON " + s
                + "t FOR EACH STATEMENT EXECUTE PROCEDURE " + s + "log_stmt();"
                + "CREATE TRIGGER canary_log AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON " + s
                + "canary FOR EACH STATEMENT EXECUTE PROCEDURE " + s + "log_stmt();");
    }

    /** The conninfo of a superuser session whose search_path is this schema, plus {@code extra} options. */
    String conninfo(String extra) {
        return cluster.conninfo(cluster.superuser(), cluster.superuserPassword()) + " options='-c search_path=" + name
                + "'" + (extra.isEmpty() ? "" : " " + extra);
    }

    /** The logged statements, {@code op table} each, in the order they ran. */
    List<String> statements(YsqlConnection conn) throws SQLException {
        try (Cursor cur = conn.cursor()) {
            cur.execute("SELECT op || ' ' || tbl FROM " + name + ".stmt_log ORDER BY n");
            List<String> out = new ArrayList<>();
            for (Row r : cur.fetchall()) out.add((String) r.get(0));
            return out;
        }
    }

    /** Forgets the statements logged so far (run on its own connection, so it is not logged as a test's). */
    void clearLog() {
        cluster.psql("TRUNCATE " + name + ".stmt_log");
    }

    /** The values of {@code t}'s column {@code column}, ordered by id. */
    List<String> column(YsqlConnection conn, String column) throws SQLException {
        try (Cursor cur = conn.cursor()) {
            cur.execute("SELECT " + column + " FROM " + name + ".t ORDER BY id");
            List<String> out = new ArrayList<>();
            for (Row r : cur.fetchall()) out.add((String) r.get(0));
            return out;
        }
    }

    /** The canary holds its one row, the schema its three tables, and {@code t} its trigger. */
    void assertUntouched(YsqlConnection conn) throws SQLException {
        try (Cursor cur = conn.cursor()) {
            cur.execute("SELECT array_agg(id) FROM " + name + ".canary");
            assertThat(cur.fetchone().get(0)).as("canary rows").isEqualTo(List.of(42));
            cur.execute("SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = %s", name);
            assertThat(cur.fetchone().get(0)).as("tables").isEqualTo("canary,stmt_log,t");
            cur.execute("SELECT count(*) FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal", name + ".t");
            assertThat(cur.fetchone().get(0)).as("triggers on t").isEqualTo(1L);
        }
    }
}
