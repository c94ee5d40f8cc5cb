package io.ysql.types;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.Random;
import java.util.UUID;

/**
 * Random boxed Java arrays of one to three dimensions with NULL elements, of element classes
 * whose values come back from the server unchanged ({@code Integer}, {@code Long}, {@code
 * Short}, {@code Double}, {@code Boolean}, {@code String} with characters arrays must quote,
 * {@code BigDecimal}, {@code UUID}).
 */
final class RandomArrays {
    private RandomArrays() {}

    private static final String ALPHABET = "aZ0 ,;{}\"\\\t\nNULé✓😀'";
    private static final Class<?>[] CLASSES =
        {Integer.class, Long.class, Integer.class, Double.class, Boolean.class, String.class, BigDecimal.class, UUID.class};

    static Object next(Random r) {
        Class<?> leaf = CLASSES[r.nextInt(CLASSES.length)];
        int[] dims = new int[1 + r.nextInt(3)];
        for (int i = 0; i < dims.length; i++) dims[i] = 1 + r.nextInt(dims.length == 1 ? 8 : 3);
        Object array = Array.newInstance(leaf, dims);
        fill(array, leaf, r);
        return array;
    }

    private static void fill(Object array, Class<?> leaf, Random r) {
        for (int i = 0; i < Array.getLength(array); i++) {
            Object item = Array.get(array, i);
            if (item != null && item.getClass().isArray()) {
                fill(item, leaf, r);
            } else if (r.nextInt(5) > 0) {
                Array.set(array, i, value(leaf, r));
            }
        }
    }

    private static Object value(Class<?> leaf, Random r) {
        if (leaf == Integer.class) return r.nextInt();
        if (leaf == Long.class) return r.nextLong();
        if (leaf == Double.class) return r.nextInt(10) == 0 ? Double.NaN : r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
        if (leaf == Boolean.class) return r.nextBoolean();
        if (leaf == BigDecimal.class) return BigDecimal.valueOf(r.nextLong(), r.nextInt(12));
        if (leaf == UUID.class) return new UUID(r.nextLong(), r.nextLong());
        StringBuilder sb = new StringBuilder();
        int points = ALPHABET.codePointCount(0, ALPHABET.length());
        for (int n = r.nextInt(8); n > 0; n--) sb.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0, r.nextInt(points))));
        return sb.toString();
    }
}
