package io.ysql.internal.session;

import io.ysql.error.SqlState;
import io.ysql.internal.wire.backend.RowDescription;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntPredicate;

/**
 * What the session knows about the statements it ran, per SQL text and parameter types: how
 * often each ran, its row description, the result formats to ask for (binary for the types the
 * codecs read faster so), and, from the {@value #PREPARE_THRESHOLD}th run on, the name of a
 * prepared statement on the server, so that later runs send only Bind and Execute.
 *
 * <p>A plan is chosen while the request is being written (under the session's write permit), so
 * the Parse of a new named statement is always on the wire before any Bind that uses it, whatever
 * the threads. Evicted statements are closed on the server with the next request. Bounded: the
 * least recently used entries go first.
 */
final class StatementCache {
    static final int PREPARE_THRESHOLD = 5;
    private static final int CAPACITY = 256;
    private static final short[] ALL_TEXT = new short[0];

    /** How one execution is sent. */
    enum Kind { UNNAMED, PREPARE, NAMED }

    /**
     * The plan for one execution: the statement name ("" for unnamed), formats, the description
     * when known, and the cache's key for recording the run.
     */
    record Plan(Kind kind, String name, short[] formats, RowDescription description, Object key) {}

    private record Key(String sql, int[] types, int hash) {
        Key(String sql, int[] types) {
            this(sql, types, 31 * sql.hashCode() + Arrays.hashCode(types));
        }
        @Override public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.sql.equals(sql) && Arrays.equals(k.types, types);
        }
        @Override public int hashCode() { return hash; }
    }

    private static final class Entry {
        int runs;
        short[] formats = ALL_TEXT;
        RowDescription description; // with the formats applied
        boolean hasRows;
        String name;
    }

    private final IntPredicate binaryType;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<String> toClose = new ArrayList<>();
    private int nextName;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            if (size() <= CAPACITY) return false;
            if (eldest.getValue().name != null) toClose.add(eldest.getValue().name);
            return true;
        }
    };

    StatementCache(IntPredicate binaryType) { this.binaryType = binaryType; }

    /** Decides how to send the next run of {@code sql}; called under the write permit. */
    Plan plan(String sql, int[] types) {
        Key key = new Key(sql, types);
        lock.lock();
        try {
            Entry e = entries.get(key);
            if (e == null || e.runs == 0) return new Plan(Kind.UNNAMED, "", ALL_TEXT, null, key);
            if (e.name != null) return new Plan(Kind.NAMED, e.name, e.formats, e.description, key);
            if (e.runs + 1 >= PREPARE_THRESHOLD && (e.description != null || !e.hasRows)) {
                e.name = "ysql_" + (++nextName);
                return new Plan(Kind.PREPARE, e.name, e.formats, e.description, key);
            }
            return new Plan(Kind.UNNAMED, "", e.formats, null, key);
        } finally {
            lock.unlock();
        }
    }

    /** Records a completed run; {@code description} is what the server described (unnamed runs), or null. */
    void ran(Plan plan, RowDescription description, boolean described) {
        lock.lock();
        try {
            Entry e = entries.computeIfAbsent((Key) plan.key(), k -> new Entry());
            e.runs++;
            if (described) {
                e.hasRows = description != null;
                if (description != null) {
                    e.formats = formatsFor(description);
                    e.description = withFormats(description, e.formats);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Forgets {@code sql}: its columns changed, or its server statement is gone. */
    void forget(String sql, int[] types) {
        lock.lock();
        try {
            Entry e = entries.remove(new Key(sql, types));
            if (e != null && e.name != null) toClose.add(e.name);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets every server statement (after DISCARD ALL or DEALLOCATE ALL removed them). */
    void forgetAllNames() {
        lock.lock();
        try {
            entries.values().forEach(e -> e.name = null);
            toClose.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Names of server statements to close with the next request. */
    List<String> drainCloses() {
        lock.lock();
        try {
            if (toClose.isEmpty()) return List.of();
            List<String> out = List.copyOf(toClose);
            toClose.clear();
            return out;
        } finally {
            lock.unlock();
        }
    }

    /**
     * True when {@code e} says a cached plan no longer fits: the result columns changed (DDL),
     * the named statement is gone (DISCARD ALL), or a Bind's result-format count no longer matches.
     */
    static boolean isStale(SQLException e) {
        String state = e.getSQLState();
        String m = e.getMessage() == null ? "" : e.getMessage();
        return (SqlState.FEATURE_NOT_SUPPORTED.equals(state) && m.contains("cached plan must not change result type"))
                || SqlState.INVALID_SQL_STATEMENT_NAME.equals(state)
                || (SqlState.PROTOCOL_VIOLATION.equals(state) && m.contains("result formats"));
    }

    private short[] formatsFor(RowDescription d) {
        RowDescription.Field[] fields = d.fields();
        short[] f = new short[fields.length];
        boolean anyBinary = false;
        for (int i = 0; i < fields.length; i++) {
            if (binaryType.test(fields[i].typeOid())) {
                f[i] = 1;
                anyBinary = true;
            }
        }
        return anyBinary ? f : ALL_TEXT;
    }

    private static RowDescription withFormats(RowDescription d, short[] formats) {
        RowDescription.Field[] in = d.fields();
        RowDescription.Field[] out = new RowDescription.Field[in.length];
        for (int i = 0; i < in.length; i++) {
            RowDescription.Field f = in[i];
            short format = formats.length == 0 ? 0 : formats[i];
            out[i] = new RowDescription.Field(f.name(), f.tableOid(), f.columnAttribute(), f.typeOid(), f.typeSize(),
                    f.typeModifier(), format);
        }
        return new RowDescription(out);
    }
}
