package io.ysql.internal.session;

/**
 * Encoded parameter values for one execution: their type OIDs (0 lets the server infer), their
 * formats (0 text, 1 binary) and their bytes ({@code null} is SQL NULL). The session never looks
 * inside: codecs produced the bytes.
 */
public record Bindings(int[] typeOids, short[] formats, byte[][] values) {
    public static final Bindings NONE = new Bindings(new int[0], new short[0], new byte[0][]);

    public Bindings {
        if (typeOids.length != formats.length || formats.length != values.length) {
            throw new IllegalArgumentException("parameter arrays differ in length");
        }
    }

    public int size() { return values.length; }
}
