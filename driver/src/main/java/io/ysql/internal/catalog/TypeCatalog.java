package io.ysql.internal.catalog;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.codec.CodecContext;
import io.ysql.internal.codec.EncodedParameter;
import io.ysql.internal.codec.LearnedCodecs;
import io.ysql.internal.codec.LearnedType;
import io.ysql.internal.codec.PgType;
import io.ysql.internal.codec.PgTypes;
import io.ysql.internal.codec.TypeCodec;
import io.ysql.internal.codec.UserCodecAdapter;
import io.ysql.internal.codec.ValueDecoder;
import io.ysql.internal.session.QueryResult;
import io.ysql.internal.session.Session;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * One connection's type catalog, and the {@link CodecContext} its codecs read through. Types that
 * are not built in are learned from {@code pg_type} right after a query that returned them has
 * completed ({@link #learn}), all unknown OIDs of a result and their closure in one query, once
 * per OID; a failed lookup leaves those types as text and is logged at DEBUG. Lookups never run in
 * a failed transaction block and never open one. Type names (user codecs, {@code hstore}, struct
 * types) are resolved once each. Reads are lock-free; lookups are serialised by one lock, so
 * threads sharing the connection never look up the same type twice.
 */
public final class TypeCatalog implements CodecContext {
    private static final System.Logger LOG = System.getLogger("io.ysql.internal.catalog");

    /** What the connection knows of one non-built-in OID (type null: read as text). */
    private record Known(LearnedType type, PgType pgType, TypeCodec codec) {}

    /** A registered user codec: its OID once resolved (0 before), or why it could not be. */
    private record Registered(UserCodecAdapter codec, int oid, SQLException failure) {
        boolean pending() { return oid == 0 && failure == null; }
    }

    private final CatalogSession session;
    private final Function<String, String> parameters;
    private final Map<Integer, Known> known = new ConcurrentHashMap<>();
    private final Map<String, Integer> namedOids = new ConcurrentHashMap<>();
    private final ReentrantLock lookupLock = new ReentrantLock();
    private final AtomicInteger queries = new AtomicInteger();
    private final ValueDecoder decoder = new ValueDecoder(this);
    private volatile List<Registered> codecs = List.of();

    TypeCatalog(CatalogSession session, Function<String, String> parameters) {
        this.session = session;
        this.parameters = parameters;
    }

    /** The catalog of a session, with its user codecs registered (in order; a later one for the same type wins). */
    public static TypeCatalog of(Session session, List<UserCodecAdapter> userCodecs) {
        TypeCatalog c = new TypeCatalog(new SessionQueries(session), session::parameter);
        for (UserCodecAdapter codec : userCodecs) c.register(codec);
        return c;
    }

    /** How many queries this catalog has run (for tests). */
    int queryCount() { return queries.get(); }

    // ---- CodecContext ------------------------------------------------------------------------

    @Override
    public PgType type(int oid) {
        if (PgTypes.isBuiltIn(oid)) return PgTypes.byOid(oid);
        Known k = known.get(oid);
        return k != null ? k.pgType() : PgTypes.byOid(oid);
    }

    @Override
    public TypeCodec codec(int oid) {
        if (PgTypes.isBuiltIn(oid)) return CodecContext.super.codec(oid);
        Known k = known.get(oid);
        return k == null ? null : k.codec();
    }

    @Override
    public LearnedType learned(int oid) {
        Known k = known.get(oid);
        return k == null ? null : k.type();
    }

    @Override public String parameter(String name) { return parameters.apply(name); }

    @Override public ValueDecoder decoder() { return decoder; }

    @Override
    public int typeOid(String name) throws SQLException {
        Integer cached = namedOids.get(name);
        if (cached == null) {
            lookupLock.lock();
            try {
                cached = namedOids.get(name);
                if (cached == null) {
                    if (!session.canQuery()) return 0;
                    resolveNames(List.of(name));
                    cached = namedOids.getOrDefault(name, 0);
                }
            } finally {
                lookupLock.unlock();
            }
        }
        if (cached == 0) throw undefined(name, "");
        return cached;
    }

    @Override
    public EncodedParameter encodeUser(Object x) throws SQLException {
        for (Registered r : codecs) {
            if (!r.codec().javaType().isInstance(x)) continue;
            Registered resolved = r.pending() ? resolve(r) : r;
            if (resolved.failure() != null) {
                throw SqlExceptions.of(resolved.failure().getSQLState(), resolved.failure().getMessage(), resolved.failure());
            }
            return r.codec().encode(x, resolved.oid());
        }
        return null;
    }

    // ---- registration ------------------------------------------------------------------------

    /** Registers a user codec; its type name is resolved when the codec is first needed. */
    public void register(UserCodecAdapter codec) {
        if (codec.typeName() == null || codec.javaType() == null) {
            throw new IllegalArgumentException("a codec needs a type name and a Java type");
        }
        lookupLock.lock();
        try {
            List<Registered> next = new ArrayList<>();
            next.add(new Registered(codec, 0, null));
            for (Registered r : codecs) {
                if (!r.codec().typeName().equals(codec.typeName())) next.add(r);
            }
            codecs = List.copyOf(next);
        } finally {
            lookupLock.unlock();
        }
    }

    // ---- learning ----------------------------------------------------------------------------

    /** Learns the unknown types of the columns of {@code results} (after the query completed). */
    public void learn(List<QueryResult> results) {
        Set<Integer> oids = null;
        for (int k = 0, size = results.size(); k < size; k++) { // by index: no iterator on every execution
            oids = unknownTypes(results.get(k), oids);
        }
        if (oids != null) learnOids(oids);
    }

    /** Adds the types of {@code r}'s columns that are not built in to {@code oids} (made when first needed). */
    private static Set<Integer> unknownTypes(QueryResult r, Set<Integer> oids) {
        if (r == null || r.description() == null) return oids;
        var d = r.description();
        for (int i = 0, n = d.fieldCount(); i < n; i++) {
            int oid = d.field(i).typeOid();
            if (PgTypes.isBuiltIn(oid)) continue;
            if (oids == null) oids = new LinkedHashSet<>();
            oids.add(oid);
        }
        return oids;
    }

    /** Learns the unknown types of the columns of {@code result}. */
    public void learn(QueryResult result) {
        Set<Integer> oids = unknownTypes(result, null);
        if (oids != null) learnOids(oids);
    }

    /**
     * The composite (or other) type named {@code name}, looked up now if need be; 42704 if there is
     * no such type, null when it cannot be looked up right now (a failed transaction).
     */
    public LearnedType learnNamed(String name) throws SQLException {
        int oid = typeOid(name);
        if (oid == 0 || PgTypes.isBuiltIn(oid)) return null;
        learnOids(Set.of(oid));
        return learned(oid);
    }

    /** Learns {@code oids} (none built in) that are not known yet, resolving pending user codecs first. */
    void learnOids(Set<Integer> oids) {
        if (!needsLookup(oids)) return;
        lookupLock.lock();
        try {
            if (!needsLookup(oids) || !session.canQuery()) return;
            if (codecs.stream().anyMatch(Registered::pending)) resolveCodecs();
            List<Integer> missing = oids.stream().filter(o -> !PgTypes.isBuiltIn(o) && !known.containsKey(o)).toList();
            if (!missing.isEmpty()) fetch(missing);
        } finally {
            lookupLock.unlock();
        }
    }

    private boolean needsLookup(Set<Integer> oids) {
        for (int oid : oids) {
            if (!PgTypes.isBuiltIn(oid) && !known.containsKey(oid)) return true;
        }
        for (Registered r : codecs) {
            if (r.pending()) return true;
        }
        return false;
    }

    /** One query for {@code missing} and their closure; under the lookup lock. */
    private void fetch(List<Integer> missing) {
        Map<Integer, LearnedType> types;
        try {
            queries.incrementAndGet();
            types = TypeQueries.readTypes(session.query(TypeQueries.types(missing)));
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "looking up types " + missing + " failed; their values are read as text", e);
            for (int oid : missing) known.putIfAbsent(oid, textOnly(oid));
            return;
        }
        for (LearnedType t : types.values()) {
            if (PgTypes.isBuiltIn(t.oid()) || known.containsKey(t.oid())) continue;
            known.put(t.oid(), entry(t, types));
            namedOids.putIfAbsent(t.qualifiedName(), t.oid());
        }
        for (int oid : missing) known.putIfAbsent(oid, textOnly(oid));
    }

    private Known entry(LearnedType t, Map<Integer, LearnedType> batch) {
        for (Registered r : codecs) {
            if (r.oid() == t.oid()) {
                return new Known(t, t.toPgType(null, r.codec().javaType().getName()), r.codec());
            }
        }
        PgType base = null;
        if (t.kind() == LearnedType.Kind.DOMAIN) {
            LearnedType b = batch.get(t.baseOid());
            base = b != null && !PgTypes.isBuiltIn(b.oid()) ? entry(b, batch).pgType() : type(t.baseOid());
        }
        return new Known(t, t.toPgType(base, null), LearnedCodecs.forType(t));
    }

    private static Known textOnly(int oid) {
        return new Known(null, PgTypes.byOid(oid), null);
    }

    // ---- names -------------------------------------------------------------------------------

    /** Resolves every pending codec's type name in one query; under the lookup lock. */
    private void resolveCodecs() {
        List<String> names = new ArrayList<>();
        for (Registered r : codecs) {
            if (r.pending() && !namedOids.containsKey(r.codec().typeName())) names.add(r.codec().typeName());
        }
        SQLException failure = null;
        if (!names.isEmpty()) {
            try {
                resolveNames(names);
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.DEBUG, "resolving the type names of user codecs failed", e);
                failure = e;
            }
        }
        List<Registered> next = new ArrayList<>(codecs.size());
        for (Registered r : codecs) {
            if (!r.pending()) {
                next.add(r);
                continue;
            }
            String name = r.codec().typeName();
            int oid = namedOids.getOrDefault(name, 0);
            next.add(oid != 0 ? new Registered(r.codec(), oid, null)
                    : new Registered(r.codec(), 0, failure != null ? failure : undefined(name, " named by the codec "
                    + r.codec().codecClassName())));
            Known k = oid == 0 ? null : known.get(oid);
            if (k != null && k.type() != null) {
                known.put(oid, new Known(k.type(), k.type().toPgType(null, r.codec().javaType().getName()),
                        r.codec()));
            }
        }
        codecs = List.copyOf(next);
    }

    private Registered resolve(Registered r) {
        lookupLock.lock();
        try {
            if (codecs.stream().anyMatch(Registered::pending) && session.canQuery()) resolveCodecs();
            for (Registered now : codecs) {
                if (now.codec().sameCodec(r.codec())) return now;
            }
            return r;
        } finally {
            lookupLock.unlock();
        }
    }

    /** Resolves {@code names} with one query into {@link #namedOids} (0 for no such type); under the lock. */
    private void resolveNames(List<String> names) throws SQLException {
        queries.incrementAndGet();
        Map<String, Integer> found = TypeQueries.readNames(session.query(TypeQueries.names(names)));
        for (String name : names) namedOids.put(name, found.getOrDefault(name, 0));
    }

    private static SQLException undefined(String name, String origin) {
        return SqlExceptions.of(SqlState.UNDEFINED_OBJECT, "type \"" + name + "\"" + origin + " does not exist; "
                + "create it, or give its schema-qualified name, or add its schema to the search_path");
    }
}
