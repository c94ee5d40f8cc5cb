package io.ysql.internal.codec;

import java.sql.Types;
import java.util.List;

/**
 * A server type the driver does not know by heart (a user type, an extension type), as one
 * connection learned it from {@code pg_type}: its schema and name, its kind, and what its values
 * are made of — the element type of an array, the base type of a domain, the subtype of a range,
 * the attributes of a composite. Immutable; the per-connection catalog fills it once per OID.
 *
 * @param oid           the type's OID
 * @param schema        {@code pg_namespace.nspname}
 * @param name          {@code pg_type.typname}
 * @param kind          what sort of type it is
 * @param arrayOid      the OID of its array type, or 0
 * @param elementOid    the element type of an array type, else 0
 * @param baseOid       the base type of a domain, else 0
 * @param rangeSubtype  the subtype of a range type, else 0
 * @param attributes    the attributes of a composite type, in order; empty for other kinds
 */
public record LearnedType(int oid, String schema, String name, Kind kind, int arrayOid, int elementOid,
                          int baseOid, int rangeSubtype, List<Attribute> attributes) {

    /** The kinds of {@code pg_type.typtype}, arrays told apart from other base types. */
    public enum Kind { BASE, ARRAY, COMPOSITE, DOMAIN, ENUM, RANGE, MULTIRANGE, PSEUDO }

    /** One attribute of a composite type: its name and its type's OID. */
    public record Attribute(String name, int typeOid) {}

    public LearnedType {
        attributes = List.copyOf(attributes);
    }

    /** The name with its schema, as {@code Struct.getSQLTypeName} reports it: {@code public.complex}. */
    public String qualifiedName() {
        return schema == null || schema.isEmpty() ? name : schema + "." + name;
    }

    /**
     * The type as result set metadata reports it: enums as {@code VARCHAR} strings, composites as
     * {@code STRUCT}, arrays as {@code ARRAY}, {@code hstore} as a {@code Map}, a domain as its
     * base type ({@code base} is the base type's entry), anything else as {@code OTHER} text.
     *
     * @param base            the base type's entry for a domain, else ignored (may be null)
     * @param javaClassName   the class {@code getObject} returns, when a user codec decides it; else null
     */
    public PgType toPgType(PgType base, String javaClassName) {
        if (javaClassName != null) return new PgType(oid, name, arrayOid, 0, Types.OTHER, javaClassName, false);
        return switch (kind) {
            case ENUM -> new PgType(oid, name, arrayOid, 0, Types.VARCHAR, "java.lang.String", false);
            case COMPOSITE -> new PgType(oid, name, arrayOid, 0, Types.STRUCT, "java.sql.Struct", false);
            case RANGE -> new PgType(oid, name, arrayOid, 0, Types.OTHER, "io.ysql.types.Range", false);
            case ARRAY -> new PgType(oid, name, 0, elementOid, Types.ARRAY,
                    PgTypes.byOid(Oids.TEXT_ARRAY).javaClassName(), false);
            case DOMAIN -> base == null ? other()
                    : new PgType(oid, name, arrayOid, 0, base.sqlType(), base.javaClassName(), false);
            default -> "hstore".equals(name)
                    ? new PgType(oid, name, arrayOid, 0, Types.OTHER, "java.util.Map", false) : other();
        };
    }

    private PgType other() {
        return new PgType(oid, name, arrayOid, 0, Types.OTHER, "java.lang.String", false);
    }
}
