/**
 * SSL contexts per sslmode, root certificates and the handshake. Imports config and error only;
 * the transport calls in here, never the other way.
 */
package io.ysql.internal.tls;
