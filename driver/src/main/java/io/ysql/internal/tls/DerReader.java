package io.ysql.internal.tls;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal DER (X.690) reader for the few structures the JDK does not parse for us: the
 * AlgorithmIdentifier of a PKCS#8 key, the parameters of a SEC1 EC key, subjectAltName entries,
 * the subject's common name and RSASSA-PSS parameters. Only definite lengths and single-byte tags
 * are accepted; every length is checked against the bytes that are really there, so a hostile
 * input cannot make it allocate more than it was given.
 */
final class DerReader {
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int UTF8_STRING = 0x0c;
    static final int PRINTABLE_STRING = 0x13;
    static final int T61_STRING = 0x14;
    static final int IA5_STRING = 0x16;
    static final int UNIVERSAL_STRING = 0x1c;
    static final int BMP_STRING = 0x1e;
    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;

    private DerReader() {}

    /** One tag-length-value element; {@code content} is the value's bytes. */
    record Element(int tag, byte[] content) {
        /** Whether this is a context-specific tag {@code [n]}, primitive or constructed. */
        boolean isContext(int n) {
            return (tag & 0xc0) == 0x80 && (tag & 0x1f) == n;
        }

        /** The elements inside a constructed value (SEQUENCE, SET, explicit context tag). */
        List<Element> children() throws DerException {
            return readAll(content);
        }

        /** The value of an OBJECT IDENTIFIER, in dotted form. */
        String oid() throws DerException {
            expect(OID);
            return decodeOid(content);
        }

        /** The value of an INTEGER. */
        BigInteger integer() throws DerException {
            expect(INTEGER);
            if (content.length == 0) throw new DerException("empty INTEGER");
            return new BigInteger(content);
        }

        Element expect(int expected) throws DerException {
            if (tag != expected) {
                throw new DerException("expected tag 0x" + Integer.toHexString(expected) + " but found 0x"
                        + Integer.toHexString(tag));
            }
            return this;
        }
    }

    /** A structure that is not valid DER, or not the structure expected. */
    static final class DerException extends Exception {
        private static final long serialVersionUID = 1L;

        DerException(String message) {
            super(message);
        }
    }

    /** Exactly one element spanning all of {@code der}. */
    static Element read(byte[] der) throws DerException {
        List<Element> all = readAll(der);
        if (all.size() != 1) throw new DerException("expected one DER element, found " + all.size());
        return all.get(0);
    }

    /** The consecutive elements that make up {@code der}. */
    static List<Element> readAll(byte[] der) throws DerException {
        List<Element> out = new ArrayList<>();
        int at = 0;
        while (at < der.length) {
            int tag = der[at++] & 0xff;
            if ((tag & 0x1f) == 0x1f) throw new DerException("multi-byte tags are not supported");
            if (at >= der.length) throw new DerException("truncated length");
            int first = der[at++] & 0xff;
            int length;
            if (first < 0x80) {
                length = first;
            } else {
                int n = first & 0x7f;
                if (n == 0) throw new DerException("indefinite lengths are not DER");
                if (n > 3) throw new DerException("element too long");
                if (at + n > der.length) throw new DerException("truncated length");
                length = 0;
                for (int k = 0; k < n; k++) length = (length << 8) | (der[at++] & 0xff);
            }
            if (length > der.length - at) throw new DerException("element runs past the end of its container");
            byte[] content = new byte[length];
            System.arraycopy(der, at, content, 0, length);
            at += length;
            out.add(new Element(tag, content));
        }
        return out;
    }

    static String decodeOid(byte[] b) throws DerException {
        if (b.length == 0) throw new DerException("empty OBJECT IDENTIFIER");
        StringBuilder sb = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (int k = 0; k < b.length; k++) {
            if (value > (Long.MAX_VALUE >> 7)) throw new DerException("OBJECT IDENTIFIER arc too large");
            value = (value << 7) | (b[k] & 0x7f);
            if ((b[k] & 0x80) != 0) {
                if (k == b.length - 1) throw new DerException("truncated OBJECT IDENTIFIER");
                continue;
            }
            if (first) {
                long top = Math.min(value / 40, 2);
                sb.append(top).append('.').append(value - 40 * top);
                first = false;
            } else {
                sb.append('.').append(value);
            }
            value = 0;
        }
        return sb.toString();
    }
}
