package io.ysql.internal.codec;

import java.time.ZoneId;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * What the codecs of one connection need to know about it: the type behind an OID (built-in, or
 * learned from the server's catalog for user types), and the session's parameters that change
 * how values are spelled ({@code TimeZone}, {@code IntervalStyle}, {@code DateStyle} …), read
 * live so that a {@code SET TIME ZONE} is honoured. Implementations are thread-safe.
 */
public interface CodecContext {

    /** The type with this OID: a built-in one, a learned user type, or a generic text type. */
    PgType type(int oid);

    /**
     * The family codec that reads values of this type beyond the scalar fast paths (arrays,
     * ranges, geometric types, user types …), or null when the type is read as text.
     */
    default TypeCodec codec(int oid) {
        return BuiltInCodecs.forOid(oid);
    }

    /** The current value of a server parameter, or null when the server has not reported it. */
    String parameter(String name);

    /**
     * The session's time zone (its {@code TimeZone} parameter), or the JVM's when unknown or
     * unreadable. A POSIX offset spelling ({@code +5}, {@code <+05:30>-05:30}, as {@code SET TIME
     * ZONE} with a number or an interval reports it) counts hours <em>west</em> of Greenwich, as
     * the server reads it, not east as {@link ZoneId#of} would.
     */
    default ZoneId sessionZone() {
        String name = parameter("TimeZone");
        if (name != null) {
            ZoneId posix = PosixZone.offset(name);
            if (posix != null) return posix;
            try {
                return ZoneId.of(name);
            } catch (RuntimeException e) {
                // a zone the JDK does not know by this name: fall through
            }
        }
        return ZoneId.systemDefault();
    }

    /** Built-in types only, no server parameters: the JVM's zone stands in for the session's. */
    CodecContext BUILT_IN = of(PgTypes::byOid, name -> null);

    /** A context over a type lookup and a server parameter lookup. */
    static CodecContext of(IntFunction<PgType> types, Function<String, String> parameters) {
        return new CodecContext() {
            @Override public PgType type(int oid) { return types.apply(oid); }
            @Override public String parameter(String name) { return parameters.apply(name); }
        };
    }
}
