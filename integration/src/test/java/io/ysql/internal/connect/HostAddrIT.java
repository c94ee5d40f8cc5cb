package io.ysql.internal.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.testkit.PgCluster;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** libpq's hostaddr: the driver connects to the address and keeps the host name as the server's name. */
class HostAddrIT {
    private final PgCluster cluster = PgCluster.shared();

    private YsqlConnection connect(String host) throws SQLException {
        return Ysql.connect("host=" + host + " hostaddr=127.0.0.1 port=" + cluster.port() + " dbname=" + cluster.database()
                + " user=" + cluster.superuser() + " password=" + cluster.superuserPassword() + " sslmode=disable");
    }

    @Test
    void connectsToTheAddressAndReportsTheHostName() throws SQLException {
        try (YsqlConnection conn = connect("db.does-not-resolve.invalid")) {
            assertThat(conn.connectionInfo().host()).isEqualTo("db.does-not-resolve.invalid");
            assertThat(conn.isValid(5)).isTrue();
        }
    }
}
