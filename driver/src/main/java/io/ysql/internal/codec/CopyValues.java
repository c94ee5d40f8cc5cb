package io.ysql.internal.codec;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Java values as COPY fields, through the connection's codecs: the text a value has in the text
 * and CSV formats (as the server spells it, so it parses back to the same value), and the bytes
 * it has in the binary format for a column of a given type. Binary COPY has no type on the wire:
 * a value must be in its column's exact binary format, so a value of another Java type (an
 * {@code Integer} for a {@code bigint} column) is converted through its text first.
 */
public final class CopyValues {
    /** The version byte before the text of a binary {@code jsonb}. */
    private static final byte JSONB_VERSION = 1;

    private final ParameterEncoder encoder;
    private final ValueDecoder decoder;

    public CopyValues(ParameterEncoder encoder, ValueDecoder decoder) {
        this.encoder = encoder;
        this.decoder = decoder;
    }

    public ValueDecoder decoder() { return decoder; }

    /** The UTF-8 text of {@code x}, or null for null. */
    public byte[] text(Object x) throws SQLException {
        EncodedParameter p = encoder.ofObject(x);
        if (p.isNull()) return null;
        if (p.format() == FormatCode.TEXT) return p.value();
        byte[] v = p.value();
        return decoder.getString(p.typeOid(), FormatCode.BINARY, v, 0, v.length).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The binary COPY bytes of {@code x} for a column of type {@code oid} (0 when unknown: the
     * value's own type is used), or null for null.
     */
    public byte[] binary(Object x, int oid) throws SQLException {
        EncodedParameter p = encoder.ofObject(x);
        if (p.isNull()) return null;
        if (p.format() == FormatCode.BINARY && (oid == 0 || p.typeOid() == oid)) return p.value();
        if (oid == 0 || isTextual(oid)) return text(x);
        if (oid == Oids.JSONB) return jsonb(text(x));
        byte[] t = text(x);
        EncodedParameter converted = switch (oid) {
            case Oids.INT2 -> encoder.ofShort(decoder.getShort(oid, FormatCode.TEXT, t, 0, t.length));
            case Oids.FLOAT4 -> encoder.ofFloat(decoder.getFloat(oid, FormatCode.TEXT, t, 0, t.length));
            default -> encoder.ofObject(decoder.getModernObject(oid, FormatCode.TEXT, t, 0, t.length));
        };
        if (converted.format() == FormatCode.BINARY && converted.typeOid() == oid) return converted.value();
        throw SqlExceptions.of(SqlState.INVALID_BINARY_REPRESENTATION, "cannot write a " + x.getClass().getName()
                + " as a binary " + decoder.context().type(oid).name() + " COPY field; use COPY in text format, "
                + "or pass a value of the column's own Java type");
    }

    /**
     * A field of a copy read back: decoded as {@code oid}, or a String (text) or byte[] (binary)
     * when 0. The types whose binary format is their text (and {@code jsonb}, a version byte
     * before its text) are read as text.
     */
    public Object decode(int oid, short format, byte[] b, int off, int len) throws SQLException {
        if (oid != 0 && format == FormatCode.BINARY && isTextual(oid)) return decoder.getModernObject(oid, FormatCode.TEXT, b, off, len);
        if (oid == Oids.JSONB && format == FormatCode.BINARY && len > 0 && b[off] == JSONB_VERSION) {
            return decoder.getModernObject(oid, FormatCode.TEXT, b, off + 1, len - 1);
        }
        if (oid != 0) return decoder.getModernObject(oid, format, b, off, len);
        if (format == FormatCode.BINARY) return java.util.Arrays.copyOfRange(b, off, off + len);
        return Text.utf8(b, off, len);
    }

    private static boolean isTextual(int oid) {
        return oid == Oids.TEXT || oid == Oids.VARCHAR || oid == Oids.BPCHAR || oid == Oids.NAME
                || oid == Oids.JSON || oid == Oids.XML || oid == Oids.UNKNOWN;
    }

    private static byte[] jsonb(byte[] text) {
        byte[] r = new byte[text.length + 1];
        r[0] = JSONB_VERSION;
        System.arraycopy(text, 0, r, 1, text.length);
        return r;
    }
}
