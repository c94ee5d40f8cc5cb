package io.ysql.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.types.Interval.Style;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Period;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IntervalTest {
    private static final long HOUR = 3_600_000_000L;
    private static final Interval YEAR_MONTH = Interval.of(14, 0, 0);
    private static final Interval DAY_TIME = Interval.of(0, 3, 4 * HOUR + 5 * 60_000_000L + 6_000_000L);
    private static final Interval MIXED = Interval.of(-14, 3, -(4 * HOUR + 5 * 60_000_000L + 6_000_000L));

    @Test
    void printsTheDocumentationsExamplesInEveryStyle() {
        // the table "Interval Output Style Examples" of the PostgreSQL manual
        assertThat(YEAR_MONTH.format(Style.SQL_STANDARD)).isEqualTo("1-2");
        assertThat(DAY_TIME.format(Style.SQL_STANDARD)).isEqualTo("3 4:05:06");
        assertThat(MIXED.format(Style.SQL_STANDARD)).isEqualTo("-1-2 +3 -4:05:06");
        assertThat(YEAR_MONTH.format(Style.POSTGRES)).isEqualTo("1 year 2 mons");
        assertThat(DAY_TIME.format(Style.POSTGRES)).isEqualTo("3 days 04:05:06");
        assertThat(MIXED.format(Style.POSTGRES)).isEqualTo("-1 years -2 mons +3 days -04:05:06");
        assertThat(YEAR_MONTH.format(Style.POSTGRES_VERBOSE)).isEqualTo("@ 1 year 2 mons");
        assertThat(DAY_TIME.format(Style.POSTGRES_VERBOSE)).isEqualTo("@ 3 days 4 hours 5 mins 6 secs");
        assertThat(MIXED.format(Style.POSTGRES_VERBOSE)).isEqualTo("@ 1 year 2 mons -3 days 4 hours 5 mins 6 secs ago");
        assertThat(YEAR_MONTH.format(Style.ISO_8601)).isEqualTo("P1Y2M");
        assertThat(DAY_TIME.format(Style.ISO_8601)).isEqualTo("P3DT4H5M6S");
        assertThat(MIXED.format(Style.ISO_8601)).isEqualTo("P-1Y-2M3DT-4H-5M-6S");
        assertThat(DAY_TIME.toString()).isEqualTo("3 days 04:05:06");
    }

    @Test
    void printsZeroFractionsAndSignsAsTheServer() {
        assertThat(Interval.ZERO.format(Style.POSTGRES)).isEqualTo("00:00:00");
        assertThat(Interval.ZERO.format(Style.POSTGRES_VERBOSE)).isEqualTo("@ 0");
        assertThat(Interval.ZERO.format(Style.SQL_STANDARD)).isEqualTo("0");
        assertThat(Interval.ZERO.format(Style.ISO_8601)).isEqualTo("PT0S");
        Interval frac = Interval.of(0, 0, -1_500_000);
        assertThat(frac.format(Style.POSTGRES)).isEqualTo("-00:00:01.5");
        assertThat(frac.format(Style.POSTGRES_VERBOSE)).isEqualTo("@ 1.5 secs ago");
        assertThat(frac.format(Style.SQL_STANDARD)).isEqualTo("-0:00:01.5");
        assertThat(frac.format(Style.ISO_8601)).isEqualTo("PT-1.5S");
        assertThat(Interval.of(0, 1, 1).format(Style.POSTGRES)).isEqualTo("1 day 00:00:00.000001");
        assertThat(Interval.of(0, -1, 0).format(Style.POSTGRES)).isEqualTo("-1 days");
        assertThat(Interval.of(0, -1, HOUR).format(Style.POSTGRES)).isEqualTo("-1 days +01:00:00");
        assertThat(Interval.of(1, 0, 1_000_000).format(Style.POSTGRES_VERBOSE)).isEqualTo("@ 1 mon 1 sec");
        assertThat(Interval.of(0, 0, Long.MAX_VALUE - 1).format(Style.POSTGRES)).isEqualTo("2562047788:00:54.775806");
        assertThat(Interval.POSITIVE_INFINITY.toString()).isEqualTo("infinity");
        assertThat(Interval.NEGATIVE_INFINITY.format(Style.ISO_8601)).isEqualTo("-infinity");
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void everyStylesOutputReadsBack(Style style) throws SQLException {
        Random random = new Random(42 + style.ordinal());
        for (int i = 0; i < 5000; i++) {
            Interval v = random(random);
            String text = v.format(style);
            assertThat(Interval.parse(text)).as("%s %s", style, text).isEqualTo(v);
        }
        for (Interval v : new Interval[] {Interval.ZERO, YEAR_MONTH, DAY_TIME, MIXED, Interval.POSITIVE_INFINITY,
            Interval.NEGATIVE_INFINITY, Interval.of(Integer.MIN_VALUE + 1, Integer.MIN_VALUE, Long.MIN_VALUE + 1)}) {
            assertThat(Interval.parse(v.format(style))).as("%s %s", style, v.format(style)).isEqualTo(v);
        }
    }

    @Test
    void theLeastTimeReadsBackInEveryStyle() throws SQLException {
        Interval least = Interval.of(0, 0, Long.MIN_VALUE);
        assertThat(least.format(Style.POSTGRES)).isEqualTo("-2562047788:00:54.775808");
        assertThat(Interval.parse("-2562047788:00:54.775808")).isEqualTo(least);
        assertThat(Interval.parse(least.format(Style.SQL_STANDARD))).isEqualTo(least);
        assertThat(Interval.parse("1 day -2562047788:00:54.775808")).isEqualTo(Interval.of(0, 1, Long.MIN_VALUE));
        for (Style style : Style.values()) {
            assertThat(Interval.parse(least.format(style))).as("%s %s", style, least.format(style)).isEqualTo(least);
        }
        assertThat(Interval.parse("@ 2562047788 hours 54.775808 secs ago")).isEqualTo(least);
    }

    static Interval random(Random r) {
        int months = switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> r.nextInt(25) - 12;
            default -> r.nextInt();
        };
        int days = switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> r.nextInt(61) - 30;
            default -> r.nextInt();
        };
        long micros = switch (r.nextInt(5)) {
            case 0 -> 0;
            case 1 -> (r.nextInt(200_001) - 100_000) * 1_000_000L;
            case 2 -> r.nextInt(2_000_001) - 1_000_000;
            default -> r.nextLong() / (1L << r.nextInt(40));
        };
        return Interval.of(months, days, micros == Long.MIN_VALUE ? 0 : micros);
    }

    @Test
    void readsInputSpellingsWithUnits() throws SQLException {
        assertThat(Interval.parse("1 day 2 hours")).isEqualTo(Interval.of(0, 1, 2 * HOUR));
        assertThat(Interval.parse("1.5 hours")).isEqualTo(Interval.of(0, 0, 90 * 60_000_000L));
        assertThat(Interval.parse("2 weeks")).isEqualTo(Interval.of(0, 14, 0));
        assertThat(Interval.parse("1.5 months")).isEqualTo(Interval.of(1, 15, 0));
        assertThat(Interval.parse("1.5 years")).isEqualTo(Interval.of(18, 0, 0));
        assertThat(Interval.parse("3 mins 4 secs")).isEqualTo(Interval.of(0, 0, 184_000_000L));
        assertThat(Interval.parse("  P1Y2M3DT4H5M6.5S ")).isEqualTo(Interval.of(14, 3, 4 * HOUR + 306_500_000L));
        assertThat(Interval.parse("P2W")).isEqualTo(Interval.of(0, 14, 0));
        assertThat(Interval.parse("-3 4:05:06")).isEqualTo(Interval.of(0, -3, -(4 * HOUR + 306_000_000L)));
        assertThat(Interval.parse("-1-2")).isEqualTo(Interval.of(-14, 0, 0));
        assertThat(Interval.parse("5")).isEqualTo(Interval.of(0, 0, 5_000_000L));
        assertThat(Interval.parse("1 day ago")).isEqualTo(Interval.of(0, -1, 0));
    }

    @Test
    void malformedTextRaises22007() {
        for (String bad : new String[] {"", "abc", "1 fortnight", "1:99:00", "P1X", "--1", "1 day @"}) {
            assertThatThrownBy(() -> Interval.parse(bad)).as(bad).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22007");
        }
        assertThatThrownBy(() -> Interval.parse("99999999999 years")).isInstanceOf(SQLException.class)
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22008");
    }

    @Test
    void convertsToAndFromJavaTime() {
        assertThat(Interval.ofDuration(Duration.ofDays(2).plusHours(1).plusNanos(1500)))
            .isEqualTo(Interval.of(0, 0, 49 * HOUR + 1));
        assertThat(Interval.ofPeriod(Period.of(1, 2, 3))).isEqualTo(Interval.of(14, 3, 0));
        assertThat(Interval.of(Period.ofMonths(1), Duration.ofSeconds(1))).isEqualTo(Interval.of(1, 0, 1_000_000));
        assertThat(Interval.of(13, 2, HOUR).toDuration()).isEqualTo(Duration.ofDays(365 + 30 + 2).plusHours(1));
        assertThat(Interval.of(0, 0, -1).toDuration()).isEqualTo(Duration.ofNanos(-1000));
        assertThat(Interval.of(14, 3, 2 * Interval.MICROS_PER_DAY).toPeriod()).isEqualTo(Period.of(1, 2, 5));
        assertThatThrownBy(() -> Interval.of(0, 0, 1).toPeriod()).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(Interval.POSITIVE_INFINITY::toDuration).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void arithmeticAndOrder() {
        assertThat(Interval.of(1, 2, 3).plus(Interval.of(4, 5, 6))).isEqualTo(Interval.of(5, 7, 9));
        assertThat(Interval.of(1, 0, 0)).isNotEqualTo(Interval.of(0, 30, 0))
            .isEqualByComparingTo(Interval.of(0, 30, 0));
        assertThat(Interval.of(0, 1, 0)).isEqualByComparingTo(Interval.of(0, 0, Interval.MICROS_PER_DAY));
        assertThat(Interval.of(0, 0, -1)).isLessThan(Interval.ZERO);
        assertThat(Style.ofSetting("ISO_8601")).isEqualTo(Style.ISO_8601);
        assertThat(Style.ofSetting(null)).isEqualTo(Style.POSTGRES);
    }
}
