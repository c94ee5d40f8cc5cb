package io.ysql.internal.jdbc;

import java.util.Objects;

/**
 * What {@link JdbcDatabaseMetaData} reports about the connection, the server and the driver:
 * the URL (never holding a password), the user, {@code server_version} exactly as the server
 * reported it, and the driver's name and version. The number part of the server version and its
 * major and minor components are derived here, the same way for PostgreSQL
 * ({@code "15.18 (Debian 15.18-0+deb12u1)"}) and YugabyteDB ({@code "11.2-YB-2.25.1.0-b0"}).
 *
 * @param url           the connection URL as given, without any password
 * @param user          the user name the session authenticated as
 * @param serverVersion the {@code server_version} parameter as reported by the server
 * @param driverName    the driver's name, {@code "ysql-driver"}
 * @param driverVersion the driver's version, e.g. {@code "0.1.0"}
 * @param driverMajor   the driver's major version
 * @param driverMinor   the driver's minor version
 */
public record DatabaseInfo(String url, String user, String serverVersion, String driverName,
                           String driverVersion, int driverMajor, int driverMinor) {

    public DatabaseInfo {
        Objects.requireNonNull(serverVersion, "serverVersion");
        Objects.requireNonNull(driverName, "driverName");
        Objects.requireNonNull(driverVersion, "driverVersion");
    }

    /**
     * The number part of {@link #serverVersion()}: what precedes {@code " ("} or {@code "-YB-"},
     * e.g. {@code "15.18"}, {@code "11.2"}, {@code "9.6.24"} or {@code "16beta1"}.
     */
    public String productVersion() {
        String v = serverVersion.strip();
        int paren = v.indexOf(" (");
        if (paren >= 0) v = v.substring(0, paren);
        int yb = v.indexOf("-YB-");
        if (yb >= 0) v = v.substring(0, yb);
        int space = v.indexOf(' ');
        return space >= 0 ? v.substring(0, space) : v;
    }

    /** The major server version: 15 for {@code "15.18"}, 11 for YugabyteDB 2.x, 9 for {@code "9.6.24"}. */
    public int majorVersion() {
        return leadingNumber(productVersion(), 0);
    }

    /** The minor server version: 18 for {@code "15.18"}, 6 for {@code "9.6.24"}, 0 for {@code "16beta1"}. */
    public int minorVersion() {
        String v = productVersion();
        int dot = v.indexOf('.');
        return dot < 0 ? 0 : leadingNumber(v, dot + 1);
    }

    /** The decimal number at {@code from}, or 0 when there is no digit there. */
    private static int leadingNumber(String s, int from) {
        int value = 0;
        for (int i = from; i < s.length() && value < 100_000; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') break;
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
