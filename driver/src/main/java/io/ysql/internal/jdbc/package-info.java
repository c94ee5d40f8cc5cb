/**
 * Thin {@code java.sql} implementations over a session and the codecs: connection, statements,
 * forward-only result sets and metadata. A sibling of {@code internal.cursor}: neither imports the
 * other; the cursor API is reached through a factory the public entry points pass in.
 */
package io.ysql.internal.jdbc;
