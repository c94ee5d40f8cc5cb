package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.jdbc.YsqlDataSource;
import io.ysql.jdbc.YsqlDriver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Who owns the load-balancing state: never a static, always a driver instance or a data source. */
class YugabyteClustersTest {

    @Test
    void ysqlConnectSharesTheStateOfTheRegisteredDriver() throws SQLException {
        YugabyteClusters shared = Ysql.yugabyteClusters();
        assertThat(Ysql.yugabyteClusters()).isSameAs(shared);
        var registered = DriverManager.getDriver("jdbc:ysql://localhost/yugabyte");
        assertThat(registered).isInstanceOf(YsqlDriver.class);
        assertThat(((YsqlDriver) registered).yugabyteClusters()).isSameAs(shared);
    }

    @Test
    void eachDriverInstanceAndDataSourceHasItsOwn() {
        assertThat(new YsqlDriver().yugabyteClusters()).isNotSameAs(new YsqlDriver().yugabyteClusters());
        YsqlDataSource a = new YsqlDataSource();
        YsqlDataSource b = new YsqlDataSource();
        assertThat(a.yugabyteClusters()).isSameAs(a.yugabyteClusters()).isNotSameAs(b.yugabyteClusters());
        assertThat(a.yugabyteClusters()).isNotSameAs(Ysql.yugabyteClusters());
        assertThat(a.yugabyteClusters().clusters()).isEmpty();
    }

    @Test
    void aDeserializedDataSourceStartsWithFreshState() throws IOException, ClassNotFoundException {
        YsqlDataSource ds = new YsqlDataSource();
        ds.setProperty("load_balance", "true");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(ds);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            YsqlDataSource copy = (YsqlDataSource) in.readObject();
            assertThat(copy.getProperty("load-balance")).isEqualTo("true");
            assertThat(copy.yugabyteClusters()).isNotNull().isNotSameAs(ds.yugabyteClusters());
        }
    }
}
