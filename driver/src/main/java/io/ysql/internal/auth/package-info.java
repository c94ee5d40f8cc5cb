/**
 * Sans-IO authentication: the MD5 password hash, SASLprep and the SCRAM-SHA-256(-PLUS) client
 * state machine. Bytes in, bytes out; the nonce is injected, so every exchange is reproducible in
 * tests. The session package carries these bytes in the wire messages. Imports nothing of the
 * driver, only {@code java.*} and {@code javax.crypto}.
 */
package io.ysql.internal.auth;
