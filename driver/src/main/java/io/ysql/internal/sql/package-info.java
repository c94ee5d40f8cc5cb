/**
 * SQL text scanning shared by the JDBC and the cursor API: JDBC {@code ?} and psycopg-style
 * {@code %s} / {@code %(name)s} placeholders rewritten to the protocol's {@code $n}, detection of
 * multi-statement strings, and identifier/literal quoting for the SQL the driver runs on its own
 * behalf. Pure functions over strings with PostgreSQL's lexical rules; no I/O. Imports only
 * {@code io.ysql.error}.
 */
package io.ysql.internal.sql;
