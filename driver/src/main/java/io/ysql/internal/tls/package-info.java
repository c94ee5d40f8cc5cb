/**
 * TLS with libpq's semantics: {@link io.ysql.internal.tls.TlsPolicy} reads the sslmode and TLS
 * options once per connection attempt, loads root certificates, CRLs and the client key (PEM and
 * DER, read with the JDK alone), and performs the handshake with libpq's chain, revocation and
 * host-name checks; it also gives the channel-binding hash for SCRAM-SHA-256-PLUS. Imports config,
 * error and the JDK only; the transport and connect layers call in here, never the other way.
 */
package io.ysql.internal.tls;
