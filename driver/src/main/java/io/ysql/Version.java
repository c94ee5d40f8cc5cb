package io.ysql;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The driver's version, read from the jar (written there by the build). */
public final class Version {
    /** e.g. {@code 0.1.0-SNAPSHOT}. */
    public static final String VERSION;
    public static final int MAJOR;
    public static final int MINOR;

    static {
        String v = "0.0.0";
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                v = p.getProperty("version", v);
            }
        } catch (IOException ignored) {
            // fall back to 0.0.0: the version is informative only
        }
        VERSION = v;
        String[] parts = v.split("[.-]");
        MAJOR = parse(parts, 0);
        MINOR = parse(parts, 1);
    }

    private Version() {}

    private static int parse(String[] parts, int i) {
        try {
            return i < parts.length ? Integer.parseInt(parts[i]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
