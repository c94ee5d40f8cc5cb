/**
 * The attempt loop that turns a connection configuration into a ready session: host order,
 * sslmode attempts and fallbacks. Imports config, error, tls, transport and session.
 */
package io.ysql.internal.connect;
