package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SqlTest {

    @Test
    void fillsFieldsInOrderWithQuotedIdentifiers() throws SQLException {
        Sql q = Sql.of("SELECT {} FROM {} WHERE {} = %s")
                .format(Sql.join(", ", Sql.identifier("id"), Sql.identifier("na\"me")),
                        Sql.identifier("public", "employee"), Sql.identifier("id"));
        assertThat(q.asString()).isEqualTo("SELECT \"id\", \"na\"\"me\" FROM \"public\".\"employee\" WHERE \"id\" = %s");
    }

    @Test
    void numberedAndNamedFieldsAndBraces() throws SQLException {
        assertThat(Sql.of("{1} {0} {1} {{x}}").format(Sql.identifier("a"), Sql.identifier("b")).asString())
                .isEqualTo("\"b\" \"a\" \"b\" {x}");
        assertThat(Sql.of("SELECT {col} FROM t WHERE {col} = {v}")
                .format(Map.of("col", Sql.identifier("c"), "v", Sql.placeholder("v"))).asString())
                .isEqualTo("SELECT \"c\" FROM t WHERE \"c\" = %(v)s");
    }

    @Test
    void aTemplateDoublesOnlyThePercentSignsThatValuesBring() throws SQLException {
        Sql q = Sql.of("SELECT {}, {} FROM t WHERE v LIKE 'a%%' AND w = %s")
                .format(Sql.literal("100% %s %(x)s"), Sql.identifier("col%s"));
        assertThat(q.asString()).isEqualTo("SELECT '100% %s %(x)s', \"col%s\" FROM t WHERE v LIKE 'a%%' AND w = %s");
        assertThat(q.asTemplate(null))
                .isEqualTo("SELECT '100%% %%s %%(x)s', \"col%%s\" FROM t WHERE v LIKE 'a%%' AND w = %s");
    }

    @Test
    void malformedTemplatesAreSyntaxErrors() {
        assertThatThrownBy(() -> Sql.of("{} {0}").format(Sql.identifier("a"), Sql.identifier("b")))
                .hasMessageContaining("cannot be mixed").extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42601");
        assertThatThrownBy(() -> Sql.of("{} {}").format(Sql.identifier("a")))
                .hasMessageContaining("argument 1");
        assertThatThrownBy(() -> Sql.of("a } b").format()).hasMessageContaining("single '}'");
        assertThatThrownBy(() -> Sql.of("a { b").format()).hasMessageContaining("not closed");
        assertThatThrownBy(() -> Sql.of("{x}").format(Map.of())).hasMessageContaining("{x}");
    }

    @Test
    void literalsAreQuotedForTheirType() throws SQLException {
        assertThat(Sql.literal(null).asString()).isEqualTo("NULL");
        assertThat(Sql.literal(42).asString()).isEqualTo("42");
        assertThat(Sql.literal(-1L).asString()).isEqualTo(" -1");
        assertThat(Sql.of("SELECT 1-{}").format(Sql.literal(-1)).asString()).isEqualTo("SELECT 1- -1");
        assertThat(Sql.literal(new BigDecimal("-12.50")).asString()).isEqualTo(" -12.50");
        assertThat(Sql.literal(Double.NaN).asString()).isEqualTo("'NaN'::float8");
        assertThat(Sql.literal(true).asString()).isEqualTo("true");
        assertThat(Sql.literal("it's").asString()).isEqualTo("'it''s'");
        assertThat(Sql.literal("back\\slash").asString()).isEqualTo("E'back\\\\slash'");
        assertThat(Sql.literal(LocalDate.of(2024, 1, 31)).asString()).isEqualTo("'2024-01-31'::date");
        UUID u = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(Sql.literal(u).asString()).isEqualTo("'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid");
        assertThat(Sql.literal(new byte[] {1, (byte) 0xff}).asString()).isEqualTo("E'\\\\x01ff'::bytea");
    }

    @Test
    void invalidTextIsRefused() {
        assertThatThrownBy(() -> Sql.literal("a\0b").asString())
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22021");
        assertThatThrownBy(() -> Sql.literal("a\uD800b").asString()).hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> Sql.identifier("x\uDC00")).hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> Sql.of("SELECT \uD83D")).hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> Sql.placeholder("a)b")).hasMessageContaining("')'");
    }

    @Test
    void validSupplementaryCharactersPass() throws SQLException {
        assertThat(Sql.identifier("t\uD83D\uDE00").asString()).isEqualTo("\"t\uD83D\uDE00\"");
    }

    @Test
    void composedPiecesConcatenateAndJoin() throws SQLException {
        Sql.Composed c = Sql.of("SELECT ").plus(Sql.identifier("a")).plus(Sql.of(" FROM t"));
        assertThat(c.asString()).isEqualTo("SELECT \"a\" FROM t");
        assertThat(Sql.of(", ").join(List.of(Sql.placeholder(), Sql.placeholder())).asString()).isEqualTo("%s, %s");
        assertThat(Sql.literal("secret").toString()).doesNotContain("secret");
    }
}
