package io.ysql.internal.codec;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.lang.reflect.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the elements of an {@link ArrayData} into Java values through the public methods of a
 * {@link ValueDecoder}, with the element's OID, so that every element type the decoder knows
 * (built-in, family codec or user type) works inside arrays. Three shapes: a Java array of the
 * element's {@code getObject} class ({@code Integer[]}, {@code Integer[][]} for two dimensions,
 * {@code Object[]} when the values do not share that class), a requested array class ({@code
 * int[]}, {@code String[]} …), and nested {@code List}s. Lower bounds are dropped: values keep
 * their order.
 */
final class ArrayElements {
    private ArrayElements() {}

    /** A Java array of the element type's {@code getObject} class, nested per dimension. */
    static Object toJavaArray(ArrayData a, ValueDecoder d) throws SQLException {
        int n = a.elementCount();
        Object[] values = new Object[n];
        Class<?> leaf = objectClass(d.context().type(a.elementOid()));
        for (int k = 0; k < n; k++) {
            if (a.isNull(k)) continue;
            values[k] = d.getObject(a.elementOid(), a.format(), a.buffer(), a.elementOffset(k), a.elementLength(k));
            if (!leaf.isInstance(values[k])) leaf = Object.class;
        }
        return nest(a, leaf, values);
    }

    /** Nested lists of the elements' cursor-API values ({@code modern}) or {@code getObject} values. */
    static List<Object> toList(ArrayData a, ValueDecoder d, boolean modern) throws SQLException {
        int n = a.elementCount();
        Object[] values = new Object[n];
        for (int k = 0; k < n; k++) {
            if (a.isNull(k)) continue;
            int oid = a.elementOid();
            values[k] = modern
                ? d.getModernObject(oid, a.format(), a.buffer(), a.elementOffset(k), a.elementLength(k))
                : d.getObject(oid, a.format(), a.buffer(), a.elementOffset(k), a.elementLength(k));
        }
        if (a.dimensions() == 0) return new ArrayList<>();
        return listLevel(a, 0, values, new int[1]);
    }

    private static List<Object> listLevel(ArrayData a, int depth, Object[] values, int[] next) {
        int len = a.dimension(depth);
        List<Object> list = new ArrayList<>(len);
        for (int i = 0; i < len; i++) {
            list.add(depth + 1 < a.dimensions() ? listLevel(a, depth + 1, values, next) : values[next[0]++]);
        }
        return list;
    }

    /**
     * The array as {@code target}, an array class: {@code Object[]} takes any number of
     * dimensions; other classes need as many dimensions as the value has (byte[] counting as an
     * element, for {@code bytea[]}); primitive element classes refuse NULL elements (22004).
     * Returns null for a class that is not an array class.
     */
    static Object as(ArrayData a, ValueDecoder d, Class<?> target) throws SQLException {
        if (!target.isArray() || target == byte[].class) return null;
        int depth = 0;
        Class<?> leaf = target;
        while (leaf.isArray() && leaf != byte[].class) {
            leaf = leaf.getComponentType();
            depth++;
        }
        int ndim = Math.max(a.dimensions(), 1);
        if (leaf == Object.class && depth == 1) {
            Object[] values = new Object[a.elementCount()];
            for (int k = 0; k < values.length; k++) {
                if (!a.isNull(k)) values[k] = d.getObject(a.elementOid(), a.format(), a.buffer(), a.elementOffset(k), a.elementLength(k));
            }
            return nest(a, Object.class, values);
        }
        if (depth != ndim) {
            throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "cannot read a " + ndim + "-dimensional array as "
                + target.getCanonicalName() + "; ask for a class with " + ndim + " array dimension" + (ndim == 1 ? "" : "s"));
        }
        if (leaf.isPrimitive()) {
            Object flat = primitiveFlat(a, d, leaf);
            if (flat != null) return nestFlat(a, leaf, flat);
        }
        Class<?> boxed = boxed(leaf);
        Object[] values = new Object[a.elementCount()];
        for (int k = 0; k < values.length; k++) {
            if (a.isNull(k)) {
                if (leaf.isPrimitive()) {
                    throw SqlExceptions.of(SqlState.NULL_VALUE_NOT_ALLOWED, "array element " + (k + 1)
                        + " is NULL and cannot be stored in " + target.getCanonicalName() + "; read it as an array of "
                        + boxed.getSimpleName());
                }
                continue;
            }
            values[k] = d.getObject(a.elementOid(), a.format(), a.buffer(), a.elementOffset(k), a.elementLength(k), boxed);
        }
        return nest(a, leaf, values);
    }

    /** Builds the (possibly multi-dimensional) Java array of component {@code leaf} holding {@code values}. */
    private static Object nest(ArrayData a, Class<?> leaf, Object[] values) {
        Object flat = leaf.isPrimitive() ? unbox(leaf, values) : typed(leaf, values);
        return nestFlat(a, leaf, flat);
    }

    /** {@code flat} (an array of {@code leaf}, all elements in row-major order) cut into the array's dimensions. */
    private static Object nestFlat(ArrayData a, Class<?> leaf, Object flat) {
        if (a.dimensions() <= 1) return flat;
        Object top = Array.newInstance(leaf, a.dims());
        cut(top, a, 0, flat, new int[1]);
        return top;
    }

    private static void cut(Object array, ArrayData a, int depth, Object flat, int[] next) {
        if (depth == a.dimensions() - 1) {
            int len = a.dimension(depth);
            System.arraycopy(flat, next[0], array, 0, len);
            next[0] += len;
            return;
        }
        Object[] rows = (Object[]) array;
        for (Object row : rows) cut(row, a, depth + 1, flat, next);
    }

    private static Object[] typed(Class<?> leaf, Object[] values) {
        if (leaf == Object.class) return values;
        Object[] out = (Object[]) Array.newInstance(leaf, values.length);
        System.arraycopy(values, 0, out, 0, values.length);
        return out;
    }

    private static Object unbox(Class<?> leaf, Object[] values) {
        int n = values.length;
        if (leaf == int.class) {
            int[] out = new int[n];
            for (int k = 0; k < n; k++) out[k] = (Integer) values[k];
            return out;
        }
        if (leaf == long.class) {
            long[] out = new long[n];
            for (int k = 0; k < n; k++) out[k] = (Long) values[k];
            return out;
        }
        if (leaf == double.class) {
            double[] out = new double[n];
            for (int k = 0; k < n; k++) out[k] = (Double) values[k];
            return out;
        }
        Object out = Array.newInstance(leaf, n);
        for (int k = 0; k < n; k++) Array.set(out, k, values[k]);
        return out;
    }

    /**
     * Elements read straight into a flat primitive array through the decoder's typed getters
     * (no boxing), or null when the general path must run: a NULL element (which it reports),
     * or an element type the requested class is not offered for.
     */
    private static Object primitiveFlat(ArrayData a, ValueDecoder d, Class<?> leaf) throws SQLException {
        int n = a.elementCount();
        for (int k = 0; k < n; k++) {
            if (a.isNull(k)) return null;
        }
        int oid = a.elementOid();
        boolean number = isNumber(oid) || ValueDecoder.isTextual(oid);
        short f = a.format();
        byte[] b = a.buffer();
        if (leaf == int.class && number) {
            int[] out = new int[n];
            for (int k = 0; k < n; k++) out[k] = d.getInt(oid, f, b, a.elementOffset(k), a.elementLength(k));
            return out;
        }
        if (leaf == long.class && number) {
            long[] out = new long[n];
            for (int k = 0; k < n; k++) out[k] = d.getLong(oid, f, b, a.elementOffset(k), a.elementLength(k));
            return out;
        }
        if (leaf == double.class && number) {
            double[] out = new double[n];
            for (int k = 0; k < n; k++) out[k] = d.getDouble(oid, f, b, a.elementOffset(k), a.elementLength(k));
            return out;
        }
        if (leaf == float.class && number) {
            float[] out = new float[n];
            for (int k = 0; k < n; k++) out[k] = d.getFloat(oid, f, b, a.elementOffset(k), a.elementLength(k));
            return out;
        }
        if (leaf == short.class && number) {
            short[] out = new short[n];
            for (int k = 0; k < n; k++) out[k] = d.getShort(oid, f, b, a.elementOffset(k), a.elementLength(k));
            return out;
        }
        if (leaf == boolean.class && (number || oid == Oids.BOOL || oid == Oids.BIT)) {
            boolean[] out = new boolean[n];
            for (int k = 0; k < n; k++) out[k] = d.getBoolean(oid, f, b, a.elementOffset(k), a.elementLength(k));
            return out;
        }
        return null;
    }

    private static boolean isNumber(int oid) {
        return switch (oid) {
            case Oids.INT2, Oids.INT4, Oids.INT8, Oids.OID, Oids.FLOAT4, Oids.FLOAT8, Oids.NUMERIC, Oids.MONEY -> true;
            default -> false;
        };
    }

    /** The class {@code getObject} returns for the type, {@code Object} when it cannot be loaded. */
    private static Class<?> objectClass(PgType type) {
        try {
            return Class.forName(type.javaClassName(), false, ArrayElements.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Object.class;
        }
    }

    private static Class<?> boxed(Class<?> c) {
        if (!c.isPrimitive()) return c;
        if (c == int.class) return Integer.class;
        if (c == long.class) return Long.class;
        if (c == short.class) return Short.class;
        if (c == double.class) return Double.class;
        if (c == float.class) return Float.class;
        if (c == boolean.class) return Boolean.class;
        if (c == byte.class) return Byte.class;
        if (c == char.class) return Character.class;
        return c;
    }
}
