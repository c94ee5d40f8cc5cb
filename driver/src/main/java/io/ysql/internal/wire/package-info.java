/**
 * The PostgreSQL frontend/backend protocol v3 as data: one immutable record per message, named as
 * in the <a href="https://www.postgresql.org/docs/current/protocol-message-formats.html">Message
 * Formats</a> chapter, in {@code wire.frontend} and {@code wire.backend}; the framing rules; and
 * the one tag-byte decoder per direction. Both directions encode and decode, so tests and a
 * scripted fake server can play the server with the same classes. No I/O; imports only {@code
 * io.ysql.internal.buffer}.
 */
package io.ysql.internal.wire;
