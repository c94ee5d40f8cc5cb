/**
 * Column bytes ↔ Java values. {@link io.ysql.internal.codec.PgTypes} is the table of built-in
 * types (one readable list) and decides which results come in binary; {@link
 * io.ysql.internal.codec.ValueDecoder} reads a column value, text or binary, as the Java value a
 * getter asks for, with pgjdbc's conversions; {@link io.ysql.internal.codec.ParameterEncoder}
 * turns Java values into {@link io.ysql.internal.codec.EncodedParameter}s; {@link
 * io.ysql.internal.codec.TypeInfo} computes column metadata; {@link
 * io.ysql.internal.codec.CodecRegistry} bundles them per connection. No I/O. May import {@code
 * io.ysql.types}, {@code io.ysql.error} and {@code io.ysql.internal.buffer}.
 */
package io.ysql.internal.codec;
