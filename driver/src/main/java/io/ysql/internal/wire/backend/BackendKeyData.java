package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;
import java.util.Arrays;

/**
 * BackendKeyData ({@code 'K'}): the process id and secret key a CancelRequest must quote. Protocol
 * 3.0 sends a 4-byte key; protocol 3.2 allows up to 256 bytes. The key is copied in and out and
 * never reaches {@link #toString}.
 */
public record BackendKeyData(int processId, byte[] secretKey) implements BackendMessage {
    public static final byte TAG = 'K';
    public static final int MIN_KEY_LENGTH = 4;
    public static final int MAX_KEY_LENGTH = 256;

    public BackendKeyData {
        secretKey = secretKey.clone();
        if (secretKey.length < MIN_KEY_LENGTH || secretKey.length > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("the secret key must be 4 to 256 bytes, got " + secretKey.length);
        }
    }

    /** A protocol 3.0 key. */
    public BackendKeyData(int processId, int secretKey) {
        this(processId, new byte[] {
            (byte) (secretKey >>> 24), (byte) (secretKey >>> 16), (byte) (secretKey >>> 8), (byte) secretKey});
    }

    public static BackendKeyData decode(ByteReader r) {
        return new BackendKeyData(r.readInt(), r.readRemaining());
    }

    @Override
    public byte[] secretKey() { return secretKey.clone(); }

    /**
     * The 4-byte key of protocol 3.0 as an int, as a CancelRequest carries it.
     *
     * @throws IllegalStateException when the key is longer (protocol 3.2)
     */
    public int secretKeyInt() {
        if (secretKey.length != 4) {
            throw new IllegalStateException("the secret key is " + secretKey.length + " bytes; only a 4-byte key fits an int");
        }
        return ByteReader.getInt(secretKey, 0);
    }

    @Override
    public void encode(ByteWriter w) {
        Framing.writeHeader(w, TAG, 4 + secretKey.length);
        w.writeInt(processId).writeBytes(secretKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BackendKeyData k && processId == k.processId && Arrays.equals(secretKey, k.secretKey);
    }

    @Override
    public int hashCode() { return 31 * processId + Arrays.hashCode(secretKey); }

    @Override
    public String toString() { return "BackendKeyData[processId=" + processId + ", secretKey=redacted]"; }
}
