package io.ysql.internal.codec;

/**
 * The OIDs of the built-in types the codecs know by heart, as in PostgreSQL's {@code pg_type.dat}
 * (they are fixed across server versions and identical in YugabyteDB YSQL). {@link #UNSPECIFIED}
 * (0) is what a parameter carries when the server should infer its type.
 */
public final class Oids {
    private Oids() {}

    public static final int UNSPECIFIED = 0;
    public static final int BOOL = 16;
    public static final int BYTEA = 17;
    public static final int CHAR = 18;
    public static final int NAME = 19;
    public static final int INT8 = 20;
    public static final int INT2 = 21;
    public static final int INT2VECTOR = 22;
    public static final int INT4 = 23;
    public static final int REGPROC = 24;
    public static final int TEXT = 25;
    public static final int OID = 26;
    public static final int OIDVECTOR = 30;
    public static final int JSON = 114;
    public static final int XML = 142;
    public static final int CIDR = 650;
    public static final int FLOAT4 = 700;
    public static final int FLOAT8 = 701;
    public static final int UNKNOWN = 705;
    public static final int MONEY = 790;
    public static final int MACADDR = 829;
    public static final int INET = 869;
    public static final int BPCHAR = 1042;
    public static final int VARCHAR = 1043;
    public static final int DATE = 1082;
    public static final int TIME = 1083;
    public static final int TIMESTAMP = 1114;
    public static final int TIMESTAMPTZ = 1184;
    public static final int INTERVAL = 1186;
    public static final int TIMETZ = 1266;
    public static final int BIT = 1560;
    public static final int VARBIT = 1562;
    public static final int NUMERIC = 1700;
    public static final int REFCURSOR = 1790;
    public static final int REGCLASS = 2205;
    public static final int RECORD = 2249;
    public static final int VOID = 2278;
    public static final int UUID = 2950;
    public static final int JSONB = 3802;

    public static final int BOOL_ARRAY = 1000;
    public static final int BYTEA_ARRAY = 1001;
    public static final int INT2_ARRAY = 1005;
    public static final int INT4_ARRAY = 1007;
    public static final int TEXT_ARRAY = 1009;
    public static final int VARCHAR_ARRAY = 1015;
    public static final int INT8_ARRAY = 1016;
    public static final int FLOAT4_ARRAY = 1021;
    public static final int FLOAT8_ARRAY = 1022;
    public static final int NUMERIC_ARRAY = 1231;
    public static final int UUID_ARRAY = 2951;
}
