package io.ysql.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.Ysql;
import io.ysql.internal.jdbc.TestServer;
import io.ysql.testkit.PgCluster;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad connection options are refused before anything reaches the server, next to a server that
 * would otherwise accept the connection: the message names the option, the value (unless secret)
 * and what is allowed, and the SQLSTATE is 08001.
 */
class OptionErrorsIT {
    private final PgCluster cluster = TestServer.cluster();

    private String good() {
        return cluster.conninfo(cluster.superuser(), cluster.superuserPassword());
    }

    private static SQLException refused(ThrowingConnect connect) {
        SQLException e = TestServer.thrown(SQLException.class, connect::run);
        assertThat((Throwable) e).as("the connection attempt must fail").isNotNull()
                .isInstanceOf(SQLNonTransientConnectionException.class);
        assertThat(e.getSQLState()).isEqualTo("08001");
        return e;
    }

    private interface ThrowingConnect {
        void run() throws SQLException;
    }

    @Test
    void theGoodConninfoConnects() throws SQLException {
        try (var conn = Ysql.connect(good())) {
            assertThat(conn.isValid(5)).isTrue();
        }
    }

    @Test
    void unknownOptionInConninfoIsNamedWithASuggestion() {
        SQLException e = refused(() -> Ysql.connect(good().replace("host=", "hots=")));
        assertThat(e.getMessage()).contains("\"hots\"").contains("did you mean \"host\"");
    }

    @Test
    void unknownOptionInJdbcUrlIsNamedWithASuggestion() {
        SQLException e = refused(() -> DriverManager.getConnection(cluster.jdbcUrl() + "?aplication_name=x",
                cluster.superuser(), cluster.superuserPassword()));
        assertThat(e.getMessage()).contains("\"aplication_name\"").contains("did you mean \"application_name\"");
    }

    @Test
    void unknownOptionInAMap() {
        SQLException e = refused(() -> Ysql.connect(Map.of("hots", cluster.host(), "port", cluster.port())));
        assertThat(e.getMessage()).contains("\"hots\"").contains("\"host\"");
    }

    @Test
    void nonNumericPortNamesOptionValueAndRange() {
        SQLException e = refused(() -> Ysql.connect(good().replace("port=" + cluster.port(), "port=abc")));
        assertThat(e.getMessage()).contains("\"port\"").contains("\"abc\"").contains("1").contains("65535");
    }

    @Test
    void portOutOfRangeIsRefused() {
        SQLException e = refused(() -> Ysql.connect(good().replace("port=" + cluster.port(), "port=70000")));
        assertThat(e.getMessage()).contains("\"port\"").contains("70000").contains("65535");
    }

    @Test
    void clientEncodingOtherThanUtf8IsRefused() {
        SQLException e = refused(() -> Ysql.connect(good() + " client_encoding=LATIN1"));
        assertThat(e.getMessage()).contains("client_encoding").contains("LATIN1").contains("UTF8");
    }

    @Test
    void clientEncodingUtf8SpellingsAreAccepted() throws SQLException {
        try (var conn = Ysql.connect(good() + " client_encoding=utf-8");
             var st = conn.createStatement();
             var rs = st.executeQuery("SHOW client_encoding")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("UTF8");
        }
    }

    @Test
    void badSslmodeListsTheChoices() {
        SQLException e = refused(() -> Ysql.connect(good() + " sslmode=sometimes"));
        assertThat(e.getMessage()).contains("sslmode").contains("sometimes").contains("verify-full").contains("disable");
    }

    @Test
    void aRefusedOptionSaysWhy() {
        SQLException e = refused(() -> Ysql.connect(good() + " sslfactory=com.example.Factory"));
        assertThat(e.getMessage()).contains("sslfactory").contains("refused");
    }

    @Test
    void aBadPasswordValueIsNeverEchoed() {
        // an unterminated quote makes the whole string invalid; the password must not be shown
        SQLException e = TestServer.thrown(SQLException.class,
                () -> Ysql.connect(good() + " password='Se3cret-unterminated"));
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("08001");
        for (Throwable t : TestServer.chain(e)) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("Se3cret");
        }
    }
}
