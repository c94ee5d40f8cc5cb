package io.ysql.internal.session;

import io.ysql.error.SqlState;
import io.ysql.internal.wire.backend.RowDescription;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntPredicate;

/**
 * What the session knows about the statements it ran, per SQL text and parameter types: how
 * often each ran and, from the prepare threshold's run on, the name of a prepared statement on
 * the server with its row description and the result formats to ask for (binary for the types
 * the codecs read faster so), so that later runs send only Bind and Execute.
 *
 * <p>Unnamed runs after the first ask for the formats the last run's columns allow, but only for a
 * plain SELECT: a column whose type changed since (DDL) may then arrive in a binary format the
 * codecs cannot read, and the session runs the SELECT again reading text ({@link #readable}); a
 * statement with other effects (INSERT ... RETURNING) reads text until it is named. The run that
 * prepares the statement describes it (Describe statement) and asks for text; the named runs use
 * the binary formats chosen from that description, and their result type the server guarantees (it
 * answers 0A000 "cached plan must not change result type" instead, and the session prepares again).
 *
 * <p>A plan is chosen while the request is being written (under the session's write permit), so
 * the Parse of a new named statement is always on the wire before any Bind that uses it, whatever
 * the threads. Bounded by a count and by an estimate of the bytes each entry holds (its SQL
 * text, parameter types and columns): the least recently used entries go first, and the server
 * statements of evicted entries are closed with the next request. A named entry keeps its plan,
 * so a run of a prepared statement allocates nothing here.
 */
final class StatementCache {
    /** The connection's default prepare threshold ({@code prepare_threshold}). */
    static final int PREPARE_THRESHOLD = 5;
    static final int DEFAULT_SIZE = 256;
    static final long DEFAULT_BYTES = 5L * 1024 * 1024;
    private static final short[] ALL_TEXT = new short[0];

    /** How one execution is sent. */
    enum Kind { UNNAMED, PREPARE, NAMED }

    /**
     * The plan for one execution: the statement name ("" for unnamed), result formats, the
     * description (named runs only), and the cache's key for recording the run.
     */
    record Plan(Kind kind, String name, short[] formats, RowDescription description, Key key) {}

    /** SQL text and parameter types; compared by identity first, since callers keep their key. */
    static final class Key {
        final String sql;
        final int[] types;
        private final int hash;

        Key(String sql, int[] types) {
            this.sql = sql;
            this.types = types;
            this.hash = 31 * sql.hashCode() + Arrays.hashCode(types);
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Key k && k.hash == hash && k.sql.equals(sql) && Arrays.equals(k.types, types);
        }

        @Override
        public int hashCode() { return hash; }
    }

    private static final class Entry {
        int runs;
        short[] formats = ALL_TEXT; // for unnamed runs: from the last run, when it was a SELECT
        String name; // set when the Parse of the named statement is written
        Plan named;  // set when that run completed: the plan of every later run
        long bytes;
    }

    private final IntPredicate binaryType;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<String> toClose = new ArrayList<>();
    private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private int nextName;
    private long totalBytes;
    private int threshold = PREPARE_THRESHOLD;
    private int maxEntries = DEFAULT_SIZE;
    private long maxBytes = DEFAULT_BYTES;

    StatementCache(IntPredicate binaryType) { this.binaryType = binaryType; }

    /**
     * Sets the limits: the default prepare threshold (0 never prepares a named statement), the
     * most entries, and the most bytes they may hold (estimated).
     */
    void configure(int prepareThreshold, int entryLimit, long byteLimit) {
        lock.lock();
        try {
            threshold = prepareThreshold;
            maxEntries = entryLimit;
            maxBytes = byteLimit;
            evict(null);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Decides how to send the next run of {@code key}; called under the write permit.
     *
     * @param statementThreshold the statement's own prepare threshold, or -1 for the cache's
     */
    Plan plan(Key key, int statementThreshold) {
        lock.lock();
        try {
            int limit = statementThreshold < 0 ? threshold : statementThreshold;
            Entry e = entries.get(key);
            if (e == null) return new Plan(Kind.UNNAMED, "", ALL_TEXT, null, key);
            if (limit == 0) return new Plan(Kind.UNNAMED, "", e.formats, null, key);
            if (e.named != null) return e.named;
            if (e.name == null && e.runs + 1 >= limit) {
                e.name = "ysql_" + (++nextName);
                return new Plan(Kind.PREPARE, e.name, ALL_TEXT, null, key);
            }
            return new Plan(Kind.UNNAMED, "", e.formats, null, key); // also while another thread prepares it
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records a completed run; {@code description} is what the server described for it (the
     * statement's columns, null when it returns none), {@code select} whether it was a plain SELECT.
     */
    void ran(Plan plan, RowDescription description, boolean select) {
        if (plan.kind() == Kind.NAMED) return; // nothing left to learn
        lock.lock();
        try {
            Key key = plan.key();
            Entry e = entries.get(key);
            if (e == null) {
                if (maxEntries == 0 || plan.kind() == Kind.PREPARE) return; // evicted meanwhile: its name is closed
                e = new Entry();
                entries.put(key, e);
            }
            e.runs++;
            if (plan.kind() == Kind.UNNAMED) e.formats = select && description != null ? formatsFor(description) : ALL_TEXT;
            if (plan.kind() == Kind.PREPARE && plan.name().equals(e.name)) {
                short[] formats = description == null ? ALL_TEXT : formatsFor(description);
                RowDescription d = description == null ? null : withFormats(description, formats);
                e.named = new Plan(Kind.NAMED, e.name, formats, d, key);
            }
            long bytes = estimate(key, e.named == null ? null : e.named.description());
            totalBytes += bytes - e.bytes;
            e.bytes = bytes;
            evict(key);
        } finally {
            lock.unlock();
        }
    }

    /** Records a failed run: a statement it was preparing is closed, and prepared again later. */
    void failed(Plan plan) {
        if (plan == null || plan.kind() != Kind.PREPARE) return;
        lock.lock();
        try {
            Entry e = entries.get(plan.key());
            if (e != null && plan.name().equals(e.name) && e.named == null) {
                e.name = null;
                toClose.add(plan.name()); // closing a statement whose Parse failed is no error
            }
        } finally {
            lock.unlock();
        }
    }

    /** Drops least recently used entries, {@code keep} last of all, until the limits hold. */
    private void evict(Key keep) {
        Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || totalBytes > maxBytes) && it.hasNext()) {
            Map.Entry<Key, Entry> eldest = it.next();
            if (eldest.getKey() == keep && entries.size() > 1) continue;
            remove(eldest.getValue());
            it.remove();
        }
    }

    private void remove(Entry e) {
        totalBytes -= e.bytes;
        if (e.name != null) toClose.add(e.name);
    }

    /** Forgets {@code key}: its columns changed, or its server statement is gone. */
    void forget(Key key) {
        lock.lock();
        try {
            Entry e = entries.remove(key);
            if (e != null) remove(e);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets every server statement (after DISCARD ALL or DEALLOCATE ALL removed them). */
    void forgetAllNames() {
        lock.lock();
        try {
            for (Entry e : entries.values()) {
                e.name = null;
                e.named = null;
            }
            toClose.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Names of server statements to close with the next request. */
    List<String> drainCloses() {
        if (toClose.isEmpty()) return List.of(); // a racy peek: a name added meanwhile goes with the next request
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

    /** Entries held, and the bytes they are estimated to take (for tests). */
    int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    long bytes() {
        lock.lock();
        try {
            return totalBytes;
        } finally {
            lock.unlock();
        }
    }

    /**
     * True when {@code e} says a cached plan no longer fits: the result columns changed (DDL),
     * the named statement is gone (DISCARD ALL, DEALLOCATE), or a Bind's result-format count no
     * longer matches.
     */
    static boolean isStale(SQLException e) {
        String state = e.getSQLState();
        String m = e.getMessage() == null ? "" : e.getMessage();
        return (SqlState.FEATURE_NOT_SUPPORTED.equals(state) && m.contains("cached plan must not change result type"))
                || SqlState.INVALID_SQL_STATEMENT_NAME.equals(state)
                || (SqlState.PROTOCOL_VIOLATION.equals(state) && m.contains("result formats"));
    }

    /** Whether every column {@code d} says arrived in binary has a type the codecs read in binary. */
    boolean readable(RowDescription d) {
        if (d == null) return true;
        for (int i = 0, n = d.fieldCount(); i < n; i++) {
            RowDescription.Field f = d.field(i);
            if (f.format() == 1 && !binaryType.test(f.typeOid())) return false;
        }
        return true;
    }

    /** Roughly what an entry keeps alive: its text, types and columns, plus the objects around them. */
    static long estimate(Key key, RowDescription d) {
        long bytes = 96 + 2L * key.sql.length() + 4L * key.types.length;
        if (d != null) {
            for (RowDescription.Field f : d.fields()) bytes += 64 + 2L * f.name().length();
        }
        return bytes;
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
