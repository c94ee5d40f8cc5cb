package io.ysql;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import javax.transaction.xa.Xid;

/**
 * A two-phase-commit transaction id, as psycopg2's {@code Xid}: made by
 * {@link YsqlConnection#xid(int, String, String)} or returned by {@link YsqlConnection#tpcRecover()}.
 * An XA id ({@link #formatId()} not null) is stored on the server as the transaction's
 * {@code gid} {@code formatId_base64(gtrid)_base64(bqual)}, the same encoding pgjdbc and psycopg2
 * use, so recovery tools of either find it. A gid that is not such an encoding (a plain string given
 * to {@link YsqlConnection#tpcBegin(String)}, or one written by another tool) is kept as it is in
 * {@link #gtrid()}, with a null format id and branch qualifier. Also a JTA {@link Xid}.
 *
 * @param formatId the XA format id (0 to 2<sup>31</sup>-1), or null for a plain gid
 * @param gtrid    the global transaction id
 * @param bqual    the branch qualifier, or null for a plain gid
 * @param prepared when the transaction was prepared (from recovery), or null
 * @param owner    the role that prepared it (from recovery), or null
 * @param database the database it was prepared in (from recovery), or null
 */
public record TransactionId(Integer formatId, String gtrid, String bqual, OffsetDateTime prepared, String owner,
                            String database) implements Xid {
    private static final int MAX_PART = 64;

    public TransactionId {
        if (gtrid == null) throw new IllegalArgumentException("the global transaction id (gtrid) must not be null");
        if (formatId != null) {
            if (formatId < 0) throw new IllegalArgumentException("the format id must be 0 to 2^31-1, was " + formatId);
            if (bqual == null) throw new IllegalArgumentException("an XA transaction id needs a branch qualifier (bqual)");
            check("gtrid", gtrid);
            check("bqual", bqual);
        }
    }

    private static void check(String what, String part) {
        if (part.getBytes(StandardCharsets.UTF_8).length > MAX_PART) {
            throw new IllegalArgumentException(what + " must be at most " + MAX_PART + " bytes, was \"" + part + "\"");
        }
    }

    /** An XA transaction id. */
    public static TransactionId of(int formatId, String gtrid, String bqual) {
        return new TransactionId(formatId, gtrid, bqual, null, null, null);
    }

    /** The transaction's name on the server: the XA encoding, or the plain gid. */
    public String gid() {
        if (formatId == null) return gtrid;
        return gid(formatId, gtrid.getBytes(StandardCharsets.UTF_8), bqual.getBytes(StandardCharsets.UTF_8));
    }

    /** The server-side name of any XA id: {@code formatId_base64(gtrid)_base64(bqual)}. */
    public static String gid(Xid xid) {
        return gid(xid.getFormatId(), xid.getGlobalTransactionId(), xid.getBranchQualifier());
    }

    private static String gid(int formatId, byte[] gtrid, byte[] bqual) {
        Base64.Encoder b64 = Base64.getEncoder();
        return formatId + "_" + b64.encodeToString(gtrid) + "_" + b64.encodeToString(bqual);
    }

    /**
     * The id a server-side gid stands for: an XA id when it is the XA encoding (and its parts are
     * UTF-8), else a plain gid.
     */
    public static TransactionId fromGid(String gid) {
        Xid xa = decode(gid);
        if (xa != null) {
            try {
                String g = utf8(xa.getGlobalTransactionId());
                String b = utf8(xa.getBranchQualifier());
                return new TransactionId(xa.getFormatId(), g, b, null, null, null);
            } catch (IllegalArgumentException notText) {
                // an XA id whose parts are not text: kept as a plain gid
            }
        }
        return new TransactionId(null, gid, null, null, null, null);
    }

    /** The XA id a gid encodes, or null when it is not the XA encoding. */
    public static Xid decode(String gid) {
        int a = gid.indexOf('_');
        int b = gid.indexOf('_', a + 1);
        if (a <= 0 || b < 0 || gid.indexOf('_', b + 1) >= 0) return null;
        try {
            int format = Integer.parseInt(gid.substring(0, a));
            byte[] g = Base64.getDecoder().decode(gid.substring(a + 1, b));
            byte[] q = Base64.getDecoder().decode(gid.substring(b + 1));
            if (format < 0 || g.length > MAX_PART || q.length > MAX_PART) return null;
            return new Raw(format, g, q);
        } catch (IllegalArgumentException notXa) {
            return null;
        }
    }

    private static String utf8(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
    }

    /** This id with what recovery found out about it. */
    public TransactionId recovered(OffsetDateTime prepared, String owner, String database) {
        return new TransactionId(formatId, gtrid, bqual, prepared, owner, database);
    }

    /** Whether {@code a} and {@code b} are the same XA id (format id, gtrid and bqual). */
    public static boolean same(Xid a, Xid b) {
        return a != null && b != null && a.getFormatId() == b.getFormatId()
                && Arrays.equals(a.getGlobalTransactionId(), b.getGlobalTransactionId())
                && Arrays.equals(a.getBranchQualifier(), b.getBranchQualifier());
    }

    @Override public int getFormatId() { return formatId == null ? -1 : formatId; }

    @Override public byte[] getGlobalTransactionId() { return gtrid.getBytes(StandardCharsets.UTF_8); }

    @Override public byte[] getBranchQualifier() {
        return bqual == null ? new byte[0] : bqual.getBytes(StandardCharsets.UTF_8);
    }

    /** A decoded XA id whose parts need not be text. */
    private record Raw(int formatId, byte[] gtrid, byte[] bqual) implements Xid {
        @Override public int getFormatId() { return formatId; }
        @Override public byte[] getGlobalTransactionId() { return gtrid.clone(); }
        @Override public byte[] getBranchQualifier() { return bqual.clone(); }
    }
}
