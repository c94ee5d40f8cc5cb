/**
 * The psycopg-style cursor API's implementation over a session and the codecs. A sibling of
 * {@code internal.jdbc}: neither imports the other.
 */
package io.ysql.internal.cursor;
