package io.ysql.internal.codec;

import io.ysql.internal.buffer.ByteReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.ZoneId;

/**
 * Reads the binary format of the fixed-size scalar types ({@code int2}, {@code int4}, {@code
 * int8}, {@code oid}, {@code float4}, {@code float8}, {@code bool}) and renders the binary value
 * of every scalar type the driver requests in binary (those, {@code bytea}, {@code uuid}, {@code
 * numeric} and the date/time types through {@link NumericBinary} and {@link DateTimeBinary}),
 * and of the types whose binary format is their text ({@code text}, {@code varchar} …), as the
 * server's text output, so that every text-based conversion also works on binary columns.
 */
final class BinaryValues {
    private BinaryValues() {}

    static short int2(int oid, byte[] b, int off, int len) throws SQLException {
        if (len != 2) throw CodecErrors.badBinary(oid, len);
        return ByteReader.getShort(b, off);
    }

    static int int4(int oid, byte[] b, int off, int len) throws SQLException {
        if (len != 4) throw CodecErrors.badBinary(oid, len);
        return ByteReader.getInt(b, off);
    }

    static long int8(int oid, byte[] b, int off, int len) throws SQLException {
        if (len != 8) throw CodecErrors.badBinary(oid, len);
        return ByteReader.getLong(b, off);
    }

    static float float4(int oid, byte[] b, int off, int len) throws SQLException {
        return Float.intBitsToFloat(int4(oid, b, off, len));
    }

    static double float8(int oid, byte[] b, int off, int len) throws SQLException {
        return Double.longBitsToDouble(int8(oid, b, off, len));
    }

    static boolean bool(int oid, byte[] b, int off, int len) throws SQLException {
        if (len != 1) throw CodecErrors.badBinary(oid, len);
        return b[off] != 0;
    }

    /** Whether the binary value of {@code oid} is an integer ({@code int2}, {@code int4}, {@code int8}, {@code oid}). */
    static boolean isInteger(int oid) {
        return oid == Oids.INT2 || oid == Oids.INT4 || oid == Oids.INT8 || oid == Oids.OID;
    }

    /** The binary integer value of an {@link #isInteger} type. */
    static long integer(int oid, byte[] b, int off, int len) throws SQLException {
        return switch (oid) {
            case Oids.INT2 -> int2(oid, b, off, len);
            case Oids.INT4 -> int4(oid, b, off, len);
            case Oids.OID -> int4(oid, b, off, len) & 0xFFFFFFFFL;
            default -> int8(oid, b, off, len);
        };
    }

    /** The value as the server's text output would spell it, {@code timestamptz} in the JVM's zone. */
    static String toText(int oid, byte[] b, int off, int len) throws SQLException {
        return toText(oid, b, off, len, ZoneId.systemDefault());
    }

    /** The value as the server's text output would spell it, {@code timestamptz} in the session's {@code zone}. */
    static String toText(int oid, byte[] b, int off, int len, ZoneId zone) throws SQLException {
        return switch (oid) {
            case Oids.INT2, Oids.INT4, Oids.INT8, Oids.OID -> Long.toString(integer(oid, b, off, len));
            case Oids.FLOAT4 -> FloatText.format(float4(oid, b, off, len));
            case Oids.FLOAT8 -> FloatText.format(float8(oid, b, off, len));
            case Oids.BOOL -> bool(oid, b, off, len) ? "t" : "f";
            case Oids.BYTEA -> ByteaText.toHex(b, off, len);
            case Oids.UUID -> UuidText.fromBinary(oid, b, off, len).toString();
            case Oids.NUMERIC -> NumericBinary.toText(oid, b, off, len);
            case Oids.DATE, Oids.TIME, Oids.TIMETZ, Oids.TIMESTAMP, Oids.TIMESTAMPTZ ->
                DateTimeBinary.toText(oid, b, off, len, zone);
            case Oids.TEXT, Oids.VARCHAR, Oids.BPCHAR, Oids.NAME, Oids.UNKNOWN, Oids.JSON, Oids.XML,
                 Oids.CHAR, Oids.REFCURSOR -> new String(b, off, len, StandardCharsets.UTF_8);
            default -> throw CodecErrors.binaryNotSupported(oid);
        };
    }
}
