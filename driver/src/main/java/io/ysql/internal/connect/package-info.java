/**
 * The attempt loop that turns a connection configuration into a ready session: host order
 * ({@code load_balance_hosts}), sslmode attempts and fallbacks, {@code target_session_attrs}, and
 * YugabyteDB load balancing, which asks {@code cluster} for the server and reports failures back.
 * Imports config, error, tls, transport, session, catalog and cluster.
 */
package io.ysql.internal.connect;
