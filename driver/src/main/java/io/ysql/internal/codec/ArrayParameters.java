package io.ysql.internal.codec;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.buffer.ByteWriter;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Java arrays, {@code List}s and {@code java.sql.Array}s as array parameters. The element type
 * comes from the Java array's component class ({@code int[]} → {@code int4[]}, {@code String[]}
 * → {@code text[]}), else from the first non-null element as {@code setObject} would type it, or
 * from a type name ({@code createArrayOf}); nested arrays and lists are dimensions and must be
 * rectangular. Arrays of {@code int2/int4/int8/float4/float8/bool/bytea} whose elements are of
 * matching classes travel in binary; every other array as text built from each element's text
 * parameter. An array whose element type is unknown (an empty list, a type name the driver does
 * not know) is sent as text of unspecified type, for the server to infer.
 */
final class ArrayParameters {
    private ArrayParameters() {}

    /** Element OID to infer from the values. */
    static final int INFER = -1;

    /** SQL spellings of type names as {@code createArrayOf} accepts them, beyond {@code pg_type.typname}. */
    private static final Map<String, Integer> ALIASES = Map.ofEntries(
        Map.entry("int", Oids.INT4), Map.entry("integer", Oids.INT4), Map.entry("smallint", Oids.INT2),
        Map.entry("bigint", Oids.INT8), Map.entry("real", Oids.FLOAT4), Map.entry("float", Oids.FLOAT8),
        Map.entry("double", Oids.FLOAT8), Map.entry("double precision", Oids.FLOAT8),
        Map.entry("decimal", Oids.NUMERIC), Map.entry("boolean", Oids.BOOL),
        Map.entry("character varying", Oids.VARCHAR), Map.entry("character", Oids.BPCHAR),
        Map.entry("timestamp without time zone", Oids.TIMESTAMP), Map.entry("timestamp with time zone", Oids.TIMESTAMPTZ),
        Map.entry("time without time zone", Oids.TIME), Map.entry("time with time zone", Oids.TIMETZ),
        Map.entry("serial", Oids.INT4), Map.entry("bigserial", Oids.INT8), Map.entry("smallserial", Oids.INT2));

    /** Whether {@code x} is a value this family encodes. */
    static boolean isArrayValue(Object x) {
        return x instanceof List<?> || x instanceof java.sql.Array || (x.getClass().isArray() && !(x instanceof byte[]));
    }

    /**
     * The element OID a type name stands for ({@code int4}, {@code integer}, {@code varchar(10)},
     * {@code "double precision"} …), or 0 when the driver does not know the name.
     */
    static int elementOid(String typeName) {
        if (typeName == null) return 0;
        String name = typeName.trim().toLowerCase(Locale.ROOT);
        int paren = name.indexOf('(');
        if (paren >= 0) {
            int close = name.indexOf(')', paren);
            name = (name.substring(0, paren) + (close >= 0 ? name.substring(close + 1) : "")).trim();
        }
        name = name.replaceAll("\\s+", " ");
        Integer alias = ALIASES.get(name);
        if (alias != null) return alias;
        return PgTypes.byName(name).filter(t -> !t.isArray()).map(PgType::oid).orElse(0);
    }

    /** {@code x} (a Java array, a List or a {@code java.sql.Array}) as an array value. */
    static ArrayData encode(Object x, CodecContext ctx) throws SQLException {
        if (x instanceof java.sql.Array a) {
            int oid = elementOid(a.getBaseTypeName());
            return encode(oid, a.getArray(), ctx);
        }
        return encode(INFER, x, ctx);
    }

    /**
     * {@code values} (a Java array or a List, nested for more dimensions) as an array of {@code
     * elementOid}; {@link #INFER} to take the type from the values, 0 to leave it to the server.
     */
    static ArrayData encode(int elementOid, Object values, CodecContext ctx) throws SQLException {
        ParameterEncoder encoder = new ParameterEncoder(ctx);
        List<Integer> dimList = new ArrayList<>();
        shape(values, dimList);
        int[] dims = dimList.stream().mapToInt(Integer::intValue).toArray();
        Object[] leaves = new Object[total(dims)];
        flatten(values, dims, 0, leaves, new int[1]);
        int oid = elementOid == INFER ? infer(values, leaves, encoder) : elementOid;
        int arrayOid = oid == 0 ? 0 : ctx.type(oid).arrayOid();
        if (arrayOid == 0) oid = 0;
        ArrayData binary = binary(arrayOid, oid, dims, leaves);
        if (binary != null) return binary;
        String[] texts = new String[leaves.length];
        for (int k = 0; k < leaves.length; k++) texts[k] = elementText(leaves[k], encoder);
        return ArrayText.of(arrayOid, oid, dims, texts);
    }

    /** The dimensions, read along the first item of each level. */
    private static void shape(Object x, List<Integer> dims) throws SQLException {
        Object level = x;
        int depth = 0;
        while (true) {
            if (depth == ArrayText.MAX_DIMENSIONS) throw ArrayText.tooManyDimensions(depth + 1);
            int len = length(level);
            dims.add(len);
            depth++;
            if (len == 0) return;
            Object first = get(level, 0);
            if (first == null || !isContainer(first)) return;
            level = first;
        }
    }

    private static void flatten(Object x, int[] dims, int depth, Object[] leaves, int[] next) throws SQLException {
        if (x == null || !isContainer(x) && depth > 0 || length(x) != dims[depth]) throw ragged();
        for (int i = 0; i < dims[depth]; i++) {
            Object item = get(x, i);
            if (depth + 1 < dims.length) {
                flatten(item, dims, depth + 1, leaves, next);
            } else {
                if (item != null && isContainer(item)) throw ragged();
                leaves[next[0]++] = item;
            }
        }
    }

    private static int total(int[] dims) throws SQLException {
        long n = 1;
        for (int d : dims) n *= d;
        if (n > Integer.MAX_VALUE) throw SqlExceptions.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "array has too many elements");
        return (int) n;
    }

    private static boolean isContainer(Object x) {
        return x instanceof List<?> || (x.getClass().isArray() && !(x instanceof byte[]));
    }

    private static int length(Object x) {
        return x instanceof List<?> l ? l.size() : Array.getLength(x);
    }

    private static Object get(Object x, int i) {
        if (x instanceof Object[] a) return a[i];
        if (x instanceof int[] a) return a[i];
        if (x instanceof long[] a) return a[i];
        if (x instanceof double[] a) return a[i];
        return x instanceof List<?> l ? l.get(i) : Array.get(x, i);
    }

    /** The element type: from the Java component class, else from the first non-null element. */
    private static int infer(Object values, Object[] leaves, ParameterEncoder encoder) throws SQLException {
        Class<?> c = values.getClass();
        while (c.isArray() && c != byte[].class) c = c.getComponentType();
        int oid = oidOf(c);
        if (oid > 0) return oid;
        for (Object leaf : leaves) {
            if (leaf == null) continue;
            int typed = oidOf(leaf.getClass());
            if (typed > 0) return typed;
            EncodedParameter p = encoder.ofObject(leaf);
            return p.typeOid() == Oids.UNSPECIFIED ? Oids.TEXT : p.typeOid();
        }
        return 0;
    }

    /** The element type of a Java class, or -1 when the class does not say. */
    private static int oidOf(Class<?> c) {
        if (c == int.class || c == Integer.class) return Oids.INT4;
        if (c == long.class || c == Long.class) return Oids.INT8;
        if (c == short.class || c == Short.class || c == byte.class || c == Byte.class) return Oids.INT2;
        if (c == double.class || c == Double.class) return Oids.FLOAT8;
        if (c == float.class || c == Float.class) return Oids.FLOAT4;
        if (c == boolean.class || c == Boolean.class) return Oids.BOOL;
        if (c == String.class || c == char.class || c == Character.class) return Oids.TEXT;
        if (c == byte[].class) return Oids.BYTEA;
        if (c == UUID.class) return Oids.UUID;
        if (c == BigDecimal.class || c == BigInteger.class) return Oids.NUMERIC;
        if (c == LocalDate.class || c == java.sql.Date.class) return Oids.DATE;
        if (c == LocalTime.class || c == java.sql.Time.class) return Oids.TIME;
        if (c == OffsetTime.class) return Oids.TIMETZ;
        if (c == LocalDateTime.class || c == java.sql.Timestamp.class || c == java.util.Date.class) return Oids.TIMESTAMP;
        if (c == OffsetDateTime.class || c == Instant.class || c == ZonedDateTime.class) return Oids.TIMESTAMPTZ;
        return -1;
    }

    /**
     * The elements in binary, written into one buffer, or null when the type or some element's
     * class calls for text.
     */
    private static ArrayData binary(int arrayOid, int oid, int[] dims, Object[] leaves) throws SQLException {
        switch (oid) {
            case Oids.INT2, Oids.INT4, Oids.INT8, Oids.FLOAT4, Oids.FLOAT8, Oids.BOOL, Oids.BYTEA -> { }
            default -> {
                return null;
            }
        }
        int n = leaves.length;
        ByteWriter w = new ByteWriter(n * 8 + 16);
        int[] offsets = new int[n];
        int[] lengths = new int[n];
        for (int k = 0; k < n; k++) {
            Object x = leaves[k];
            offsets[k] = w.size();
            if (x == null) {
                lengths[k] = -1;
                continue;
            }
            boolean ok = put(w, oid, x);
            if (!ok) return null;
            lengths[k] = w.size() - offsets[k];
        }
        int[] d = n == 0 ? new int[0] : dims;
        int[] ones = new int[d.length];
        Arrays.fill(ones, 1);
        return new ArrayData(arrayOid, oid, FormatCode.BINARY, d, ones, w.toByteArray(), offsets, lengths);
    }

    /** Writes {@code x} as a binary {@code oid}; false when its class does not match the type. */
    private static boolean put(ByteWriter w, int oid, Object x) throws SQLException {
        switch (oid) {
            case Oids.INT2, Oids.INT4, Oids.INT8 -> {
                if (!isIntegral(x)) return false;
                if (oid == Oids.INT2) w.writeShort((int) integral(x, Short.MIN_VALUE, Short.MAX_VALUE, "smallint"));
                else if (oid == Oids.INT4) w.writeInt((int) integral(x, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer"));
                else w.writeLong(((Number) x).longValue());
            }
            case Oids.FLOAT4 -> {
                if (!(x instanceof Float f)) return false;
                w.writeInt(Float.floatToIntBits(f));
            }
            case Oids.FLOAT8 -> {
                if (!(x instanceof Double || x instanceof Float)) return false;
                w.writeLong(Double.doubleToLongBits(((Number) x).doubleValue()));
            }
            case Oids.BOOL -> {
                if (!(x instanceof Boolean b)) return false;
                w.writeByte(b ? 1 : 0);
            }
            default -> {
                if (!(x instanceof byte[] b)) return false;
                w.writeBytes(b);
            }
        }
        return true;
    }

    private static boolean isIntegral(Object x) {
        return x instanceof Integer || x instanceof Long || x instanceof Short || x instanceof Byte;
    }

    private static long integral(Object x, long min, long max, String type) throws SQLException {
        long v = ((Number) x).longValue();
        if (v < min || v > max) throw CodecErrors.outOfRange(type, Long.toString(v));
        return v;
    }

    /** The text of one element as the server reads it inside an array; null for NULL. */
    private static String elementText(Object x, ParameterEncoder encoder) throws SQLException {
        if (x == null) return null;
        if (x instanceof String s) return s;
        if (x instanceof Boolean b) return b ? "t" : "f";
        if (isIntegral(x) || x instanceof BigInteger || x instanceof Character) return x.toString();
        if (x instanceof BigDecimal d) return d.toString();
        if (x instanceof Double d) return FloatText.format(d);
        if (x instanceof Float f) return FloatText.format(f);
        if (x instanceof byte[] b) return ByteaText.toHex(b, 0, b.length);
        EncodedParameter p = encoder.ofObject(x);
        if (p.value() == null) return null;
        if (p.format() == FormatCode.TEXT) return new String(p.value(), StandardCharsets.UTF_8);
        return BinaryValues.toText(p.typeOid(), p.value(), 0, p.value().length);
    }

    private static SQLException ragged() {
        return SqlExceptions.of(SqlState.ARRAY_SUBSCRIPT_ERROR,
            "multidimensional arrays must have sub-arrays with matching dimensions (no NULL or ragged sub-arrays)");
    }
}
