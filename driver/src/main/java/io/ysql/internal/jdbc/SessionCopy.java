package io.ysql.internal.jdbc;

import io.ysql.Copy;
import io.ysql.CopyIn;
import io.ysql.CopyOut;
import io.ysql.error.ServerError;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.codec.CodecRegistry;
import io.ysql.internal.codec.CopyFormat;
import io.ysql.internal.codec.CopyRowReader;
import io.ysql.internal.codec.CopyRowWriter;
import io.ysql.internal.codec.CopyValues;
import io.ysql.internal.codec.PgType;
import io.ysql.internal.codec.PgTypes;
import io.ysql.internal.session.CopyFlow;
import io.ysql.internal.session.CopyInFlow;
import io.ysql.internal.session.CopyOutFlow;
import io.ysql.internal.session.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * The {@link Copy} API over a session: starts the copy flow, checks its direction, and pumps
 * streams through it in 64 KiB chunks, or hands it to a {@link SessionCopyIn} or
 * {@link SessionCopyOut} for rows encoded and decoded by the connection's codecs. A failure of
 * the caller's stream ends the copy (CopyFail going in, reading out the rest coming out) before
 * it is raised, so the connection stays usable.
 */
final class SessionCopy implements Copy {
    private static final int BUFFER = 64 * 1024;

    private final Session session;
    private final CodecRegistry codecs;
    private final Consumer<ServerError> notices;
    private final int[] typeOids;

    SessionCopy(Session session, CodecRegistry codecs, Consumer<ServerError> notices, int[] typeOids) {
        this.session = session;
        this.codecs = codecs;
        this.notices = notices;
        this.typeOids = typeOids;
    }

    @Override
    public Copy withTypes(String... typeNames) throws SQLException {
        if (typeNames == null) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "the type names are null");
        int[] oids = new int[typeNames.length];
        for (int i = 0; i < oids.length; i++) oids[i] = typeOid(typeNames[i]);
        return new SessionCopy(session, codecs, notices, oids);
    }

    private int typeOid(String name) throws SQLException {
        if (name == null) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "a type name is null");
        int oid = PgTypes.byName(name).map(PgType::oid).orElse(0);
        if (oid == 0) oid = codecs.context().typeOid(name);
        if (oid == 0) {
            throw SqlExceptions.of(SqlState.IN_FAILED_SQL_TRANSACTION, "the type \"" + name
                    + "\" cannot be looked up while the transaction is failed; roll it back first");
        }
        return oid;
    }

    // ---- streams ----------------------------------------------------------------------------

    @Override
    public long copyIn(String sql, Reader from) throws SQLException {
        CopyInFlow flow = startIn(sql);
        FlowOutput sink = new FlowOutput(flow);
        try {
            Writer w = new OutputStreamWriter(sink, StandardCharsets.UTF_8);
            from.transferTo(w);
            w.flush();
        } catch (IOException | RuntimeException e) {
            throw aborted(flow, "reading the input failed", e);
        }
        return flow.end();
    }

    @Override
    public long copyIn(String sql, InputStream from) throws SQLException {
        CopyInFlow flow = startIn(sql);
        byte[] buf = new byte[BUFFER];
        try {
            int n;
            while ((n = from.read(buf)) >= 0) flow.write(buf, 0, n);
        } catch (IOException | RuntimeException e) {
            throw aborted(flow, "reading the input failed", e);
        }
        return flow.end();
    }

    @Override
    public long copyOut(String sql, Writer to) throws SQLException {
        CopyOutFlow flow = startOut(sql);
        if (flow.binary()) {
            flow.drain();
            throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "a binary COPY gives bytes, not characters: "
                    + "copy it to an OutputStream");
        }
        return pump(flow, chunk -> to.write(new String(chunk, StandardCharsets.UTF_8)), to::flush);
    }

    @Override
    public long copyOut(String sql, OutputStream to) throws SQLException {
        return pump(startOut(sql), to::write, to::flush);
    }

    private interface ChunkSink {
        void accept(byte[] chunk) throws IOException;
    }

    private interface Flush {
        void flush() throws IOException;
    }

    private static long pump(CopyOutFlow flow, ChunkSink sink, Flush flush) throws SQLException {
        try {
            byte[] chunk;
            while ((chunk = flow.read()) != null) sink.accept(chunk);
            flush.flush();
        } catch (IOException | RuntimeException e) {
            flow.drain();
            throw SqlExceptions.of(SqlState.IO_ERROR, "COPY TO STDOUT stopped: writing the output failed: "
                    + e.getMessage() + "; the rest of the copy was read and dropped, the connection remains usable", e);
        }
        return flow.rowCount();
    }

    // ---- rows -------------------------------------------------------------------------------

    @Override
    public CopyIn copyIn(String sql) throws SQLException {
        CopyInFlow flow = startIn(sql);
        CopyFormat format = CopyFormat.of(sql, flow.binary());
        return new SessionCopyIn(flow, new CopyRowWriter(format, values(), typeOids));
    }

    @Override
    public CopyOut copyOut(String sql) throws SQLException {
        CopyOutFlow flow = startOut(sql);
        CopyFormat format = CopyFormat.of(sql, flow.binary());
        return new SessionCopyOut(flow, new CopyRowReader(format, values(), typeOids));
    }

    private CopyValues values() { return new CopyValues(codecs.encoder(), codecs.decoder()); }

    // ---- starting ---------------------------------------------------------------------------

    private CopyInFlow startIn(String sql) throws SQLException {
        CopyFlow flow = start(sql);
        if (flow instanceof CopyInFlow in) return in;
        ((CopyOutFlow) flow).drain();
        throw SqlExceptions.of(SqlState.WRONG_OBJECT_TYPE, "the statement is a COPY ... TO STDOUT; use copyOut for it");
    }

    private CopyOutFlow startOut(String sql) throws SQLException {
        CopyFlow flow = start(sql);
        if (flow instanceof CopyOutFlow out) return out;
        ((CopyInFlow) flow).fail("the statement was started as COPY TO STDOUT");
        throw SqlExceptions.of(SqlState.WRONG_OBJECT_TYPE, "the statement is a COPY ... FROM STDIN; use copyIn for it");
    }

    private CopyFlow start(String sql) throws SQLException {
        if (sql == null) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "the COPY statement is null");
        return session.copy(sql, notices);
    }

    /**
     * Ends {@code flow} after the caller's input failed with {@code cause}: when the cause is the
     * server's own error the copy has ended already; otherwise CopyFail rolls it back.
     */
    static SQLException aborted(CopyInFlow flow, String what, Exception cause) {
        if (cause instanceof FlowOutput.Failure f) return f.sqlException();
        String reason = what + ": " + cause;
        SQLException server = flow.fail(reason);
        SQLException e = SqlExceptions.of(SqlState.QUERY_CANCELED, "COPY FROM STDIN aborted: " + reason
                + "; the server rolled the copy back and the connection remains usable", cause);
        if (server != null) e.setNextException(server);
        return e;
    }

    /** The flow as an OutputStream, for {@code Reader.transferTo} through an encoder. */
    static final class FlowOutput extends OutputStream {
        private final CopyInFlow flow;
        private final byte[] one = new byte[1];

        FlowOutput(CopyInFlow flow) { this.flow = flow; }

        @Override
        public void write(int b) throws IOException {
            one[0] = (byte) b;
            write(one, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                flow.write(b, off, len);
            } catch (SQLException e) {
                throw new Failure(e);
            }
        }

        /** The server's error (or a broken connection) while writing. */
        static final class Failure extends IOException {
            Failure(SQLException e) { super(e.getMessage(), e); }

            SQLException sqlException() { return (SQLException) getCause(); }
        }
    }
}
