package io.ysql.internal.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * A tiny DER writer: just enough to wrap a PKCS#1 RSA key or a SEC1 EC key into a PKCS#8
 * PrivateKeyInfo, the one key encoding the JDK's {@code KeyFactory} reads (RFC 5208 section 5).
 */
final class DerWriter {
    private DerWriter() {}

    /** One element: the tag, the DER length and the concatenated {@code contents}. */
    static byte[] element(int tag, byte[]... contents) {
        int length = 0;
        for (byte[] c : contents) length += c.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int k = bytes - 1; k >= 0; k--) out.write(length >>> (8 * k));
        }
        for (byte[] c : contents) out.writeBytes(c);
        return out.toByteArray();
    }

    static byte[] sequence(byte[]... contents) {
        return element(DerReader.SEQUENCE, contents);
    }

    static byte[] integer(long value) {
        return element(DerReader.INTEGER, BigInteger.valueOf(value).toByteArray());
    }

    static byte[] octetString(byte[] value) {
        return element(DerReader.OCTET_STRING, value);
    }

    static byte[] nullValue() {
        return element(DerReader.NULL);
    }

    /** An OBJECT IDENTIFIER from its dotted form, e.g. {@code 1.2.840.10045.2.1}. */
    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        if (arcs.length < 2) throw new IllegalArgumentException("OID needs two arcs: " + dotted);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeArc(body, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int k = 2; k < arcs.length; k++) writeArc(body, Long.parseLong(arcs[k]));
        return element(DerReader.OID, body.toByteArray());
    }

    private static void writeArc(ByteArrayOutputStream out, long value) {
        int groups = 1;
        for (long v = value >>> 7; v != 0; v >>>= 7) groups++;
        for (int g = groups - 1; g >= 0; g--) {
            int b = (int) ((value >>> (7 * g)) & 0x7f);
            out.write(g == 0 ? b : b | 0x80);
        }
    }
}
