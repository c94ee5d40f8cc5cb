package io.ysql.internal.codec;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The binary format of arrays ({@code array_send}/{@code array_recv}): the number of dimensions,
 * a has-NULLs flag, the element type's OID, a (length, lower bound) pair per dimension, then each
 * element as a 4-byte length (-1 for NULL) and its binary value, in row-major order. Every count
 * and length read is checked against the bytes at hand before it is used.
 */
final class ArrayBinary {
    private ArrayBinary() {}

    /** Reads {@code b[off, off+len)}; the array keeps a copy of the bytes. */
    static ArrayData read(int arrayOid, byte[] b, int off, int len) throws SQLException {
        int end = off + len;
        if (len < 12) throw malformed(arrayOid, "header of " + len + " bytes");
        int ndim = ByteReader.getInt(b, off);
        int elementOid = ByteReader.getInt(b, off + 8);
        if (ndim < 0 || ndim > ArrayText.MAX_DIMENSIONS) throw malformed(arrayOid, ndim + " dimensions");
        int p = off + 12;
        if (end - p < 8L * ndim) throw malformed(arrayOid, "truncated dimensions");
        int[] dims = new int[ndim];
        int[] lowerBounds = new int[ndim];
        long total = ndim == 0 ? 0 : 1;
        for (int d = 0; d < ndim; d++) {
            dims[d] = ByteReader.getInt(b, p);
            lowerBounds[d] = ByteReader.getInt(b, p + 4);
            p += 8;
            if (dims[d] < 0) throw malformed(arrayOid, "negative dimension " + dims[d]);
            total *= dims[d];
            if (total > Integer.MAX_VALUE) throw malformed(arrayOid, "too many elements");
        }
        // every element needs at least its 4-byte length
        if (total > (end - p) / 4) throw malformed(arrayOid, total + " elements in " + (end - p) + " bytes");
        int n = (int) total;
        if (n == 0) {
            dims = new int[0];
            lowerBounds = new int[0];
        }
        byte[] copy = Arrays.copyOfRange(b, off, end);
        int[] offsets = new int[n];
        int[] lengths = new int[n];
        for (int k = 0; k < n; k++) {
            if (end - p < 4) throw malformed(arrayOid, "truncated at element " + (k + 1));
            int l = ByteReader.getInt(b, p);
            p += 4;
            if (l < -1 || l > end - p) throw malformed(arrayOid, "element " + (k + 1) + " has length " + l);
            offsets[k] = p - off;
            lengths[k] = l;
            if (l > 0) p += l;
        }
        if (p != end) throw malformed(arrayOid, (end - p) + " trailing bytes");
        return new ArrayData(arrayOid, elementOid, FormatCode.BINARY, dims, lowerBounds, copy, offsets, lengths);
    }

    /** The binary format of an array whose elements are in binary. */
    static byte[] write(ArrayData a) {
        int n = a.elementCount();
        int size = 12 + 8 * a.dimensions();
        boolean hasNull = false;
        for (int k = 0; k < n; k++) {
            size += 4 + Math.max(0, a.elementLength(k));
            hasNull |= a.isNull(k);
        }
        ByteWriter w = new ByteWriter(size);
        w.writeInt(a.dimensions()).writeInt(hasNull ? 1 : 0).writeInt(a.elementOid());
        for (int d = 0; d < a.dimensions(); d++) w.writeInt(a.dimension(d)).writeInt(a.lowerBound(d));
        for (int k = 0; k < n; k++) {
            int l = a.elementLength(k);
            w.writeInt(l);
            if (l > 0) w.writeBytes(a.buffer(), a.elementOffset(k), l);
        }
        return w.toByteArray();
    }

    private static SQLException malformed(int arrayOid, String what) {
        return SqlExceptions.of(SqlState.INVALID_BINARY_REPRESENTATION,
            "malformed binary array of type " + PgTypes.byOid(arrayOid).name() + ": " + what);
    }
}
