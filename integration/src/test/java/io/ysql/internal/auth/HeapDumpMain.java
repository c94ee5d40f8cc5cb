package io.ysql.internal.auth;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Run in a child JVM by {@link SecretsHeapDumpIT}: builds a secret from its reversed form (so the
 * command line never holds it), connects with a conninfo in which {@code {secret}} stands for it,
 * runs a query, dumps the live heap while the connection is open, closes it, drops every
 * reference, collects garbage and dumps the live heap again.
 *
 * <p>Arguments: the directory for {@code open.hprof} and {@code closed.hprof}, the conninfo
 * template, the secret reversed.
 */
public final class HeapDumpMain {
    private HeapDumpMain() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try (YsqlConnection c = connect(args[1], args[2]);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_user")) {
            rs.next();
            System.out.println("USER " + rs.getString(1));
            dump(dir.resolve("open.hprof"));
        }
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        dump(dir.resolve("closed.hprof"));
        System.out.println("DUMPED");
    }

    /** The secret and the conninfo holding it live only in this frame, gone once it returns. */
    private static YsqlConnection connect(String template, String reversedSecret) throws Exception {
        String secret = new StringBuilder(reversedSecret).reverse().toString();
        return Ysql.connect(template.replace("{secret}", secret));
    }

    private static void dump(Path file) throws Exception {
        System.gc();
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), true);
    }
}
