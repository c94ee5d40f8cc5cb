package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ysql.errors.ProgrammingError;
import io.ysql.internal.jdbc.TestServer;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cursor API's connection surface, with psycopg2's names: isolation level, readonly and
 * deferrable as session characteristics, setSession, info, encoding, the connection parameters
 * without the password, closed, and ProgrammingError for changes inside a transaction.
 */
class ConnectionSurfaceIT {

    private static String one(YsqlConnection c, String sql) throws SQLException {
        return String.valueOf(c.cursor().execute(sql).fetchone().get(0));
    }

    @Test
    void characteristicsAreSessionDefaults() throws SQLException {
        try (YsqlConnection c = TestServer.connectYsql()) {
            assertThat(c.isolationLevel()).isEqualTo(IsolationLevel.READ_COMMITTED);
            c.isolationLevel(IsolationLevel.SERIALIZABLE);
            assertThat(c.isolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
            assertThat(one(c, "SHOW transaction_isolation")).isEqualTo("serializable");
            c.isolationLevel(IsolationLevel.DEFAULT);
            assertThat(c.isolationLevel()).isEqualTo(IsolationLevel.READ_COMMITTED);

            assertThat(c.readonly()).isNull();
            c.readonly(true);
            assertThat(c.readonly()).isTrue();
            assertThat(one(c, "SHOW transaction_read_only")).isEqualTo("on");
            Throwable refused = catchThrowable(() -> c.cursor().execute("CREATE TEMP TABLE surface_t (a int)"));
            assertThat(refused).isInstanceOf(io.ysql.errors.ReadOnlySqlTransaction.class);
            c.readonly(null);
            assertThat(one(c, "SHOW transaction_read_only")).isEqualTo("off");

            c.setSession(IsolationLevel.REPEATABLE_READ, false, true, false);
            assertThat(c.getAutoCommit()).isFalse();
            assertThat(c.deferrable()).isTrue();
            assertThat(one(c, "SELECT current_setting('transaction_isolation') || ' ' || "
                    + "current_setting('transaction_deferrable')")).isEqualTo("repeatable read on");
            Throwable inside = catchThrowable(() -> c.isolationLevel(IsolationLevel.SERIALIZABLE));
            assertThat(inside).isInstanceOf(ProgrammingError.class).hasMessageContaining("inside a transaction");
            assertThat(catchThrowable(() -> c.setSession(null, true, null, null))).isInstanceOf(ProgrammingError.class);
            c.rollback();
            c.setSession(IsolationLevel.DEFAULT, null, null, true);
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    @Test
    void infoEncodingDsnAndClosed() throws SQLException {
        YsqlConnection c = TestServer.connectYsql();
        SessionInfo info = c.info();
        assertThat(info.serverVersion()).isEqualTo(TestServer.cluster().majorVersion() * 10_000
                + Integer.parseInt(c.serverParameters().get("server_version").split("[^0-9]+")[1]));
        assertThat(info.backendPid()).isEqualTo(c.backendProcessId()).isPositive();
        assertThat(info.transactionStatus()).isEqualTo(SessionInfo.TransactionStatus.IDLE);
        assertThat(info.parameterStatus("server_encoding")).isNotNull();
        assertThat(info.dbname()).isEqualTo(TestServer.cluster().database());
        assertThat(info.user()).isEqualTo(TestServer.cluster().superuser());
        assertThat(info.port()).isEqualTo(TestServer.cluster().port());
        assertThat(info.sslInUse()).isFalse();
        assertThat(info.toString()).doesNotContainIgnoringCase("password");
        assertThat(c.encoding()).isEqualTo("UTF8");

        c.setAutoCommit(false);
        c.cursor().execute("SELECT 1");
        assertThat(c.info().transactionStatus()).isEqualTo(SessionInfo.TransactionStatus.INTRANS);
        catchThrowable(() -> c.cursor().execute("SELECT 1/0"));
        assertThat(c.info().transactionStatus()).isEqualTo(SessionInfo.TransactionStatus.INERROR);
        c.rollback();

        Map<String, String> dsn = c.getDsnParameters();
        assertThat(dsn).containsEntry("user", TestServer.cluster().superuser())
                .containsEntry("port", String.valueOf(TestServer.cluster().port()))
                .doesNotContainKey("password");
        assertThat(dsn.keySet()).noneMatch(k -> k.toLowerCase(java.util.Locale.ROOT).contains("password"));

        assertThat(c.closed()).isFalse();
        c.close();
        assertThat(c.closed()).isTrue();
    }

    @Test
    void xidRefusesBadParts() throws SQLException {
        try (YsqlConnection c = TestServer.connectYsql()) {
            assertThat(catchThrowable(() -> c.xid(-1, "g", "b"))).isInstanceOf(ProgrammingError.class);
            assertThat(catchThrowable(() -> c.xid(1, "g".repeat(65), "b"))).isInstanceOf(ProgrammingError.class);
            assertThat(c.xid(1, "g", "b").gid()).isEqualTo("1_Zw==_Yg==");
            assertThat(catchThrowable(() -> c.tpcBegin((TransactionId) null))).isInstanceOf(ProgrammingError.class);
        }
    }
}
