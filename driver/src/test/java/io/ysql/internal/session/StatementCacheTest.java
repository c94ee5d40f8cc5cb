package io.ysql.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.session.StatementCache.Kind;
import io.ysql.internal.session.StatementCache.Plan;
import io.ysql.internal.wire.backend.RowDescription;
import org.junit.jupiter.api.Test;

class StatementCacheTest {
    private static final int INT4 = 23;
    private static final int TEXT = 25;
    private static final RowDescription ROWS = new RowDescription(new RowDescription.Field[] {
        new RowDescription.Field("id", 0, (short) 0, INT4, (short) 4, -1, (short) 0),
        new RowDescription.Field("name", 0, (short) 0, TEXT, (short) -1, -1, (short) 0)});

    private final StatementCache cache = new StatementCache(oid -> oid == INT4);

    private static StatementCache.Key key(String sql) { return new StatementCache.Key(sql, new int[] {INT4}); }

    /** Plans and completes one run, as a CachedQuery does. */
    private Plan run(StatementCache.Key key, int threshold) {
        Plan p = cache.plan(key, threshold);
        cache.ran(p, ROWS, true);
        return p;
    }

    @Test
    void theThresholdthRunPreparesAndLaterRunsReuseOnePlan() {
        StatementCache.Key k = key("SELECT id, name FROM t WHERE id = $1");
        for (int i = 1; i < StatementCache.PREPARE_THRESHOLD; i++) {
            Plan p = run(k, -1);
            assertThat(p.kind()).isEqualTo(Kind.UNNAMED);
            if (i == 1) assertThat(p.formats()).isEmpty(); // the first run reads text
            else assertThat(p.formats()).containsExactly(1, 0); // later SELECT runs the formats the columns allow
        }
        Plan prepare = run(k, -1);
        assertThat(prepare.kind()).isEqualTo(Kind.PREPARE);
        assertThat(prepare.formats()).isEmpty(); // the preparing run describes the statement and reads text
        Plan named = cache.plan(k, -1);
        assertThat(named.kind()).isEqualTo(Kind.NAMED);
        assertThat(named.name()).isEqualTo(prepare.name());
        assertThat(named.formats()).containsExactly(1, 0);
        assertThat(named.description().field(0).format()).isEqualTo((short) 1);
        assertThat(cache.plan(key("SELECT id, name FROM t WHERE id = $1"), -1)).isSameAs(named);
    }

    @Test
    void thresholdZeroNeverPreparesAndAStatementMayChooseItsOwn() {
        cache.configure(0, 10, 1 << 20);
        StatementCache.Key k = key("SELECT 1");
        for (int i = 0; i < 10; i++) assertThat(run(k, -1).kind()).isEqualTo(Kind.UNNAMED);
        assertThat(run(k, 1).kind()).isEqualTo(Kind.PREPARE);
        assertThat(cache.plan(k, 1).kind()).isEqualTo(Kind.NAMED);
        assertThat(cache.plan(k, 0).kind()).isEqualTo(Kind.UNNAMED);
    }

    @Test
    void aFailedPrepareIsClosedAndPreparedAgain() {
        StatementCache.Key k = key("INSERT INTO t VALUES ($1)");
        run(k, 1);
        Plan prepare = cache.plan(k, 1);
        assertThat(prepare.kind()).isEqualTo(Kind.PREPARE);
        cache.failed(prepare);
        assertThat(cache.drainCloses()).containsExactly(prepare.name());
        Plan again = cache.plan(k, 1);
        assertThat(again.kind()).isEqualTo(Kind.PREPARE);
        assertThat(again.name()).isNotEqualTo(prepare.name());
    }

    @Test
    void theCountLimitEvictsTheLeastRecentlyUsedAndClosesItsStatement() {
        cache.configure(1, 2, 1 << 20);
        StatementCache.Key a = key("SELECT 'a'");
        StatementCache.Key b = key("SELECT 'b'");
        StatementCache.Key c = key("SELECT 'c'");
        run(a, -1);
        String nameA = run(a, -1).name();
        run(b, -1);
        cache.plan(a, -1); // a is used again: b is now the least recent
        run(c, -1);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.plan(b, -1).kind()).isEqualTo(Kind.UNNAMED);
        assertThat(cache.plan(a, -1).kind()).isEqualTo(Kind.NAMED);
        assertThat(cache.drainCloses()).isEmpty();
        run(b, -1);
        run(c, -1);
        assertThat(cache.drainCloses()).containsExactly(nameA);
    }

    @Test
    void theByteLimitEvictsBigEntriesFirstComeFirstOut() {
        StatementCache.Key big = key("SELECT '" + "x".repeat(20_000) + "'");
        long bigBytes = StatementCache.estimate(big, null);
        cache.configure(5, 100, bigBytes + 150); // room for one small entry beside the big one
        run(big, -1);
        assertThat(cache.bytes()).isEqualTo(bigBytes);
        run(key("SELECT 1"), -1);
        run(key("SELECT 2"), -1);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.bytes()).isLessThan(bigBytes);
        cache.configure(5, 100, 0);
        assertThat(cache.size()).isZero();
        assertThat(cache.bytes()).isZero();
    }

    @Test
    void onlyASelectsUnnamedRunsReuseFormats() {
        StatementCache.Key k = key("INSERT INTO t VALUES ($1) RETURNING id, name");
        Plan first = cache.plan(k, -1);
        cache.ran(first, ROWS, false);
        assertThat(cache.plan(k, -1).formats()).isEmpty();
        assertThat(cache.readable(ROWS)).isTrue();
        RowDescription binaryText = new RowDescription(new RowDescription.Field[] {
            new RowDescription.Field("v", 0, (short) 0, TEXT, (short) -1, -1, (short) 1)});
        assertThat(cache.readable(binaryText)).isFalse();
    }

    @Test
    void aDescriptionCountsTowardsTheBytes() {
        StatementCache.Key k = key("SELECT id, name FROM t WHERE id = $1");
        assertThat(StatementCache.estimate(k, ROWS)).isGreaterThan(StatementCache.estimate(k, null));
    }

    @Test
    void forgettingEveryNamePreparesAgainOnTheNextRun() {
        StatementCache.Key k = key("SELECT 1");
        run(k, 1);
        run(k, 1);
        assertThat(cache.plan(k, 1).kind()).isEqualTo(Kind.NAMED);
        cache.forgetAllNames();
        assertThat(cache.plan(k, 1).kind()).isEqualTo(Kind.PREPARE);
        assertThat(cache.drainCloses()).isEmpty();
    }
}
