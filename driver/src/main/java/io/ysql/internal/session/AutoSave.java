package io.ysql.internal.session;

import java.sql.SQLException;
import java.util.Locale;

/**
 * The {@code autosave} policy (pgjdbc's option of that name): inside a transaction block, a
 * {@code SAVEPOINT} is written ahead of a statement, in the same write, so that when the statement
 * fails the session rolls back to it and the transaction stays usable. {@link Mode#ALWAYS} does so
 * for every statement and restores after any failure; {@link Mode#CONSERVATIVE} only for
 * statements run through the statement cache, and restores only after a stale-plan failure (which
 * the session then retries). With {@code cleanup}, the savepoint is released after the statement,
 * again in the same write, so that savepoints do not pile up on the server. A query streamed
 * inside a transaction block ({@link PortalStream}) is covered too: its opening request as a
 * statement, and with {@link Mode#ALWAYS} each later chunk, so a failure at any row rolls back to
 * the savepoint set just before the request that met it. COPY and pipelines are not covered.
 *
 * @param mode    when to set a savepoint
 * @param cleanup release each savepoint after its statement ({@code cleanupSavepoints})
 */
public record AutoSave(Mode mode, boolean cleanup) {
    /** The savepoint's name on the server. */
    static final String SAVEPOINT = "ysql_autosave";

    /** The policy that never sets a savepoint. */
    public static final AutoSave NEVER = new AutoSave(Mode.NEVER, false);

    /** When a savepoint is set. */
    public enum Mode {
        /** Never: a failed statement aborts the transaction, as the server does. */
        NEVER,
        /** Before every statement in a transaction block. */
        ALWAYS,
        /** Before statements that may fail because a cached plan went stale. */
        CONSERVATIVE;

        /** The mode for an option value: {@code never}, {@code always} or {@code conservative}. */
        public static Mode of(String value) {
            return value == null ? NEVER : valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public AutoSave {
        if (mode == null) mode = Mode.NEVER;
    }

    /** Whether {@code e} gets a savepoint, given that it runs inside a transaction block. */
    boolean applies(Exchange e) {
        return switch (mode) {
            case NEVER -> false;
            case ALWAYS -> e.takesAutosave();
            case CONSERVATIVE -> e instanceof CachedQuery || e instanceof PortalStep step && step.opens();
        };
    }

    /**
     * Whether each later chunk of a streamed query gets a savepoint of its own, as a statement
     * would: only with {@link Mode#ALWAYS} (a chunk cannot fail on a stale plan).
     */
    boolean savesChunks() { return mode == Mode.ALWAYS; }

    /** Whether the session rolls back to the savepoint after {@code failure}. */
    boolean restoresAfter(SQLException failure) {
        return mode == Mode.ALWAYS || (mode == Mode.CONSERVATIVE && StatementCache.isStale(failure));
    }

    /**
     * Whether {@code sql} starts with a transaction-control command (BEGIN, START, COMMIT, END,
     * ROLLBACK, ABORT, SAVEPOINT, RELEASE, PREPARE TRANSACTION): those are never wrapped in a savepoint.
     */
    static boolean isTransactionControl(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n && (Character.isWhitespace(sql.charAt(i)) || sql.charAt(i) == '(')) i++;
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) i++;
        String word = sql.substring(start, i).toUpperCase(Locale.ROOT);
        return switch (word) {
            case "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE" -> true;
            case "PREPARE" -> sql.substring(i).stripLeading().toUpperCase(Locale.ROOT).startsWith("TRANSACTION");
            default -> false;
        };
    }
}
