/**
 * Frontend messages: one immutable record (or singleton enum) per message the client sends, named
 * as in the PostgreSQL protocol docs. Each validates its components, encodes itself completely and
 * decodes itself from a body (for fake servers). Arrays of user data (parameter values, passwords,
 * SASL data) are kept as given, not copied; arrays of codes (formats, type OIDs) are copied in and
 * out. No I/O; imports only {@code io.ysql.internal.buffer} and {@code io.ysql.internal.wire}.
 */
package io.ysql.internal.wire.frontend;
