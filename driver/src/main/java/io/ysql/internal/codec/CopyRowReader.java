package io.ysql.internal.codec;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.buffer.ByteReader;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the rows of a COPY TO STDOUT, one CopyData message at a time (the server sends one row
 * per message; in binary the header and the trailer may come alone or with a row). Text fields
 * are unescaped ({@code \N} null, {@code \b \f \n \r \t \v \\}, octal {@code \ooo} and hex
 * {@code \xhh}); CSV fields unquoted, an unquoted empty field being null. Each field is decoded as
 * its column's type when the types are known, else left as a String (text, CSV) or byte[] (binary).
 */
public final class CopyRowReader {
    private final CopyFormat format;
    private final CopyValues values;
    private final int[] typeOids;
    private boolean headerRead;

    public CopyRowReader(CopyFormat format, CopyValues values, int[] typeOids) {
        this.format = format;
        this.values = values;
        this.typeOids = typeOids.clone();
    }

    /** The row in {@code message}, or null when it holds none (the binary header or trailer alone). */
    public Object[] read(byte[] message) throws SQLException {
        return switch (format) {
            case TEXT -> text(message);
            case CSV -> csv(message);
            case BINARY -> binary(message);
        };
    }

    private Object[] text(byte[] m) throws SQLException {
        int end = m.length > 0 && m[m.length - 1] == '\n' ? m.length - 1 : m.length;
        List<Object> fields = new ArrayList<>(typeOids.length > 0 ? typeOids.length : 8);
        byte[] field = new byte[end];
        int start = 0;
        while (start <= end) {
            int i = start;
            int n = 0;
            boolean isNull = false;
            while (i < end && m[i] != '\t') {
                byte b = m[i++];
                if (b != '\\' || i == end) {
                    field[n++] = b;
                    continue;
                }
                byte e = m[i++];
                switch (e) {
                    case 'N' -> isNull = true;
                    case 'b' -> field[n++] = '\b';
                    case 'f' -> field[n++] = '\f';
                    case 'n' -> field[n++] = '\n';
                    case 'r' -> field[n++] = '\r';
                    case 't' -> field[n++] = '\t';
                    case 'v' -> field[n++] = 0x0b;
                    case 'x' -> {
                        int v = 0;
                        for (int k = 0; k < 2 && i < end && Character.digit(m[i], 16) >= 0; k++) {
                            v = v * 16 + Character.digit(m[i++], 16);
                        }
                        field[n++] = (byte) v;
                    }
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int v = e - '0';
                            for (int k = 0; k < 2 && i < end && m[i] >= '0' && m[i] <= '7'; k++) v = v * 8 + (m[i++] - '0');
                            field[n++] = (byte) v;
                        } else {
                            field[n++] = e;
                        }
                    }
                }
            }
            fields.add(isNull && n == 0 ? null : decode(fields.size(), FormatCode.TEXT, field, 0, n));
            start = i + 1;
        }
        return fields.toArray();
    }

    private Object[] csv(byte[] m) throws SQLException {
        int end = m.length;
        if (end > 0 && m[end - 1] == '\n') end--;
        if (end > 0 && m[end - 1] == '\r') end--;
        List<Object> fields = new ArrayList<>(typeOids.length > 0 ? typeOids.length : 8);
        byte[] field = new byte[end];
        int i = 0;
        while (true) {
            int n = 0;
            boolean quoted = false;
            while (i < end && m[i] != ',') {
                if (m[i] == '"') {
                    quoted = true;
                    i++;
                    while (i < end && !(m[i] == '"' && (i + 1 >= end || m[i + 1] != '"'))) {
                        if (m[i] == '"') i++;
                        field[n++] = m[i++];
                    }
                    i++; // the closing quote
                } else {
                    field[n++] = m[i++];
                }
            }
            fields.add(!quoted && n == 0 ? null : decode(fields.size(), FormatCode.TEXT, field, 0, n));
            if (i >= end) break;
            i++; // the comma
        }
        return fields.toArray();
    }

    private Object[] binary(byte[] m) throws SQLException {
        ByteReader r = new ByteReader(m);
        if (!headerRead) {
            byte[] signature = CopyRowWriter.signature();
            if (m.length < signature.length + 8 || !Arrays.equals(m, 0, signature.length, signature, 0, signature.length)) {
                throw SqlExceptions.of(SqlState.BAD_COPY_FILE_FORMAT, "the binary COPY data does not start with its signature");
            }
            r.skip(signature.length + 4);
            r.skip(r.readInt());
            headerRead = true;
            if (r.remaining() == 0) return null;
        }
        int count = r.readShort();
        if (count == -1) return null; // the trailer
        Object[] row = new Object[count];
        for (int i = 0; i < count; i++) {
            int len = r.readInt();
            if (len < 0) continue;
            int off = r.position();
            row[i] = decode(i, FormatCode.BINARY, m, off, len);
            r.skip(len);
        }
        return row;
    }

    private Object decode(int column, short format, byte[] b, int off, int len) throws SQLException {
        int oid = column < typeOids.length ? typeOids[column] : 0;
        return values.decode(oid, format, b, off, len);
    }
}
