package io.ysql.internal.tls;

import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.config.ConfigSources;
import io.ysql.testkit.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.Map;

/**
 * A home directory for the driver's default TLS files, made under a test's temporary directory:
 * empty, or with {@code .postgresql/root.crt} holding the test root (which vouches for every good
 * server certificate) or the unknown CA (which vouches for none of the server's). Connections made
 * through it see no environment variables, so the machine's {@code PGSSL*} settings and real home
 * cannot change a test's outcome.
 */
record FakeHome(String name, Path directory) {
    /** No {@code .postgresql/} at all. */
    static FakeHome empty(Path parent) {
        return new FakeHome("empty HOME", create(parent.resolve("empty")));
    }

    /** {@code .postgresql/root.crt} = the test root CA. */
    static FakeHome trustedRoot(Path parent) {
        return withRoot(parent, "HOME with the test root", TestCertificates.get().rootCert());
    }

    /** {@code .postgresql/root.crt} = a CA that signed none of the server certificates but UNKNOWN_CA. */
    static FakeHome wrongRoot(Path parent) {
        return withRoot(parent, "HOME with an unrelated root", TestCertificates.get().unknownCaCert());
    }

    private static FakeHome withRoot(Path parent, String name, Path root) {
        Path home = create(parent.resolve(name.replace(' ', '-')));
        try {
            Path dir = Files.createDirectories(home.resolve(".postgresql"));
            Files.copy(root, dir.resolve("root.crt"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FakeHome(name, home);
    }

    private static Path create(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file libpq and the driver look for when {@code sslrootcert} is not given. */
    Path rootFile() {
        return directory.resolve(".postgresql").resolve("root.crt");
    }

    ConfigSources sources() {
        return new ConfigSources(Map.of(), directory);
    }

    /** Connects with this home and no environment. */
    YsqlConnection connect(String conninfo) throws SQLException {
        return Ysql.connect(conninfo, null, sources());
    }

    @Override
    public String toString() {
        return name;
    }
}
