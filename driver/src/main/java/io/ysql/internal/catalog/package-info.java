/**
 * The SQL the driver runs on its own behalf: type look-ups, {@code yb_servers()}, read-only and
 * recovery probes. Imports session, codec, cluster and error.
 */
package io.ysql.internal.catalog;
