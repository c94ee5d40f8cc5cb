package io.ysql.bench;

import io.ysql.jdbc.YsqlDriver;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The drivers under comparison, each called directly (never through {@code DriverManager}, whose
 * choice between two drivers that both accept {@code jdbc:postgresql:} depends on load order).
 * Both get the same login and {@code sslmode=disable}: the testkit server has TLS off, and
 * disabling it on both sides spares each the SSLRequest round trip alike; the TLS benchmarks give
 * both the same sslmode against a second, TLS server.
 */
enum DriverKind {
    YSQL("ysql", "jdbc:ysql:", YsqlDriver::new),
    PGJDBC("pgjdbc", "jdbc:postgresql:", org.postgresql.Driver::new);

    private final String label;
    private final String scheme;
    private final Supplier<Driver> factory;

    DriverKind(String label, String scheme, Supplier<Driver> factory) {
        this.label = label;
        this.scheme = scheme;
        this.factory = factory;
    }

    /** The value of the benchmarks' {@code driver} parameter. */
    String label() {
        return label;
    }

    static DriverKind of(String label) {
        for (DriverKind kind : values()) {
            if (kind.label.equals(label)) return kind;
        }
        throw new IllegalArgumentException("unknown driver \"" + label + "\"; expected one of "
                + Arrays.stream(values()).map(DriverKind::label).toList());
    }

    /** A connector for {@code server}: one driver instance, one URL, one set of properties. */
    Connector connector(ServerAddress server) {
        Properties props = new Properties();
        props.setProperty("user", server.user());
        props.setProperty("password", server.password());
        props.setProperty("sslmode", "disable");
        return new Connector(factory.get(), scheme + server.authorityAndPath(), props);
    }

    /**
     * A connector for the TLS server with {@code sslmode} ({@code require} or {@code verify-full});
     * {@code verify-full} also names the root file, which both drivers read as {@code sslrootcert}.
     */
    Connector tlsConnector(TlsServerAddress tls, String sslmode) {
        Properties props = new Properties();
        props.setProperty("user", tls.server().user());
        props.setProperty("password", tls.server().password());
        props.setProperty("sslmode", sslmode);
        if (sslmode.equals("verify-full")) props.setProperty("sslrootcert", tls.rootCert());
        return new Connector(factory.get(), scheme + tls.server().authorityAndPath(), props);
    }

    /** Opens connections with a fixed driver, URL and properties. */
    record Connector(Driver driver, String url, Properties props) {
        Connection connect() throws SQLException {
            Connection c = driver.connect(url, props);
            if (c == null) throw new IllegalStateException(driver.getClass().getName() + " does not accept " + url);
            return c;
        }

        @Override
        public String toString() {
            return "Connector[" + driver.getClass().getName() + ", " + url + "]";
        }
    }
}
