package io.ysql.internal.codec;

/**
 * Chooses the {@link TypeCodec} for a type a connection learned from its catalog: composites are
 * read as {@code Composite}s, domains as their base type, the {@code hstore} extension type as a
 * {@code Map}, arrays of learned types by the array codec of the built-in types (which finds the
 * element type through the context), range types as {@code Range}s of their subtype; enums,
 * multiranges of user ranges and everything else are read as text (null here).
 */
public final class LearnedCodecs {
    private LearnedCodecs() {}

    /** The codec for {@code type}, or null to read its values as text. */
    public static TypeCodec forType(LearnedType type) {
        return switch (type.kind()) {
            case COMPOSITE -> CompositeCodec.INSTANCE;
            case DOMAIN -> DomainCodec.INSTANCE;
            case ARRAY -> BuiltInCodecs.forOid(Oids.TEXT_ARRAY);
            case RANGE -> RangeCodec.INSTANCE;
            case BASE -> "hstore".equals(type.name()) ? HstoreCodec.INSTANCE : null;
            default -> null;
        };
    }
}
