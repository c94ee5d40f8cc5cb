package io.ysql.internal.codec;

import java.nio.charset.StandardCharsets;

/** Column values embedded in a larger buffer, as a DataRow delivers them, so offsets are exercised. */
record Slices(byte[] b, int off, int len) {
    private static final byte[] PAD = {'9', '9', '-', 'x'};

    static Slices text(String s) {
        return of(s.getBytes(StandardCharsets.UTF_8));
    }

    static Slices of(byte... value) {
        byte[] b = new byte[PAD.length + value.length + PAD.length];
        System.arraycopy(PAD, 0, b, 0, PAD.length);
        System.arraycopy(value, 0, b, PAD.length, value.length);
        System.arraycopy(PAD, 0, b, PAD.length + value.length, PAD.length);
        return new Slices(b, PAD.length, value.length);
    }

    static Slices int2(int v) { return of((byte) (v >>> 8), (byte) v); }

    static Slices int4(int v) { return of((byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v); }

    static Slices int8(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (56 - 8 * i));
        return of(b);
    }

    static Slices float4(float v) { return int4(Float.floatToRawIntBits(v)); }

    static Slices float8(double v) { return int8(Double.doubleToRawLongBits(v)); }
}
