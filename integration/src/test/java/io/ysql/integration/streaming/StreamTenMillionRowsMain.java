package io.ysql.integration.streaming;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The child JVM of {@link StreamTenMillionRowsIT}: reads {@code rows} rows of four columns in
 * autocommit mode with a fetch size of 1000, and prints their count, checksums, the expected
 * checksums, the peak heap use and the time taken, one {@code key=value} per line.
 */
public final class StreamTenMillionRowsMain {
    private StreamTenMillionRowsMain() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long rows = Long.parseLong(args[3]);
        long start = System.nanoTime();
        long count = 0;
        long sum = 0;
        long textLength = 0;
        long flags = 0;
        double halves = 0;
        try (Connection conn = DriverManager.getConnection(url, args[1], args[2]);
             PreparedStatement ps = conn.prepareStatement("SELECT i, i::text, i % 7 = 0, i * 0.5::float8 "
                     + "FROM generate_series(1, " + rows + ") AS i")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    count++;
                    sum += rs.getLong(1);
                    textLength += rs.getString(2).length();
                    if (rs.getBoolean(3)) flags++;
                    halves += rs.getDouble(4);
                }
            }
            try (ResultSet rs = conn.createStatement().executeQuery("SELECT 'still usable'")) {
                rs.next();
                System.out.println("after=" + rs.getString(1));
            }
        }
        long elapsed = System.nanoTime() - start;
        long expectedText = 0;
        for (long i = 1; i <= rows; i++) expectedText += Long.toString(i).length();
        System.out.println("rows=" + count + " expected=" + rows);
        System.out.println("sum=" + sum + " expected=" + rows * (rows + 1) / 2);
        System.out.println("text=" + textLength + " expected=" + expectedText);
        System.out.println("flags=" + flags + " expected=" + rows / 7);
        System.out.println("halves=" + (long) halves + " expected=" + rows * (rows + 1) / 4);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        System.out.println("maxHeapMiB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.println("peakHeapMiB=" + peak / (1024 * 1024));
        System.out.println("seconds=" + elapsed / 1_000_000_000.0);
        System.out.println("rowsPerSecond=" + (long) (count / (elapsed / 1e9)));
    }
}
