/**
 * Throwaway PostgreSQL clusters for tests and the demo: {@link io.ysql.testkit.PgCluster} runs
 * initdb and pg_ctl from the machine's PostgreSQL binaries into a fresh temporary directory, with
 * one login role per authentication method ({@link io.ysql.testkit.AuthRole}) and a cleanup at
 * JVM exit, optionally with TLS ({@link io.ysql.testkit.PgCluster#sharedTls()}); the
 * certificates, keys and CRLs of a test PKI come from {@link io.ysql.testkit.TestCertificates},
 * made with BouncyCastle (a dependency of the testkit only, never of the driver);
 * {@link io.ysql.testkit.FakeYugabyteCluster} runs several such servers on 127.0.0.1, .2, .3 …
 * that answer {@code yb_servers()} like YugabyteDB tservers, from one topology document the test
 * rewrites; {@link io.ysql.testkit.DemoServer} starts one for the examples when nothing listens;
 * {@link io.ysql.testkit.SilentServer} is a TCP peer that never answers;
 * {@link io.ysql.testkit.FaultProxy} stands between a client and a server and cuts, stalls, slows,
 * corrupts or half-closes the connections through it, or cuts them at a chosen point;
 * {@code PgCluster.Settings.Builder#version} (or {@code -Dysql.server.version=N} for every
 * cluster) runs another major version, from the machine or from the PostgreSQL builds on Maven
 * Central, and {@link io.ysql.testkit.RequiresServer} limits a test to the versions it fits;
 * {@link io.ysql.testkit.ScriptedServer} plays misbehaving or hostile servers, built from the
 * driver's own wire messages (its only use of the driver). JUnit extensions give a test class
 * these fixtures without lifecycle code of its own: {@link io.ysql.testkit.FakeClusterExtension}
 * (a fake cluster per class, restored and checked for open sessions after each test) and
 * {@link io.ysql.testkit.ProxiedServer} (a fresh fault proxy per test in front of a server) and
 * {@link io.ysql.testkit.PgClusterExtension} (a cluster of the class's own, with its settings).
 * Administration goes through the system {@code psql}.
 */
package io.ysql.testkit;
