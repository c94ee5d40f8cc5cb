/**
 * The only package that touches sockets: TCP connect with timeouts, SSL negotiation, the framed
 * message reader and writer, and cancel requests. Imports config, error, buffer, wire and tls.
 */
package io.ysql.internal.transport;
