package io.ysql.bench;

import io.ysql.testkit.PgCluster;
import io.ysql.testkit.TestCertificates;
import java.util.List;

/**
 * Where the TLS benchmark server listens and which root certificate vouches for it, handed from
 * {@link BenchMain} to the forked JVMs as system properties like {@link ServerAddress}. The root
 * is the testkit's test CA, whose file lives as long as {@link BenchMain}'s JVM.
 */
record TlsServerAddress(ServerAddress server, String rootCert) {
    static final String PORT = "ysql.bench.tls.port";
    static final String ROOT_CERT = "ysql.bench.tls.rootcert";

    static TlsServerAddress of(PgCluster cluster) {
        return new TlsServerAddress(ServerAddress.of(cluster), TestCertificates.get().rootCert().toString());
    }

    /** The address {@link BenchMain} passed down: the plain server's host and database, the TLS server's port. */
    static TlsServerAddress fromSystemProperties() {
        ServerAddress plain = ServerAddress.fromSystemProperties();
        String port = System.getProperty(PORT);
        String root = System.getProperty(ROOT_CERT);
        if (port == null || root == null) {
            throw new IllegalStateException("system properties " + PORT + " and " + ROOT_CERT + " are not set; run the "
                    + "benchmarks through " + BenchMain.class.getName() + ", which starts the TLS server");
        }
        return new TlsServerAddress(new ServerAddress(plain.host(), Integer.parseInt(port), plain.database()), root);
    }

    /** The {@code -D} options that make {@link #fromSystemProperties()} return this address. */
    List<String> jvmArgs() {
        return List.of("-D" + PORT + "=" + server.port(), "-D" + ROOT_CERT + "=" + rootCert);
    }
}
