package io.ysql.internal.catalog;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.codec.CodecContext;
import io.ysql.internal.codec.EncodedParameter;
import io.ysql.internal.codec.LearnedType;
import io.ysql.internal.codec.PgType;
import io.ysql.internal.codec.PgTypes;
import io.ysql.internal.codec.TypeCodec;
import io.ysql.internal.codec.UserCodecAdapter;
import io.ysql.internal.codec.ValueDecoder;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * User codecs laid over a connection's {@link TypeCatalog}, for one cursor: the overlay's codecs
 * decode the values of their types and encode instances of their Java classes, and everything
 * else (built-in types, learned types, the connection's own user codecs, server parameters) is the
 * catalog's. Type names are resolved through the catalog, so a name is looked up once per
 * connection; a name that cannot be looked up right now (a failed transaction) is retried before
 * the next value is encoded and after the next query. Safe to read from several threads; meant to
 * be changed by its owner's thread.
 */
public final class CodecOverlay implements CodecContext {

    /** A codec of the overlay and the OID of its type (0 until resolved). */
    private record Entry(UserCodecAdapter codec, int oid) {}

    private final TypeCatalog base;
    private final ValueDecoder decoder = new ValueDecoder(this);
    private volatile List<Entry> entries = List.of();

    public CodecOverlay(TypeCatalog base) {
        this.base = base;
    }

    /**
     * Adds {@code codec}, replacing an earlier one for the same type name, and resolves its type
     * name now if the connection can run a query; 42704 when no such type exists.
     */
    public void register(UserCodecAdapter codec) throws SQLException {
        int oid = base.typeOid(codec.typeName());
        if (PgTypes.isBuiltIn(oid)) {
            throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "the codec " + codec.codecClassName() + " names the "
                    + "built-in type \"" + codec.typeName() + "\"; register cursor codecs for user-defined types only");
        }
        List<Entry> next = new ArrayList<>();
        next.add(new Entry(codec, oid));
        for (Entry e : entries) {
            if (!e.codec().typeName().equals(codec.typeName())) next.add(e);
        }
        entries = List.copyOf(next);
    }

    /** Resolves the type names not resolved yet, when the connection can run a query. */
    public void resolvePending() throws SQLException {
        List<Entry> now = entries;
        if (now.stream().allMatch(e -> e.oid() != 0)) return;
        List<Entry> next = new ArrayList<>(now.size());
        for (Entry e : now) {
            next.add(e.oid() != 0 ? e : new Entry(e.codec(), base.typeOid(e.codec().typeName())));
        }
        entries = List.copyOf(next);
    }

    // ---- CodecContext ------------------------------------------------------------------------

    @Override
    public TypeCodec codec(int oid) {
        for (Entry e : entries) {
            if (e.oid() == oid) return e.codec();
        }
        return base.codec(oid);
    }

    @Override
    public EncodedParameter encodeUser(Object x) throws SQLException {
        for (Entry e : entries) {
            if (!e.codec().javaType().isInstance(x)) continue;
            if (e.oid() == 0) {
                resolvePending();
                e = find(e.codec());
            }
            if (e.oid() == 0) {
                throw SqlExceptions.of(SqlState.IN_FAILED_SQL_TRANSACTION, "the type \""
                        + e.codec().typeName() + "\" of the cursor's codec " + e.codec().codecClassName()
                        + " cannot be looked up in a failed transaction; roll back first");
            }
            return e.codec().encode(x, e.oid());
        }
        return base.encodeUser(x);
    }

    private Entry find(UserCodecAdapter codec) {
        for (Entry e : entries) {
            if (e.codec().sameCodec(codec)) return e;
        }
        return new Entry(codec, 0);
    }

    @Override public PgType type(int oid) { return base.type(oid); }
    @Override public LearnedType learned(int oid) { return base.learned(oid); }
    @Override public int typeOid(String name) throws SQLException { return base.typeOid(name); }
    @Override public String parameter(String name) { return base.parameter(name); }
    @Override public ValueDecoder decoder() { return decoder; }
}
