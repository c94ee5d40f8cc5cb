package io.ysql.internal.jdbc;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.codec.EncodedParameter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;

/**
 * The stream and reader setters of {@link PreparedStatement}: they read the stream to its end
 * (or the given length) and bind the bytes or text like {@code setBytes} / {@code setString}.
 * LOB, array, REF, ROWID and SQLXML setters are not supported yet.
 */
abstract class PreparedStatementStreams extends JdbcStatement implements PreparedStatement {

    PreparedStatementStreams(JdbcConnection connection) { super(connection); }

    /** Binds an encoded value to parameter {@code index} (1-based). */
    abstract void set(int index, EncodedParameter p) throws SQLException;

    private static SQLException unsupported(String method) {
        return SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "PreparedStatement." + method + " is not supported yet");
    }

    private static byte[] read(InputStream in, long length) throws SQLException {
        try {
            byte[] all = length < 0 ? in.readAllBytes() : in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, length));
            if (length >= 0 && all.length < length) {
                throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE,
                        "the stream ended after " + all.length + " bytes, before the " + length + " bytes announced");
            }
            return all;
        } catch (IOException e) {
            throw SqlExceptions.of(SqlState.IO_ERROR, "reading the parameter stream failed: " + e.getMessage(), e);
        }
    }

    private static String read(Reader in, long length) throws SQLException {
        try {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            long left = length < 0 ? Long.MAX_VALUE : length;
            int n;
            while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                sb.append(buf, 0, n);
                left -= n;
            }
            return sb.toString();
        } catch (IOException e) {
            throw SqlExceptions.of(SqlState.IO_ERROR, "reading the parameter reader failed: " + e.getMessage(), e);
        }
    }

    private void bytes(int i, InputStream in, long length) throws SQLException {
        set(i, connection.encoder().ofObject(in == null ? null : read(in, length)));
    }

    private void text(int i, Reader in, long length) throws SQLException {
        set(i, connection.encoder().ofObject(in == null ? null : read(in, length)));
    }

    private void ascii(int i, InputStream in, long length) throws SQLException {
        set(i, connection.encoder().ofObject(in == null ? null : new String(read(in, length), StandardCharsets.US_ASCII)));
    }

    @Override public void setBinaryStream(int i, InputStream x) throws SQLException { bytes(i, x, -1); }
    @Override public void setBinaryStream(int i, InputStream x, int length) throws SQLException { bytes(i, x, length); }
    @Override public void setBinaryStream(int i, InputStream x, long length) throws SQLException { bytes(i, x, length); }
    @Override public void setAsciiStream(int i, InputStream x) throws SQLException { ascii(i, x, -1); }
    @Override public void setAsciiStream(int i, InputStream x, int length) throws SQLException { ascii(i, x, length); }
    @Override public void setAsciiStream(int i, InputStream x, long length) throws SQLException { ascii(i, x, length); }
    @Override public void setCharacterStream(int i, Reader x) throws SQLException { text(i, x, -1); }
    @Override public void setCharacterStream(int i, Reader x, int length) throws SQLException { text(i, x, length); }
    @Override public void setCharacterStream(int i, Reader x, long length) throws SQLException { text(i, x, length); }
    @Override public void setNCharacterStream(int i, Reader x) throws SQLException { text(i, x, -1); }
    @Override public void setNCharacterStream(int i, Reader x, long length) throws SQLException { text(i, x, length); }

    @Override
    @Deprecated
    public void setUnicodeStream(int i, InputStream x, int length) throws SQLException {
        set(i, connection.encoder().ofObject(x == null ? null : new String(read(x, length), StandardCharsets.UTF_8)));
    }

    @Override public void setBlob(int i, Blob x) throws SQLException { throw unsupported("setBlob"); }
    @Override public void setBlob(int i, InputStream x) throws SQLException { throw unsupported("setBlob"); }
    @Override public void setBlob(int i, InputStream x, long length) throws SQLException { throw unsupported("setBlob"); }
    @Override public void setClob(int i, Clob x) throws SQLException { throw unsupported("setClob"); }
    @Override public void setClob(int i, Reader x) throws SQLException { throw unsupported("setClob"); }
    @Override public void setClob(int i, Reader x, long length) throws SQLException { throw unsupported("setClob"); }
    @Override public void setNClob(int i, NClob x) throws SQLException { throw unsupported("setNClob"); }
    @Override public void setNClob(int i, Reader x) throws SQLException { throw unsupported("setNClob"); }
    @Override public void setNClob(int i, Reader x, long length) throws SQLException { throw unsupported("setNClob"); }
    @Override public void setRef(int i, Ref x) throws SQLException { throw unsupported("setRef"); }
    @Override public void setRowId(int i, RowId x) throws SQLException { throw unsupported("setRowId"); }
    @Override public void setSQLXML(int i, SQLXML x) throws SQLException { throw unsupported("setSQLXML"); }
}
