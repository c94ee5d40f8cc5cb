/**
 * Connection options, declared once: {@link io.ysql.config.Options} lists every option with its
 * names, environment variable, type, default, description, secret flag and status; {@link
 * io.ysql.config.ConnectionConfig} parses libpq keyword/value strings, {@code postgresql://} URIs,
 * JDBC URLs, maps and properties, applies the {@code PG*} environment and {@code ~/.pgpass} with
 * libpq's precedence, and holds the validated, immutable result. {@link
 * io.ysql.config.OptionReference} generates the option reference from the declarations.
 * Imports only {@code io.ysql.error} and {@code java.*}; reads files (the password file) but
 * opens no sockets.
 */
package io.ysql.config;
