package io.ysql.internal.transport;

import io.ysql.Ysql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Run in a child JVM with a small heap by {@link MessageSizeCapPeerIT}: connects with the conninfo
 * given as the only argument, runs one query, and prints how it ended (the SQLSTATE and message
 * of the failure, or that memory ran out) and every driver thread still alive afterwards.
 */
public final class CappedConnectMain {
    private CappedConnectMain() {}

    public static void main(String[] args) {
        try (Connection c = Ysql.connect(args[0]); Statement s = c.createStatement()) {
            s.executeQuery("SELECT 42").close();
            System.out.println("NO FAILURE");
        } catch (SQLException e) {
            System.out.println("SQLSTATE " + e.getSQLState());
            System.out.println("MESSAGE " + String.valueOf(e.getMessage()).replace('\n', ' '));
        } catch (OutOfMemoryError e) {
            System.out.println("OUT OF MEMORY");
            System.exit(3);
        }
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("ysql"))
                .forEach(t -> System.out.println("THREAD " + t.getName()));
        System.out.println("MAX HEAP " + Runtime.getRuntime().maxMemory());
    }
}
