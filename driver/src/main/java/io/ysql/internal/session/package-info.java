/**
 * One authenticated server session: the startup flow, one small class per conversation (simple
 * query, extended query and batches, pipelines, streams, COPY, notification waits, cancels), the
 * queue that lets many threads share a session, and the server's parameters and transaction state.
 * Type-agnostic: parameters arrive encoded and rows leave as bytes. Imports config, error, buffer,
 * wire, auth and transport; never codec.
 */
package io.ysql.internal.session;
