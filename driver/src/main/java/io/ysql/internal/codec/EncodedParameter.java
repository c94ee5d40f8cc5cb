package io.ysql.internal.codec;

import java.util.Arrays;
import java.util.Objects;

/**
 * One bind parameter ready for the Bind message: the type OID announced in Parse (0 lets the
 * server infer it), the format code, and the value bytes ({@code null} for SQL NULL). Equality
 * compares the bytes; {@code toString} shows the type and length but never the value, which may
 * be a secret.
 *
 * @param typeOid the parameter's type OID, or {@link Oids#UNSPECIFIED}
 * @param format  {@link FormatCode#TEXT} or {@link FormatCode#BINARY}
 * @param value   the encoded value, or null for SQL NULL
 */
public record EncodedParameter(int typeOid, short format, byte[] value) {

    public EncodedParameter {
        if (format != FormatCode.TEXT && format != FormatCode.BINARY) {
            throw new IllegalArgumentException("format code must be 0 or 1, not " + format);
        }
    }

    /** SQL NULL whose type the server infers. */
    public static final EncodedParameter NULL = new EncodedParameter(Oids.UNSPECIFIED, FormatCode.TEXT, null);

    public boolean isNull() { return value == null; }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedParameter p && p.typeOid == typeOid && p.format == format
            && Arrays.equals(p.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(typeOid, format) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        String v = value == null ? "NULL" : value.length + " bytes";
        return "EncodedParameter[" + PgTypes.byOid(typeOid).name() + " (" + typeOid + "), "
            + (format == FormatCode.BINARY ? "binary" : "text") + ", " + v + "]";
    }
}
