package io.ysql.internal.wire.frontend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.Framing;
import io.ysql.internal.wire.FrontendMessage;
import io.ysql.internal.wire.ProtocolViolation;
import java.util.Arrays;
import java.util.Objects;

/**
 * Bind ({@code 'B'}): binds encoded parameter values to a prepared statement, creating a portal. A
 * null element of {@code parameterValues} is SQL NULL. Each formats array follows the protocol (0 =
 * text, 1 = binary): no entry means all text, one entry applies to all, otherwise one entry per
 * parameter (per result column for {@code resultFormats}). The arrays are kept as given, not
 * copied (a Bind is encoded as soon as it is made, once per execution): callers must not change
 * them afterwards; the values never reach {@link #toString}. {@link #encode} computes the
 * full length before writing, so a message over 2^31-1 bytes is refused without allocating it.
 */
public record Bind(String portal, String statement, short[] parameterFormats, byte[][] parameterValues,
                   short[] resultFormats) implements FrontendMessage {
    public static final byte TAG = 'B';
    /** The int16 counts are read unsigned by the server. */
    public static final int MAX_COUNT = 0xFFFF;

    public Bind {
        check(portal, statement, parameterFormats, parameterValues, resultFormats);
    }

    private static void check(String portal, String statement, short[] parameterFormats, byte[][] parameterValues,
                              short[] resultFormats) {
        Objects.requireNonNull(portal, "portal");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(parameterValues, "parameterValues");
        checkFormats(parameterFormats, "parameter");
        checkFormats(resultFormats, "result");
        int n = parameterValues.length;
        if (n > MAX_COUNT) throw new IllegalArgumentException("too many parameters: " + n + "; the protocol allows " + MAX_COUNT);
        int f = parameterFormats.length;
        if (f > 1 && f != n) {
            throw new IllegalArgumentException(f + " parameter format codes for " + n + " parameters; expected 0, 1 or " + n);
        }
    }

    private static short[] checkFormats(short[] formats, String what) {
        if (formats.length > MAX_COUNT) {
            throw new IllegalArgumentException("too many " + what + " format codes: " + formats.length);
        }
        for (short f : formats) {
            if (f != 0 && f != 1) throw new IllegalArgumentException(what + " format code must be 0 or 1, got " + f);
        }
        return formats;
    }

    public static Bind decode(ByteReader r) {
        String portal = r.readCString();
        String statement = r.readCString();
        short[] parameterFormats = readFormats(r);
        byte[][] values = new byte[r.readShort() & 0xFFFF][];
        for (int i = 0; i < values.length; i++) {
            int len = r.readInt();
            if (len < -1) throw new ProtocolViolation("Bind parameter " + (i + 1) + " has length " + len);
            values[i] = len == -1 ? null : r.readBytes(len);
        }
        return new Bind(portal, statement, parameterFormats, values, readFormats(r));
    }

    private static short[] readFormats(ByteReader r) {
        short[] formats = new short[r.readShort() & 0xFFFF];
        for (int i = 0; i < formats.length; i++) formats[i] = r.readShort();
        return formats;
    }

    @Override
    public short[] parameterFormats() { return parameterFormats.clone(); }

    @Override
    public short[] resultFormats() { return resultFormats.clone(); }

    @Override
    public void encode(ByteWriter w) {
        write(w, portal, statement, parameterFormats, parameterValues, resultFormats);
    }

    /**
     * Encodes a Bind of these fields without making the record, after the checks its constructor
     * makes: for a sender that binds once per execution and keeps no message.
     */
    public static void encode(ByteWriter w, String portal, String statement, short[] parameterFormats,
                              byte[][] parameterValues, short[] resultFormats) {
        check(portal, statement, parameterFormats, parameterValues, resultFormats);
        write(w, portal, statement, parameterFormats, parameterValues, resultFormats);
    }

    private static void write(ByteWriter w, String portal, String statement, short[] parameterFormats,
                              byte[][] parameterValues, short[] resultFormats) {
        long body = Framing.cstringLength(portal) + 1L + Framing.cstringLength(statement) + 1L + 2 + 2L * parameterFormats.length + 2 + 2 + 2L * resultFormats.length;
        for (byte[] v : parameterValues) body += 4L + (v == null ? 0 : v.length);
        Framing.writeHeader(w, TAG, body);
        Framing.writeCString(w, portal);
        Framing.writeCString(w, statement);
        writeFormats(w, parameterFormats);
        w.writeShort(parameterValues.length);
        for (byte[] v : parameterValues) {
            if (v == null) {
                w.writeInt(-1);
            } else {
                w.writeInt(v.length).writeBytes(v);
            }
        }
        writeFormats(w, resultFormats);
    }

    private static void writeFormats(ByteWriter w, short[] formats) {
        w.writeShort(formats.length);
        for (short f : formats) w.writeShort(f);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bind b && portal.equals(b.portal) && statement.equals(b.statement)
                && Arrays.equals(parameterFormats, b.parameterFormats)
                && Arrays.deepEquals(parameterValues, b.parameterValues)
                && Arrays.equals(resultFormats, b.resultFormats);
    }

    @Override
    public int hashCode() {
        return Objects.hash(portal, statement, Arrays.hashCode(parameterFormats),
                Arrays.deepHashCode(parameterValues), Arrays.hashCode(resultFormats));
    }

    @Override
    public String toString() {
        return "Bind[portal=" + portal + ", statement=" + statement + ", parameters=" + parameterValues.length
                + ", parameterFormats=" + parameterFormats.length + ", resultFormats=" + resultFormats.length + "]";
    }
}
