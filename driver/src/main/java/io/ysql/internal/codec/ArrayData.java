package io.ysql.internal.codec;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * One array value taken apart: its type, its dimensions and lower bounds, and where each element
 * lies, in row-major order, in a private buffer. Elements keep the format they arrived in: the
 * unescaped UTF-8 text of each element when the array came as text, each element's binary value
 * when it came in binary; {@link ValueDecoder} turns them into Java values one by one with the
 * element's OID. An array with no elements has no dimensions. Immutable once built.
 */
public final class ArrayData {
    private final int arrayOid;
    private final int elementOid;
    private final short format;
    private final int[] dims;
    private final int[] lowerBounds;
    private final byte[] buffer;
    private final int[] offsets;
    private final int[] lengths;
    /** The whole value in its format when already known (built for sending), else null. */
    private final byte[] encoded;

    ArrayData(int arrayOid, int elementOid, short format, int[] dims, int[] lowerBounds, byte[] buffer,
              int[] offsets, int[] lengths) {
        this(arrayOid, elementOid, format, dims, lowerBounds, buffer, offsets, lengths, null);
    }

    ArrayData(int arrayOid, int elementOid, short format, int[] dims, int[] lowerBounds, byte[] buffer,
              int[] offsets, int[] lengths, byte[] encoded) {
        this.arrayOid = arrayOid;
        this.elementOid = elementOid;
        this.format = format;
        this.dims = dims;
        this.lowerBounds = lowerBounds;
        this.buffer = buffer;
        this.offsets = offsets;
        this.lengths = lengths;
        this.encoded = encoded;
    }

    /** The array type's OID (0 when the type was named by the caller and is not known). */
    public int arrayOid() { return arrayOid; }

    /** The element type's OID (0 when unknown: elements are then read as text). */
    public int elementOid() { return elementOid; }

    /** The format of the elements: {@link FormatCode#TEXT} or {@link FormatCode#BINARY}. */
    public short format() { return format; }

    /** The number of dimensions, 0 for an empty array. */
    public int dimensions() { return dims.length; }

    /** The length of dimension {@code d} (0-based). */
    public int dimension(int d) { return dims[d]; }

    /** The lower bound of dimension {@code d} (0-based); 1 unless the value was written with bounds. */
    public int lowerBound(int d) { return lowerBounds[d]; }

    /** The number of items along the first dimension (elements, or sub-arrays when multi-dimensional). */
    public int length() { return dims.length == 0 ? 0 : dims[0]; }

    /** The number of elements over all dimensions. */
    public int elementCount() { return offsets.length; }

    public boolean isNull(int k) { return lengths[k] < 0; }

    public byte[] buffer() { return buffer; }

    public int elementOffset(int k) { return offsets[k]; }

    /** The length of element {@code k}, -1 for NULL. */
    public int elementLength(int k) { return lengths[k]; }

    /** Elements per item of the first dimension. */
    int stride() {
        int s = 1;
        for (int d = 1; d < dims.length; d++) s *= dims[d];
        return s;
    }

    /** Whether every lower bound is 1, the default the server does not print. */
    boolean hasDefaultBounds() {
        for (int lb : lowerBounds) {
            if (lb != 1) return false;
        }
        return true;
    }

    /**
     * Items {@code from .. from+count-1} (0-based) of the first dimension, as an array of the same
     * dimensions with lower bounds 1.
     */
    public ArrayData slice(int from, int count) {
        if (from < 0 || count < 0 || from + count > length()) {
            throw new IndexOutOfBoundsException("items " + from + ".." + (from + count) + " of " + length());
        }
        if (count == 0) return empty();
        int stride = stride();
        int[] newDims = dims.clone();
        newDims[0] = count;
        int[] ones = new int[dims.length];
        Arrays.fill(ones, 1);
        int a = from * stride;
        int b = a + count * stride;
        return new ArrayData(arrayOid, elementOid, format, newDims, ones, buffer,
            Arrays.copyOfRange(offsets, a, b), Arrays.copyOfRange(lengths, a, b));
    }

    /** Item {@code i} (0-based) of the first dimension of a multi-dimensional array, one dimension less. */
    public ArrayData item(int i) {
        if (dims.length < 2) throw new IllegalStateException("a one-dimensional array has no sub-arrays");
        if (i < 0 || i >= length()) throw new IndexOutOfBoundsException("item " + i + " of " + length());
        int stride = stride();
        int[] ones = new int[dims.length - 1];
        Arrays.fill(ones, 1);
        int a = i * stride;
        return new ArrayData(arrayOid, elementOid, format, Arrays.copyOfRange(dims, 1, dims.length), ones, buffer,
            Arrays.copyOfRange(offsets, a, a + stride), Arrays.copyOfRange(lengths, a, a + stride));
    }

    private ArrayData empty() {
        return new ArrayData(arrayOid, elementOid, format, new int[0], new int[0], buffer, new int[0], new int[0]);
    }

    /** The element's text, for an array in text format. */
    String elementText(int k) {
        return new String(buffer, offsets[k], lengths[k], StandardCharsets.UTF_8);
    }

    /** The whole value in its own format, as it would travel in a DataRow or a Bind message. */
    public byte[] encode() {
        if (encoded != null) return encoded.clone();
        return format == FormatCode.BINARY ? ArrayBinary.write(this) : ArrayText.print(this).getBytes(StandardCharsets.UTF_8);
    }

    /** The value as a bind parameter typed with the array's OID (unspecified when unknown). */
    public EncodedParameter toParameter() {
        return new EncodedParameter(arrayOid, format, encode());
    }

    /** The server's text spelling, reading binary elements through {@code decoder}. */
    public String toText(ValueDecoder decoder) throws SQLException {
        if (format == FormatCode.TEXT) return ArrayText.print(this);
        String[] texts = new String[offsets.length];
        for (int k = 0; k < texts.length; k++) {
            if (!isNull(k)) texts[k] = decoder.getString(elementOid, format, buffer, offsets[k], lengths[k]);
        }
        return ArrayText.print(dims, lowerBounds, texts, ArrayText.delimiter(elementOid));
    }

    int[] dims() { return dims; }

    int[] lowerBounds() { return lowerBounds; }
}
