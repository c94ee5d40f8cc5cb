/**
 * Backend messages: one immutable record (or singleton enum) per message the server sends, named as
 * in the PostgreSQL protocol docs. Each validates its components, decodes itself from a body
 * (dispatched by {@link io.ysql.internal.wire.BackendDecoder}) and encodes itself completely, so
 * that tests and a fake server can play the server. {@link io.ysql.internal.wire.backend.DataRow}
 * decodes lazily over the received bytes. No I/O; imports only {@code io.ysql.internal.buffer} and
 * {@code io.ysql.internal.wire}.
 */
package io.ysql.internal.wire.backend;
