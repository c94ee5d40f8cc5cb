package io.ysql.internal.codec;

/**
 * The codecs one connection uses: the type table, the result format choice, the value decoder
 * and the parameter encoder. Immutable and shareable; {@link #DEFAULT} holds the built-in codecs,
 * and a connection that learns about user types later will get its own registry.
 */
public final class CodecRegistry {
    /** The built-in codecs. */
    public static final CodecRegistry DEFAULT = of(CodecContext.BUILT_IN);

    /** The built-in codecs for the connection {@code context} describes. */
    public static CodecRegistry of(CodecContext context) {
        return of(context, false);
    }

    /**
     * The built-in codecs for the connection {@code context} describes.
     *
     * @param untypedStrings whether JDBC's {@code setString} sends strings untyped (option {@code
     *                       stringtype=unspecified}) rather than as {@code varchar}
     */
    public static CodecRegistry of(CodecContext context, boolean untypedStrings) {
        return new CodecRegistry(context, new ValueDecoder(context), new ParameterEncoder(context, untypedStrings));
    }

    private final CodecContext context;

    private final ValueDecoder decoder;
    private final ParameterEncoder encoder;

    private CodecRegistry(CodecContext context, ValueDecoder decoder, ParameterEncoder encoder) {
        this.context = context;
        this.decoder = decoder;
        this.encoder = encoder;
    }

    public CodecContext context() { return context; }

    public ValueDecoder decoder() { return decoder; }

    public ParameterEncoder encoder() { return encoder; }

    /** The type with this OID (a generic text type for OIDs the driver does not know). */
    public PgType type(int oid) { return context.type(oid); }

    /** The format code to request for result columns of this type. */
    public short resultFormat(int typeOid) {
        return PgTypes.binaryResult(typeOid) ? FormatCode.BINARY : FormatCode.TEXT;
    }

    /** Whether result columns of this type are requested in binary format. */
    public boolean binaryResult(int typeOid) { return PgTypes.binaryResult(typeOid); }
}
