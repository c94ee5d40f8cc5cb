package io.ysql;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.sql.SqlQuoting;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * SQL composed safely from pieces, as psycopg's {@code sql} module: a template whose {@code {}}
 * fields are filled with {@linkplain #identifier identifiers} (quoted as the server requires),
 * {@linkplain #literal literals} (quoted for the value's type, valid whatever {@code
 * standard_conforming_strings} says) and {@linkplain #placeholder placeholders} for values bound
 * at execution. Plain Java strings are never pasted in: a template's fields take only {@code
 * Sql} pieces.
 *
 * <pre>{@code
 * Sql q = Sql.of("SELECT {} FROM {} WHERE {} = %s")
 *         .format(Sql.join(", ", Sql.identifier("id"), Sql.identifier("name")),
 *                 Sql.identifier("public", "employee"), Sql.identifier("id"));
 * cursor.execute(q, 1);   // SELECT "id", "name" FROM "public"."employee" WHERE "id" = $1
 * }</pre>
 *
 * Immutable and thread-safe. Text is checked when built: NUL and unpaired surrogates are refused
 * (SQLSTATE 22021), as no server text can hold them.
 */
public sealed interface Sql permits Sql.Text, Sql.Identifier, Sql.Literal, Sql.Placeholder, Sql.Composed {

    /** The SQL text this piece stands for, with literals quoted by the built-in codecs. */
    default String asString() throws SQLException {
        return asString(null);
    }

    /**
     * The SQL text this piece stands for, with literals quoted by the codecs of {@code connection}
     * (its user types included; the built-in codecs when null).
     */
    String asString(YsqlConnection connection) throws SQLException;

    /**
     * The text a cursor runs with parameters: as {@link #asString(YsqlConnection)}, but with every
     * {@code %} that a literal or an identifier brings doubled, so that only the pieces written as
     * text or {@link Placeholder}s can act as placeholders (a value never becomes one).
     */
    default String asTemplate(YsqlConnection connection) throws SQLException {
        String text = asString(connection);
        return this instanceof Text || this instanceof Placeholder ? text : text.replace("%", "%%");
    }

    /** This piece followed by {@code other}. */
    default Composed plus(Sql other) {
        List<Sql> parts = new ArrayList<>();
        if (this instanceof Composed c) parts.addAll(c.parts()); else parts.add(this);
        parts.add(Objects.requireNonNull(other, "other"));
        return new Composed(parts);
    }

    /** A template of trusted SQL text, with {@code {}}, {@code {0}} or {@code {name}} fields to {@link Text#format}. */
    static Text of(String template) throws SQLException {
        return new Text(SqlTemplate.checkText(template, "the SQL template"));
    }

    /** A quoted identifier; several parts make a qualified name ({@code "schema"."table"}). */
    static Identifier identifier(String... parts) throws SQLException {
        if (parts.length == 0) throw SqlExceptions.of(SqlState.INVALID_NAME, "an identifier needs at least one part");
        for (String p : parts) {
            if (p == null) throw SqlExceptions.of(SqlState.INVALID_NAME, "an identifier part cannot be null");
            SqlTemplate.checkText(p, "an identifier");
        }
        return new Identifier(List.of(parts));
    }

    /** A value written into the SQL text as a quoted literal of its type ({@code null} is {@code NULL}). */
    static Literal literal(Object value) {
        return new Literal(value);
    }

    /** A positional placeholder, {@code %s}. */
    static Placeholder placeholder() {
        return new Placeholder(null);
    }

    /** A named placeholder, {@code %(name)s}. */
    static Placeholder placeholder(String name) throws SQLException {
        if (name == null || name.isEmpty() || name.indexOf(')') >= 0) {
            throw SqlExceptions.of(SqlState.INVALID_NAME, "a placeholder name must be non-empty and cannot contain ')'");
        }
        SqlTemplate.checkText(name, "a placeholder name");
        return new Placeholder(name);
    }

    /** The pieces with {@code separator} (trusted SQL text) between them. */
    static Composed join(String separator, Sql... pieces) throws SQLException {
        return join(of(separator), List.of(pieces));
    }

    /** The pieces with {@code separator} between them. */
    static Composed join(Sql separator, List<? extends Sql> pieces) {
        List<Sql> parts = new ArrayList<>();
        for (Sql p : pieces) {
            if (!parts.isEmpty()) parts.add(separator);
            parts.add(Objects.requireNonNull(p, "a piece to join"));
        }
        return new Composed(parts);
    }

    /** Trusted SQL text, possibly a template with fields. */
    record Text(String text) implements Sql {
        /**
         * The template with its fields filled in order: {@code {}} takes the next argument,
         * {@code {0}} the argument by number (the two cannot be mixed); {@code {{} and {@code }}}
         * stand for braces.
         */
        public Composed format(Sql... args) throws SQLException {
            return new Composed(SqlTemplate.fill(text, List.of(args), Map.of()));
        }

        /** The template with its {@code {name}} fields filled from {@code args}. */
        public Composed format(Map<String, ? extends Sql> args) throws SQLException {
            return new Composed(SqlTemplate.fill(text, List.of(), args));
        }

        /** The pieces with this text between them. */
        public Composed join(List<? extends Sql> pieces) {
            return Sql.join(this, pieces);
        }

        @Override public String asString(YsqlConnection connection) { return text; }
    }

    /** A quoted, possibly qualified, identifier. */
    record Identifier(List<String> parts) implements Sql {
        public Identifier {
            parts = List.copyOf(parts);
        }

        @Override
        public String asString(YsqlConnection connection) throws SQLException {
            StringBuilder sb = new StringBuilder();
            for (String p : parts) {
                if (sb.length() > 0) sb.append('.');
                sb.append(SqlQuoting.quoteIdentifier(p));
            }
            return sb.toString();
        }
    }

    /** A value to be written as a literal. Its {@code toString} never shows the value, which may be a secret. */
    record Literal(Object value) implements Sql {
        @Override
        public String asString(YsqlConnection connection) throws SQLException {
            return SqlLiterals.literal(value, connection);
        }

        @Override public String toString() { return "Literal[" + (value == null ? "null" : value.getClass().getSimpleName()) + "]"; }
    }

    /** {@code %s} or {@code %(name)s}, for a value bound when the statement runs. */
    record Placeholder(String name) implements Sql {
        @Override public String asString(YsqlConnection connection) { return name == null ? "%s" : "%(" + name + ")s"; }
    }

    /** A sequence of pieces, written one after the other. */
    record Composed(List<Sql> parts) implements Sql {
        public Composed {
            parts = List.copyOf(parts);
        }

        @Override
        public String asString(YsqlConnection connection) throws SQLException {
            StringBuilder sb = new StringBuilder();
            for (Sql p : parts) sb.append(p.asString(connection));
            return sb.toString();
        }

        @Override
        public String asTemplate(YsqlConnection connection) throws SQLException {
            StringBuilder sb = new StringBuilder();
            for (Sql p : parts) sb.append(p.asTemplate(connection));
            return sb.toString();
        }

        /** These pieces with {@code separator} between them. */
        public Composed join(Sql separator) {
            return Sql.join(separator, parts);
        }
    }
}
