/**
 * All SQL the driver runs on its own behalf: the per-connection type catalog that learns user
 * and extension types from {@code pg_type} (and resolves type names for user codecs, {@code
 * hstore} and structs), {@code yb_servers()}, read-only and recovery probes. May import {@code
 * session}, {@code codec}, {@code cluster} and {@code io.ysql.error}; {@code connect}, {@code jdbc}
 * and {@code cursor} use it.
 */
package io.ysql.internal.catalog;
