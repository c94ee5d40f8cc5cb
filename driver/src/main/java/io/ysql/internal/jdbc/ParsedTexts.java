package io.ysql.internal.jdbc;

import io.ysql.internal.codec.EncodedParameter;
import io.ysql.internal.session.Bindings;
import io.ysql.internal.session.RowView;
import io.ysql.internal.session.StatementText;
import io.ysql.internal.sql.JdbcPlaceholders;
import io.ysql.internal.sql.MultiRowInsert;
import io.ysql.internal.sql.ParsedSql;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The SQL texts a connection's prepared statements were made from, each scanned once: a pooled
 * connection whose borrowers prepare the same few statements again and again finds the scan, and
 * the {@link StatementText} that leads the session straight to its statement cache entry and its
 * spare exchange, with one map lookup, instead of scanning and allocating per
 * {@code prepareStatement}. Bounded: at most {@value #MAX_ENTRIES} texts of at most
 * {@value #MAX_TEXT} characters, the least recently used dropped first. The connection may be
 * shared between threads: lookups hold a lock, and a shared {@link Entry} is safe to use from
 * several statements at once.
 */
final class ParsedTexts {
    static final int MAX_ENTRIES = 256;
    static final int MAX_TEXT = 4096;

    /**
     * One scanned text, shared by the statements prepared from it: the scan, the session's view of
     * the text, and what a closed statement of the text leaves for the next: one set of parameter
     * arrays and one row view.
     */
    static final class Entry {
        final ParsedSql parsed;
        final StatementText text;
        private final AtomicReference<Bindings> spare = new AtomicReference<>();
        private final AtomicReference<RowView> spareView = new AtomicReference<>();
        private volatile Optional<MultiRowInsert> insert; // made on first use; a race makes it twice, alike
        private final AtomicReference<ParameterSlots> spareSlots = new AtomicReference<>();

        Entry(ParsedSql parsed, StatementText text) {
            this.parsed = parsed;
            this.text = text;
        }

        /** Parameter arrays sized for this text that no statement uses now, or null. */
        Bindings takeBindings() { return spare.getAndSet(null); }

        /** Gives back arrays taken with {@link #takeBindings} once their statement is done with them. */
        void giveBack(Bindings b) { spare.set(b); }

        /** The text as multi-row INSERTs (rewrite_batched_inserts), or null when it is not a single-row INSERT. */
        MultiRowInsert multiRowInsert() {
            Optional<MultiRowInsert> m = insert;
            if (m == null) insert = m = MultiRowInsert.of(parsed.sql(), parsed.parameterCount());
            return m.orElse(null);
        }

        /** Parameter slots sized for this text that no statement uses now, or null. */
        ParameterSlots takeSlots() { return spareSlots.getAndSet(null); }

        /** Gives back the slots of a closed statement, all of whose values are cleared. */
        void giveBack(ParameterSlots s) { spareSlots.set(s); }

        /** A row view no result set uses now, or null. */
        RowView takeView() { return spareView.getAndSet(null); }

        /** Keeps the row view of a closed statement's last result set for the next statement of this text. */
        void keepView(RowView v) { spareView.set(v); }
    }

    /**
     * A statement's parameter values, and int parameters a closed statement of the text made and
     * a later one may rewrite in place (their bytes zeroed in between), so a statement prepared per
     * pooled borrow makes neither the array nor a parameter for {@code setInt}.
     */
    static final class ParameterSlots {
        static final ParameterSlots NONE = new ParameterSlots(0);
        final EncodedParameter[] values;
        final EncodedParameter[] ints;

        ParameterSlots(int count) {
            values = new EncodedParameter[count];
            ints = new EncodedParameter[Math.min(count, 64)];
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Entry> entries = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) { return size() > MAX_ENTRIES; }
    };

    /**
     * The scan of {@code sql} and its statement text, from the cache or made now (and kept when
     * the text is short enough). Refuses a text that holds several statements and parameters.
     */
    Entry of(String sql) throws SQLException {
        lock.lock();
        try {
            Entry e = entries.get(sql);
            if (e != null) return e;
        } finally {
            lock.unlock();
        }
        Entry made = scan(sql);
        if (sql.length() > MAX_TEXT) return made;
        lock.lock();
        try {
            Entry raced = entries.putIfAbsent(sql, made);
            return raced != null ? raced : made;
        } finally {
            lock.unlock();
        }
    }

    /** Scans {@code sql} into an entry of its own, not kept. */
    static Entry scan(String sql) throws SQLException {
        ParsedSql parsed = JdbcPlaceholders.parse(sql);
        JdbcPreparedStatement.checkOneStatement(parsed);
        return new Entry(parsed, new StatementText(parsed.sql()));
    }
}
