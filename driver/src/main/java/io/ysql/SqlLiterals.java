package io.ysql;

import io.ysql.internal.codec.CodecRegistry;
import io.ysql.internal.codec.EncodedParameter;
import io.ysql.internal.codec.FormatCode;
import io.ysql.internal.codec.Oids;
import io.ysql.internal.codec.ParameterEncoder;
import io.ysql.internal.codec.TypeInfo;
import io.ysql.internal.codec.ValueDecoder;
import io.ysql.internal.jdbc.JdbcConnection;
import io.ysql.internal.sql.SqlQuoting;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Writes a Java value as a SQL literal for {@link Sql#literal}: the value is encoded by the
 * connection's codecs exactly as a bound parameter would be, then spelled as the server's text
 * for that type, quoted ({@code E'...'} when it holds a backslash, so it reads the same whatever
 * {@code standard_conforming_strings} says) and cast to its type ({@code '2024-01-31'::date}).
 * Numbers are written bare, a negative one after a space so that no {@code --} comment can form;
 * booleans as {@code true}/{@code false}; strings untyped, as bound strings are; null as {@code NULL}.
 */
final class SqlLiterals {
    private SqlLiterals() {}

    static String literal(Object value, YsqlConnection connection) throws SQLException {
        if (value == null) return "NULL";
        if (value instanceof String s) return SqlQuoting.quoteLiteral(SqlTemplate.checkText(s, "a string literal"));
        ParameterEncoder encoder = CodecRegistry.DEFAULT.encoder();
        ValueDecoder decoder = CodecRegistry.DEFAULT.decoder();
        if (connection != null) {
            JdbcConnection c = connection.unwrap(JdbcConnection.class);
            encoder = c.encoder();
            decoder = c.decoder();
        }
        EncodedParameter p = encoder.ofObject(value);
        if (p.isNull()) return "NULL";
        int oid = p.typeOid();
        String text = p.format() == FormatCode.TEXT
                ? new String(p.value(), StandardCharsets.UTF_8)
                : decoder.getString(oid, FormatCode.BINARY, p.value(), 0, p.value().length);
        switch (oid) {
            case Oids.INT2, Oids.INT4, Oids.INT8, Oids.NUMERIC, Oids.FLOAT4, Oids.FLOAT8, Oids.OID -> {
                if (isPlainNumber(text)) return text.startsWith("-") ? " " + text : text;
            }
            case Oids.BOOL -> {
                return text.equals("t") || text.equals("true") ? "true" : "false";
            }
            case Oids.UNSPECIFIED -> {
                return SqlQuoting.quoteLiteral(text);
            }
            default -> { }
        }
        String type = connection == null ? TypeInfo.typeName(oid) : connection.unwrap(JdbcConnection.class).typeName(oid);
        return type.equals("unknown") ? SqlQuoting.quoteLiteral(text) : SqlQuoting.quoteLiteral(text) + "::" + type;
    }

    /** Digits with an optional sign, point and exponent: no NaN or Infinity, which need quotes. */
    private static boolean isPlainNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(ch -> Character.isDigit(ch) || ch == '-' || ch == '+' || ch == '.'
                || ch == 'e' || ch == 'E') && Character.isDigit(s.charAt(s.length() - 1));
    }
}
