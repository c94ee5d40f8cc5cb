package io.ysql.internal.codec;

/**
 * One server type as the driver sees it: its OID and {@code pg_type.typname}, the OID of its
 * one-dimensional array type (0 if none), the OID of its element type (0 unless this is an
 * array), the {@link java.sql.Types} code and Java class name reported through result set
 * metadata (what {@code getObject} returns), and whether values are requested in binary format.
 *
 * @param oid           the type's OID
 * @param name          {@code pg_type.typname}, e.g. {@code int4}, {@code _text}
 * @param arrayOid      the OID of {@code name[]}, or 0
 * @param elementOid    the element type's OID if this is an array type, else 0
 * @param sqlType       the {@link java.sql.Types} code
 * @param javaClassName the fully qualified class {@code getObject} returns for this type
 * @param binary        whether result columns of this type are requested in binary format
 */
public record PgType(int oid, String name, int arrayOid, int elementOid, int sqlType,
                     String javaClassName, boolean binary) {

    /** Whether this is a one-dimensional array type of a built-in element type. */
    public boolean isArray() { return elementOid != 0; }
}
