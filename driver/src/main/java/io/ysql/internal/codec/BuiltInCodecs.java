package io.ysql.internal.codec;

import java.util.List;

/**
 * The one readable list of the type-family codecs beyond the scalar fast paths of {@link
 * ValueDecoder}: which {@link TypeCodec} reads which built-in OIDs, and which {@link
 * ValueEncoder}s {@code setObject(i, x)} consults, in order, for classes the scalar encoder does
 * not know. A family registers here with one line.
 */
final class BuiltInCodecs {
    private BuiltInCodecs() {}

    /** A codec and the OIDs it reads. */
    record Registration(TypeCodec codec, int... oids) {}

    /** Type-family codecs by OID. */
    static final List<Registration> CODECS = List.of(
        new Registration(ArrayCodec.INSTANCE, PgTypes.all().stream().filter(PgType::isArray).mapToInt(PgType::oid).toArray()),
        new Registration(IntervalCodec.INSTANCE, Oids.INTERVAL),
        new Registration(GeometryCodec.INSTANCE, GeometryCodec.POINT, GeometryCodec.LSEG, GeometryCodec.PATH,
            GeometryCodec.BOX, GeometryCodec.POLYGON, GeometryCodec.LINE, GeometryCodec.CIRCLE),
        new Registration(NetworkCodec.INSTANCE, Oids.INET, Oids.CIDR, Oids.MACADDR, NetworkCodec.MACADDR8),
        new Registration(BitStringCodec.INSTANCE, Oids.BIT, Oids.VARBIT),
        new Registration(RangeCodec.INSTANCE, RangeCodec.INT4RANGE, RangeCodec.INT8RANGE, RangeCodec.NUMRANGE,
            RangeCodec.DATERANGE, RangeCodec.TSRANGE, RangeCodec.TSTZRANGE, RangeCodec.INT4MULTIRANGE,
            RangeCodec.INT8MULTIRANGE, RangeCodec.NUMMULTIRANGE, RangeCodec.DATEMULTIRANGE, RangeCodec.TSMULTIRANGE,
            RangeCodec.TSTZMULTIRANGE),
        new Registration(CompositeCodec.INSTANCE, Oids.RECORD));

    /** Encoders for Java classes beyond the scalar ones, tried in order. */
    static final List<ValueEncoder> ENCODERS = List.of(
        ArrayCodec.INSTANCE, IntervalCodec.INSTANCE, GeometryCodec.INSTANCE, NetworkCodec.INSTANCE, BitStringCodec.INSTANCE,
        RangeCodec.INSTANCE, new CompositeEncoder(), new HstoreEncoder());

    private static final TypeCodec[] BY_OID = index();

    /** The family codec registered for this built-in OID, or null. */
    static TypeCodec forOid(int oid) {
        return oid > 0 && oid < BY_OID.length ? BY_OID[oid] : null;
    }

    private static TypeCodec[] index() {
        TypeCodec[] byOid = new TypeCodec[PgTypes.DENSE_LIMIT];
        for (Registration r : CODECS) {
            for (int oid : r.oids()) {
                if (byOid[oid] != null) throw new IllegalStateException("OID with two codecs: " + oid);
                byOid[oid] = r.codec();
            }
        }
        return byOid;
    }
}
