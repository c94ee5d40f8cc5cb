/**
 * JMH benchmarks that run ysql-driver and pgjdbc side by side against the same throwaway server:
 * every benchmark takes the {@code driver} parameter ({@code ysql} or {@code pgjdbc}), so one run
 * measures both. {@link io.ysql.bench.BenchMain} starts the server, runs JMH and prints the medians
 * and the ysql/pgjdbc ratios. Imports the public JDBC API of both drivers, the testkit and JMH;
 * never {@code io.ysql.internal}.
 */
package io.ysql.bench;
