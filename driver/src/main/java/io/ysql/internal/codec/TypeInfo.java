package io.ysql.internal.codec;

/**
 * Column metadata computed from a RowDescription field's type OID and type modifier, for {@code
 * ResultSetMetaData} and the cursor API's {@code description}, with pgjdbc's rules: precision of
 * {@code numeric(p,s)} and length of {@code varchar(n)} from the modifier, fixed precisions for
 * the other built-ins, {@link Integer#MAX_VALUE} when unknown; array types report their element
 * type's precision, scale and display size. The internal size is simply the field's {@code
 * typlen}.
 */
public final class TypeInfo {
    private TypeInfo() {}

    /** What precision and display size report when the type has no bound ({@code text}, {@code bytea}, unknown types). */
    public static final int UNKNOWN_LENGTH = Integer.MAX_VALUE;

    /** {@code pg_type.typname}, as {@code getColumnTypeName}: {@code int4}, {@code varchar}, {@code _text}. */
    public static String typeName(int oid) { return PgTypes.byOid(oid).name(); }

    public static int sqlType(int oid) { return PgTypes.byOid(oid).sqlType(); }

    /** The class {@code getObject} returns for this type. */
    public static String javaClassName(int oid) { return PgTypes.byOid(oid).javaClassName(); }

    /** The class {@code getObject} returns for a column of this type and modifier: a {@code bit(n)} longer than 1 is a bit string. */
    public static String javaClassName(int oid, int typmod) {
        return oid == Oids.BIT && typmod > 1 ? "io.ysql.types.BitString" : javaClassName(oid);
    }

    public static int precision(int oid, int typmod) {
        int base = baseOid(oid);
        return switch (base) {
            case Oids.INT2 -> 5;
            case Oids.INT4, Oids.OID -> 10;
            case Oids.INT8 -> 19;
            case Oids.FLOAT4 -> 8;
            case Oids.FLOAT8 -> 17;
            case Oids.NUMERIC -> typmod == -1 ? 0 : ((typmod - 4) >> 16) & 0xFFFF;
            case Oids.CHAR, Oids.BOOL -> 1;
            case Oids.BPCHAR, Oids.VARCHAR -> typmod == -1 ? UNKNOWN_LENGTH : typmod - 4;
            case Oids.DATE, Oids.TIME, Oids.TIMETZ, Oids.INTERVAL, Oids.TIMESTAMP, Oids.TIMESTAMPTZ -> displaySize(base, typmod);
            case Oids.BIT -> typmod;
            case Oids.VARBIT -> typmod == -1 ? UNKNOWN_LENGTH : typmod;
            default -> UNKNOWN_LENGTH;
        };
    }

    public static int scale(int oid, int typmod) {
        return switch (baseOid(oid)) {
            case Oids.FLOAT4 -> 8;
            case Oids.FLOAT8 -> 17;
            case Oids.NUMERIC -> typmod == -1 ? 0 : (typmod - 4) & 0xFFFF;
            case Oids.TIME, Oids.TIMETZ, Oids.TIMESTAMP, Oids.TIMESTAMPTZ -> typmod == -1 ? 6 : typmod;
            case Oids.INTERVAL -> typmod == -1 ? 6 : typmod & 0xFFFF;
            default -> 0;
        };
    }

    /** The widest text the server can print for a value of this type. */
    public static int displaySize(int oid, int typmod) {
        int base = baseOid(oid);
        return switch (base) {
            case Oids.INT2 -> 6;
            case Oids.INT4 -> 11;
            case Oids.OID -> 10;
            case Oids.INT8 -> 20;
            case Oids.FLOAT4 -> 15;
            case Oids.FLOAT8 -> 25;
            case Oids.CHAR, Oids.BOOL -> 1;
            case Oids.DATE -> 13;
            case Oids.TIME, Oids.TIMETZ, Oids.TIMESTAMP, Oids.TIMESTAMPTZ -> timeDisplaySize(base, typmod);
            case Oids.INTERVAL -> 49;
            case Oids.VARCHAR, Oids.BPCHAR -> typmod == -1 ? UNKNOWN_LENGTH : typmod - 4;
            case Oids.NUMERIC -> {
                if (typmod == -1) yield 131089; // 131072 digits before the point, 16383 after, sign and point
                int precision = ((typmod - 4) >> 16) & 0xFFFF;
                int scale = (typmod - 4) & 0xFFFF;
                yield 1 + precision + (scale != 0 ? 1 : 0);
            }
            case Oids.BIT -> typmod;
            case Oids.VARBIT -> typmod == -1 ? UNKNOWN_LENGTH : typmod;
            default -> UNKNOWN_LENGTH;
        };
    }

    public static boolean isSigned(int oid) {
        return switch (baseOid(oid)) {
            case Oids.INT2, Oids.INT4, Oids.INT8, Oids.FLOAT4, Oids.FLOAT8, Oids.NUMERIC, Oids.MONEY -> true;
            default -> false;
        };
    }

    public static boolean isCaseSensitive(int oid) {
        return switch (baseOid(oid)) {
            case Oids.OID, Oids.INT2, Oids.INT4, Oids.INT8, Oids.FLOAT4, Oids.FLOAT8, Oids.NUMERIC, Oids.BOOL, Oids.BIT,
                 Oids.VARBIT, Oids.DATE, Oids.TIME, Oids.TIMETZ, Oids.TIMESTAMP, Oids.TIMESTAMPTZ, Oids.INTERVAL -> false;
            default -> true;
        };
    }

    /** Whether the type is {@code money}, for {@code ResultSetMetaData.isCurrency}. */
    public static boolean isCurrency(int oid) { return baseOid(oid) == Oids.MONEY; }

    /** {@code HH:MM:SS}, the fraction digits and point, a date and a space, a {@code +HH:MM} zone. */
    private static int timeDisplaySize(int oid, int typmod) {
        int fraction = switch (typmod) {
            case -1 -> 7;
            case 0 -> 0;
            default -> typmod + 1;
        };
        return switch (oid) {
            case Oids.TIME -> 8 + fraction;
            case Oids.TIMETZ -> 8 + fraction + 6;
            case Oids.TIMESTAMP -> 13 + 1 + 8 + fraction;
            default -> 13 + 1 + 8 + fraction + 6;
        };
    }

    private static int baseOid(int oid) {
        PgType t = PgTypes.byOid(oid);
        return t.isArray() ? t.elementOid() : oid;
    }
}
