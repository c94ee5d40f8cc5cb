/**
 * YugabyteDB topology and load-balancing policy as pure logic: the server lists {@code yb_servers()}
 * returned, per-server connection counts, failed-server delays, {@code topology_keys} preferences
 * and node-type policies. No I/O: time and randomness are injected. Imports config and error.
 */
package io.ysql.internal.cluster;
