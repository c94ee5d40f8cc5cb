package io.ysql.internal.codec;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * The exceptions the codecs raise, each with the SQLSTATE the server would use for the same
 * mistake: 22P02 for text that is not a value of the type, 22003 for a value out of the target's
 * range, 22007/22008 for malformed or impossible dates and times, 22023 for a conversion the
 * driver does not offer and 0A000 for a binary format it cannot read. Offending values are
 * quoted, cut to a few dozen characters.
 */
final class CodecErrors {
    private CodecErrors() {}

    private static final int MAX_QUOTED = 40;

    static SQLException badText(String typeName, String value) {
        return SqlExceptions.of(SqlState.INVALID_TEXT_REPRESENTATION,
            "invalid input for type " + typeName + ": \"" + quote(value) + "\"");
    }

    static SQLException badText(String typeName, byte[] b, int off, int len) {
        return badText(typeName, new String(b, off, Math.min(len, MAX_QUOTED * 4), StandardCharsets.UTF_8));
    }

    static SQLException outOfRange(String typeName, String value) {
        return SqlExceptions.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
            "value \"" + quote(value) + "\" is out of range for type " + typeName);
    }

    /** NaN or an infinity asked for as a {@code BigDecimal}, which has neither. */
    static SQLException notADecimal(String special) {
        return SqlExceptions.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric value " + special
            + " cannot be represented as a BigDecimal; read it with getDouble or getString");
    }

    static SQLException badDateTime(String typeName, byte[] b, int off, int len) {
        String value = new String(b, off, Math.min(len, MAX_QUOTED * 4), StandardCharsets.UTF_8);
        return SqlExceptions.of(SqlState.INVALID_DATETIME_FORMAT,
            "invalid input for type " + typeName + ": \"" + quote(value) + "\"");
    }

    static SQLException dateTimeOutOfRange(String what, Throwable cause) {
        return SqlExceptions.of(SqlState.DATETIME_FIELD_OVERFLOW, what + " is out of range", cause);
    }

    static SQLException missingField(String what) {
        return SqlExceptions.of(SqlState.INVALID_DATETIME_FORMAT, "value has no " + what + " part");
    }

    static SQLException cannotConvert(int oid, Class<?> target) {
        return SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE,
            "cannot convert " + PgTypes.byOid(oid).name() + " to " + target.getName());
    }

    static SQLException binaryNotSupported(int oid) {
        return SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED,
            "binary format of type " + PgTypes.byOid(oid).name() + " (OID " + oid + ") is not supported");
    }

    static SQLException badBinary(int oid, int len) {
        return SqlExceptions.of(SqlState.INVALID_BINARY_REPRESENTATION,
            "binary value of type " + PgTypes.byOid(oid).name() + " has unexpected length " + len);
    }

    private static String quote(String value) {
        return value.length() <= MAX_QUOTED ? value : value.substring(0, MAX_QUOTED) + "...";
    }
}
