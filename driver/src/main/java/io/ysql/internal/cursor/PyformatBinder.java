package io.ysql.internal.cursor;

import io.ysql.errors.ProgrammingError;
import io.ysql.error.SqlState;
import io.ysql.internal.codec.EncodedParameter;
import io.ysql.internal.codec.ParameterEncoder;
import io.ysql.internal.session.Bindings;
import io.ysql.internal.sql.ParsedSql;
import io.ysql.internal.sql.PyformatPlaceholders;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Binds the values of a {@code %s} / {@code %(name)s} statement: checks that the values match the
 * placeholders (a mismatch is a {@link ProgrammingError}, as in psycopg) and encodes them with the
 * connection's codecs into the {@link Bindings} the session sends. The checks are public so that
 * {@code Cursor.mogrify} refuses exactly what {@code execute} refuses.
 */
public final class PyformatBinder {
    private final ParameterEncoder encoder;

    PyformatBinder(ParameterEncoder encoder) { this.encoder = encoder; }

    /** Parses {@code sql}'s placeholders; a null text is a {@link ProgrammingError}. */
    public static ParsedSql parse(String sql) throws SQLException {
        if (sql == null) throw misuse(SqlState.INVALID_PARAMETER_VALUE, "the SQL text must not be null");
        return PyformatPlaceholders.parse(sql);
    }

    Bindings positional(ParsedSql parsed, Object[] params) throws SQLException {
        return positional(parsed, params == null ? Arrays.asList((Object) null) : Arrays.asList(params));
    }

    Bindings positional(ParsedSql parsed, List<?> values) throws SQLException {
        return encode(checkedPositional(parsed, values));
    }

    Bindings named(ParsedSql parsed, Map<String, ?> params) throws SQLException {
        return encode(checkedNamed(parsed, params));
    }

    /** {@code values}, once checked to match the positional placeholders of {@code parsed}. */
    public static List<?> checkedPositional(ParsedSql parsed, List<?> values) throws SQLException {
        if (parsed.hasNamedParameters()) {
            throw misuse(SqlState.SYNTAX_ERROR, "the query uses %(name)s placeholders; pass a Map of values");
        }
        if (values.size() != parsed.parameterCount()) {
            throw misuse(SqlState.INVALID_PARAMETER_VALUE, "the query has " + parsed.parameterCount()
                    + " placeholder" + (parsed.parameterCount() == 1 ? "" : "s") + " but " + values.size()
                    + " value" + (values.size() == 1 ? " was" : "s were") + " given");
        }
        return values;
    }

    /** The values of the named placeholders of {@code parsed} in placeholder order, once checked. */
    public static List<Object> checkedNamed(ParsedSql parsed, Map<String, ?> params) throws SQLException {
        if (params == null) throw misuse(SqlState.INVALID_PARAMETER_VALUE, "the parameter map must not be null");
        if (parsed.parameterCount() > 0 && !parsed.hasNamedParameters()) {
            throw misuse(SqlState.SYNTAX_ERROR, "the query uses positional %s placeholders; pass the values in order");
        }
        List<Object> values = new ArrayList<>(parsed.parameterCount());
        for (String name : parsed.parameterNames()) {
            if (!params.containsKey(name)) {
                throw misuse(SqlState.INVALID_PARAMETER_VALUE, "no value given for placeholder %(" + name + ")s");
            }
            values.add(params.get(name));
        }
        return values;
    }

    private Bindings encode(List<?> values) throws SQLException {
        int n = values.size();
        int[] oids = new int[n];
        short[] formats = new short[n];
        byte[][] bytes = new byte[n][];
        for (int i = 0; i < n; i++) {
            EncodedParameter p;
            try {
                p = encoder.ofObject(values.get(i));
            } catch (SQLException e) {
                throw ParameterEncoder.atParameter(i + 1, e);
            }
            oids[i] = p.typeOid();
            formats[i] = p.format();
            bytes[i] = p.value();
        }
        return new Bindings(oids, formats, bytes);
    }

    static ProgrammingError misuse(String sqlState, String message) {
        return new ProgrammingError(message, sqlState, null, null);
    }
}
