package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SQL composed with {@link Sql}, checked by the server: a literal must equal the same value bound as a parameter. */
class SqlCompositionIT {
    private static final String SCHEMA = "sql_composition";
    private static PgCluster cluster;
    private YsqlConnection conn;
    private Cursor cur;

    @BeforeAll
    static void schema() {
        cluster = PgCluster.shared();
        cluster.psql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE; CREATE SCHEMA " + SCHEMA
                + "; CREATE TABLE " + SCHEMA + ".\"Odd \"\"Name\"\"\" (\"select\" int, \"a.b\" text)"
                + "; GRANT ALL ON SCHEMA " + SCHEMA + " TO " + AuthRole.SCRAM.user()
                + "; GRANT ALL ON ALL TABLES IN SCHEMA " + SCHEMA + " TO " + AuthRole.SCRAM.user());
    }

    @BeforeEach
    void open() throws SQLException {
        conn = Ysql.connect(cluster.conninfo(AuthRole.SCRAM));
        cur = conn.cursor();
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    @Test
    void identifiersThatNeedQuotingWork() throws SQLException {
        Sql.Identifier table = Sql.identifier(SCHEMA, "Odd \"Name\"");
        cur.execute(Sql.of("INSERT INTO {} ({}, {}) VALUES (%s, %s)")
                .format(table, Sql.identifier("select"), Sql.identifier("a.b")), 1, "x");
        cur.execute(Sql.of("SELECT {} FROM {} WHERE {} = %(v)s")
                .format(Sql.join(", ", Sql.identifier("select"), Sql.identifier("a.b")), table, Sql.identifier("select")),
                java.util.Map.of("v", 1));
        assertThat(cur.fetchone().values()).containsExactly(1, "x");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyLiteralEqualsTheSameValueBound(boolean standardConformingStrings) throws SQLException {
        cur.execute("SET standard_conforming_strings = " + (standardConformingStrings ? "on" : "off"));
        Random random = new Random(20261125);
        List<Object> values = new ArrayList<>(List.of(0, -1, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
                (short) -7, 1.5, -2.25e-300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                new BigDecimal("-12345678901234567890.000000000001"), true, false,
                "", "it's", "back\\slash", "\\' OR 1=1 --", "-- comment", "/* c */", "$$ dollar $$", "emoji \uD83D\uDE00",
                "line\nbreak\ttab", LocalDate.of(2024, 2, 29), LocalDateTime.of(1999, 12, 31, 23, 59, 59, 123456000),
                OffsetDateTime.of(2020, 3, 29, 1, 30, 0, 0, ZoneOffset.ofHoursMinutes(5, 45)),
                UUID.randomUUID(), new byte[] {0, 1, (byte) 0xfe, '\\', '\''}));
        for (int i = 0; i < 50; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < 12; k++) s.append("'\\\"$-/*; xé".charAt(random.nextInt(11)));
            values.add(s.toString());
            values.add(random.nextLong());
        }
        for (Object v : values) {
            cur.execute(Sql.of("SELECT {} IS NOT DISTINCT FROM %s").format(Sql.literal(v)), v);
            assertThat(cur.fetchone().get(0)).as("literal of %s", v).isEqualTo(true);
        }
    }

    @Test
    void aNegativeLiteralAfterAMinusDoesNotStartAComment() throws SQLException {
        cur.execute(Sql.of("SELECT 10-{}, 1").format(Sql.literal(-5)));
        assertThat(cur.fetchone().values()).containsExactly(15, 1);
    }

    @Test
    void nullLiteralAndPlaceholders() throws SQLException {
        cur.execute(Sql.of("SELECT {} IS NULL, {}::int + 1").format(Sql.literal(null), Sql.placeholder()), 41);
        assertThat(cur.fetchone().values()).containsExactly(true, 42);
    }

    @Test
    void aBadTemplateIsAProgrammingError() {
        assertThatThrownBy(() -> cur.execute(Sql.of("SELECT {}").format()))
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42601");
        assertThatThrownBy(() -> cur.execute(Sql.literal("a\uD800")))
                .isInstanceOf(io.ysql.errors.DataError.class)
                .hasMessageContaining("unpaired surrogate");
    }

    @Test
    void mogrifyShowsTheStatementWithLiteralsThatTheServerReadsAsTheValues() throws SQLException {
        String shown = cur.mogrify("SELECT %s, %s, %s, %s", 5, -3, "it's", LocalDate.of(2024, 1, 31));
        assertThat(shown).isEqualTo("SELECT 5,  -3, 'it''s', '2024-01-31'::date");
        cur.execute(shown);
        assertThat(cur.fetchone().values()).containsExactly(5, -3, "it's", LocalDate.of(2024, 1, 31));
        assertThat(cur.mogrify("SELECT %(a)s + %(a)s, '100%%'", java.util.Map.of("a", 2))).isEqualTo("SELECT 2 + 2, '100%'");
        assertThatThrownBy(() -> cur.mogrify("SELECT %s, %s", 1))
                .isInstanceOf(io.ysql.errors.ProgrammingError.class).hasMessageContaining("2 placeholder");
        assertThatThrownBy(() -> cur.mogrify("SELECT %(a)s", java.util.Map.of("b", 1)))
                .isInstanceOf(io.ysql.errors.ProgrammingError.class).hasMessageContaining("%(a)s");
    }
}
