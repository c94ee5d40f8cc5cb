package io.ysql.internal.session;

import io.ysql.error.SqlState;
import io.ysql.internal.wire.backend.RowDescription;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntPredicate;

/**
 * Chooses result formats per statement text. The first run of a statement asks for text; its
 * RowDescription is then remembered, and later runs ask for binary for the column types the
 * codecs read faster in binary. Bounded (least recently used entries go first).
 */
final class ResultFormats {
    private static final int CAPACITY = 256;
    private static final short[] ALL_TEXT = new short[0];

    private final IntPredicate binaryType;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, short[]> bySql = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, short[]> eldest) { return size() > CAPACITY; }
    };

    ResultFormats(IntPredicate binaryType) { this.binaryType = binaryType; }

    short[] forStatement(String sql) {
        lock.lock();
        try {
            short[] f = bySql.get(sql);
            return f == null ? ALL_TEXT : f;
        } finally {
            lock.unlock();
        }
    }

    void remember(String sql, RowDescription d) {
        RowDescription.Field[] fields = d.fields();
        short[] f = new short[fields.length];
        boolean anyBinary = false;
        for (int i = 0; i < fields.length; i++) {
            if (binaryType.test(fields[i].typeOid())) {
                f[i] = 1;
                anyBinary = true;
            }
        }
        lock.lock();
        try {
            bySql.put(sql, anyBinary ? f : ALL_TEXT);
        } finally {
            lock.unlock();
        }
    }

    void forget(String sql) {
        lock.lock();
        try {
            bySql.remove(sql);
        } finally {
            lock.unlock();
        }
    }

    /** True when {@code e} is the server refusing a Bind whose result format count no longer fits the statement. */
    boolean isStaleFormatError(SQLException e, short[] sent) {
        return sent.length > 1 && SqlState.PROTOCOL_VIOLATION.equals(e.getSQLState())
                && e.getMessage() != null && e.getMessage().contains("result formats");
    }
}
