package io.ysql.bench;

import io.ysql.testkit.PgCluster;
import java.util.List;

/**
 * Where the benchmark server listens. {@link BenchMain} hands it to the forked benchmark JVMs as
 * system properties (see {@link #jvmArgs()}); the forks read it back with
 * {@link #fromSystemProperties()}. The login is the testkit's superuser, whose name and password
 * are the testkit defaults, so no password travels on a command line or shows in JMH's log.
 */
record ServerAddress(String host, int port, String database) {
    static final String HOST = "ysql.bench.host";
    static final String PORT = "ysql.bench.port";
    static final String DATABASE = "ysql.bench.database";

    ServerAddress {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("host must not be blank");
        if (port < 1 || port > 65_535) throw new IllegalArgumentException("port must be 1..65535: " + port);
        if (database == null || database.isBlank()) throw new IllegalArgumentException("database must not be blank");
    }

    static ServerAddress of(PgCluster cluster) {
        return new ServerAddress(cluster.host(), cluster.port(), cluster.database());
    }

    /**
     * The address {@link BenchMain} passed down.
     *
     * @throws IllegalStateException when a property is missing, i.e. the benchmarks were started
     *     without {@link BenchMain}
     */
    static ServerAddress fromSystemProperties() {
        return new ServerAddress(required(HOST), Integer.parseInt(required(PORT)), required(DATABASE));
    }

    private static String required(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("system property " + key + " is not set; run the benchmarks through "
                    + BenchMain.class.getName() + " (java -jar bench/target/benchmarks.jar), which starts the server");
        }
        return value;
    }

    /** The {@code -D} options that make {@link #fromSystemProperties()} return this address. */
    List<String> jvmArgs() {
        return List.of("-D" + HOST + "=" + host, "-D" + PORT + "=" + port, "-D" + DATABASE + "=" + database);
    }

    /** The login user: the testkit's default superuser. */
    String user() {
        return PgCluster.Settings.defaults().superuser();
    }

    /** The login password: the testkit's default superuser password. */
    String password() {
        return PgCluster.Settings.defaults().superuserPassword();
    }

    /** {@code //host:port/database}, the part of a JDBC URL after the scheme. */
    String authorityAndPath() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "//" + h + ":" + port + "/" + database;
    }
}
