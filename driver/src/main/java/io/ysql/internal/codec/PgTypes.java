package io.ysql.internal.codec;

import java.sql.Types;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The table of built-in types, registered from the one readable list below, with lookups by
 * OID and by name. OIDs are PostgreSQL's {@code pg_type.dat}; SQL types and Java classes follow
 * pgjdbc's metadata, except that types pgjdbc maps to {@code PGobject} report {@code
 * java.lang.String} here, because that is what {@code getObject} returns for them, that the
 * interval, geometric, network, bit string and range types report their {@code io.ysql.types}
 * class (pgjdbc's {@code PGInterval}, {@code PGpoint} … replaced), and that {@code record}
 * reports {@code java.sql.Struct}. Array types ({@code java.sql.Array}) are requested in binary
 * exactly when their element type is. Types that are not built in are described by the
 * connection's catalog.
 */
public final class PgTypes {
    private PgTypes() {}

    private static final String STRING = "java.lang.String";
    private static final String T = "io.ysql.types.";
    private static final String RANGE = T + "Range";
    private static final String MULTIRANGE = T + "Multirange";
    private static final boolean BINARY = true;
    private static final boolean TEXT = false;

    /**
     * Every built-in type the driver knows by OID. Arrays follow their element types. BINARY marks
     * the types whose results are requested in binary (see {@link #binaryResult}).
     */
    private static final List<PgType> BUILT_IN = List.of(
        type(Oids.BOOL, "bool", Oids.BOOL_ARRAY, Types.BIT, "java.lang.Boolean", BINARY),
        type(Oids.BYTEA, "bytea", Oids.BYTEA_ARRAY, Types.BINARY, "[B", BINARY),
        type(Oids.CHAR, "char", 1002, Types.CHAR, STRING, TEXT),
        type(Oids.NAME, "name", 1003, Types.VARCHAR, STRING, TEXT),
        type(Oids.INT8, "int8", Oids.INT8_ARRAY, Types.BIGINT, "java.lang.Long", BINARY),
        type(Oids.INT2, "int2", Oids.INT2_ARRAY, Types.SMALLINT, "java.lang.Integer", BINARY),
        type(Oids.INT2VECTOR, "int2vector", 1006, Types.OTHER, STRING, TEXT),
        type(Oids.INT4, "int4", Oids.INT4_ARRAY, Types.INTEGER, "java.lang.Integer", BINARY),
        type(Oids.REGPROC, "regproc", 1008, Types.OTHER, STRING, TEXT),
        type(Oids.TEXT, "text", Oids.TEXT_ARRAY, Types.VARCHAR, STRING, TEXT),
        type(Oids.OID, "oid", 1028, Types.BIGINT, "java.lang.Long", BINARY),
        type(27, "tid", 1010, Types.OTHER, STRING, TEXT),
        type(28, "xid", 1011, Types.OTHER, STRING, TEXT),
        type(29, "cid", 1012, Types.OTHER, STRING, TEXT),
        type(Oids.OIDVECTOR, "oidvector", 1013, Types.OTHER, STRING, TEXT),
        type(Oids.JSON, "json", 199, Types.OTHER, STRING, TEXT),
        type(Oids.XML, "xml", 143, Types.SQLXML, "java.sql.SQLXML", TEXT),
        type(600, "point", 1017, Types.OTHER, T + "Point", BINARY),
        type(601, "lseg", 1018, Types.OTHER, T + "LineSegment", BINARY),
        type(602, "path", 1019, Types.OTHER, T + "Path", BINARY),
        type(603, "box", 1020, Types.OTHER, T + "Box", BINARY),
        type(604, "polygon", 1027, Types.OTHER, T + "Polygon", BINARY),
        type(628, "line", 629, Types.OTHER, T + "Line", BINARY),
        type(Oids.CIDR, "cidr", 651, Types.OTHER, T + "Cidr", BINARY),
        type(Oids.FLOAT4, "float4", Oids.FLOAT4_ARRAY, Types.REAL, "java.lang.Float", BINARY),
        type(Oids.FLOAT8, "float8", Oids.FLOAT8_ARRAY, Types.DOUBLE, "java.lang.Double", BINARY),
        type(Oids.UNKNOWN, "unknown", 0, Types.OTHER, STRING, TEXT),
        type(718, "circle", 719, Types.OTHER, T + "Circle", BINARY),
        type(774, "macaddr8", 775, Types.OTHER, T + "MacAddress", BINARY),
        type(Oids.MONEY, "money", 791, Types.DOUBLE, "java.lang.Double", TEXT),
        type(Oids.MACADDR, "macaddr", 1040, Types.OTHER, T + "MacAddress", BINARY),
        type(Oids.INET, "inet", 1041, Types.OTHER, T + "Inet", BINARY),
        type(1033, "aclitem", 1034, Types.OTHER, STRING, TEXT),
        type(Oids.BPCHAR, "bpchar", 1014, Types.CHAR, STRING, TEXT),
        type(Oids.VARCHAR, "varchar", Oids.VARCHAR_ARRAY, Types.VARCHAR, STRING, TEXT),
        type(Oids.DATE, "date", 1182, Types.DATE, "java.sql.Date", BINARY),
        type(Oids.TIME, "time", 1183, Types.TIME, "java.sql.Time", BINARY),
        type(Oids.TIMESTAMP, "timestamp", 1115, Types.TIMESTAMP, "java.sql.Timestamp", BINARY),
        type(Oids.TIMESTAMPTZ, "timestamptz", 1185, Types.TIMESTAMP, "java.sql.Timestamp", BINARY),
        type(Oids.INTERVAL, "interval", 1187, Types.OTHER, T + "Interval", BINARY),
        type(Oids.TIMETZ, "timetz", 1270, Types.TIME, "java.sql.Time", BINARY),
        type(Oids.BIT, "bit", 1561, Types.BIT, "java.lang.Boolean", BINARY),
        type(Oids.VARBIT, "varbit", 1563, Types.OTHER, T + "BitString", BINARY),
        type(Oids.NUMERIC, "numeric", Oids.NUMERIC_ARRAY, Types.NUMERIC, "java.math.BigDecimal", BINARY),
        type(Oids.REFCURSOR, "refcursor", 2201, Types.REF_CURSOR, STRING, TEXT),
        type(2202, "regprocedure", 2207, Types.OTHER, STRING, TEXT),
        type(2203, "regoper", 2208, Types.OTHER, STRING, TEXT),
        type(2204, "regoperator", 2209, Types.OTHER, STRING, TEXT),
        type(Oids.REGCLASS, "regclass", 2210, Types.OTHER, STRING, TEXT),
        type(2206, "regtype", 2211, Types.OTHER, STRING, TEXT),
        type(Oids.RECORD, "record", 2287, Types.STRUCT, "java.sql.Struct", TEXT),
        type(2275, "cstring", 1263, Types.OTHER, STRING, TEXT),
        type(2276, "any", 0, Types.OTHER, STRING, TEXT),
        type(2277, "anyarray", 0, Types.OTHER, STRING, TEXT),
        type(Oids.VOID, "void", 0, Types.OTHER, STRING, TEXT),
        type(2279, "trigger", 0, Types.OTHER, STRING, TEXT),
        type(Oids.UUID, "uuid", Oids.UUID_ARRAY, Types.OTHER, "java.util.UUID", BINARY),
        type(2970, "txid_snapshot", 2949, Types.OTHER, STRING, TEXT),
        type(3220, "pg_lsn", 3221, Types.OTHER, STRING, TEXT),
        type(3614, "tsvector", 3643, Types.OTHER, STRING, TEXT),
        type(3615, "tsquery", 3645, Types.OTHER, STRING, TEXT),
        type(3734, "regconfig", 3735, Types.OTHER, STRING, TEXT),
        type(3769, "regdictionary", 3770, Types.OTHER, STRING, TEXT),
        type(Oids.JSONB, "jsonb", 3807, Types.OTHER, STRING, TEXT),
        type(4072, "jsonpath", 4073, Types.OTHER, STRING, TEXT),
        type(3904, "int4range", 3905, Types.OTHER, RANGE, BINARY),
        type(3906, "numrange", 3907, Types.OTHER, RANGE, BINARY),
        type(3908, "tsrange", 3909, Types.OTHER, RANGE, BINARY),
        type(3910, "tstzrange", 3911, Types.OTHER, RANGE, BINARY),
        type(3912, "daterange", 3913, Types.OTHER, RANGE, BINARY),
        type(3926, "int8range", 3927, Types.OTHER, RANGE, BINARY),
        type(4451, "int4multirange", 6150, Types.OTHER, MULTIRANGE, BINARY),
        type(4532, "nummultirange", 6151, Types.OTHER, MULTIRANGE, BINARY),
        type(4533, "tsmultirange", 6152, Types.OTHER, MULTIRANGE, BINARY),
        type(4534, "tstzmultirange", 6153, Types.OTHER, MULTIRANGE, BINARY),
        type(4535, "datemultirange", 6155, Types.OTHER, MULTIRANGE, BINARY),
        type(4536, "int8multirange", 6157, Types.OTHER, MULTIRANGE, BINARY),
        type(4089, "regnamespace", 4090, Types.OTHER, STRING, TEXT),
        type(4096, "regrole", 4097, Types.OTHER, STRING, TEXT),
        type(4191, "regcollation", 4192, Types.OTHER, STRING, TEXT),
        type(5038, "pg_snapshot", 5039, Types.OTHER, STRING, TEXT),
        type(5069, "xid8", 271, Types.OTHER, STRING, TEXT));

    /** Lookup by OID for OIDs below this bound (every built-in OID is). */
    static final int DENSE_LIMIT = 8192;
    /** Filled once while the class initialises and never written again. */
    private static final PgType[] BY_OID = new PgType[DENSE_LIMIT];
    private static final Map<String, PgType> BY_NAME;

    static {
        Map<String, PgType> names = new HashMap<>();
        for (PgType t : BUILT_IN) {
            register(t, names);
            if (t.arrayOid() != 0) {
                register(new PgType(t.arrayOid(), "_" + t.name(), 0, t.oid(), Types.ARRAY, "java.sql.Array", t.binary()), names);
            }
        }
        BY_NAME = Map.copyOf(names);
    }

    private static PgType type(int oid, String name, int arrayOid, int sqlType, String javaClass, boolean binary) {
        return new PgType(oid, name, arrayOid, 0, sqlType, javaClass, binary);
    }

    private static void register(PgType t, Map<String, PgType> names) {
        if (BY_OID[t.oid()] != null) throw new IllegalStateException("OID registered twice: " + t.oid());
        BY_OID[t.oid()] = t;
        names.put(t.name(), t);
    }

    /** Whether {@code oid} is one of the built-in types listed here. */
    public static boolean isBuiltIn(int oid) {
        return oid > 0 && oid < DENSE_LIMIT && BY_OID[oid] != null;
    }

    /**
     * The type with this OID. An OID the driver does not know (a user type, an extension type)
     * yields a generic entry named {@code unknown}, reported as {@link Types#OTHER} and decoded
     * as text.
     */
    public static PgType byOid(int oid) {
        if (isBuiltIn(oid)) return BY_OID[oid];
        return new PgType(oid, "unknown", 0, 0, Types.OTHER, STRING, false);
    }

    /** The built-in type named {@code name} ({@code pg_type.typname}, e.g. {@code _int4}). */
    public static Optional<PgType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * Whether result columns of this type are requested in binary format: exactly those flagged
     * {@code BINARY} in the list above (the fixed-width scalars, {@code numeric}, {@code uuid}, the
     * dates and times, interval, geometric, network and bit string types, ranges of those) and
     * arrays of those; every other type, and every OID the driver does not know, comes as text. A
     * binary {@code timestamptz} is printed by the JVM's time-zone database, whose pre-1970 offsets
     * differ from the server's for the zones merged in tzdata 2022b (the instant never does).
     */
    public static boolean binaryResult(int typeOid) {
        return isBuiltIn(typeOid) && BY_OID[typeOid].binary();
    }

    /** All built-in types, arrays included, in OID order. */
    public static List<PgType> all() {
        return Arrays.stream(BY_OID).filter(Objects::nonNull).toList();
    }
}
