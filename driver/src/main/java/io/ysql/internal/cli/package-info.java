/**
 * The {@code java -jar ysql-driver.jar} entry point: a small dispatcher of commands — the driver's
 * version and usage, {@code check} (a step-by-step connection diagnosis built on the public
 * {@code YsqlListener}) and {@code query} (one statement, printed as a table or CSV). It speaks to
 * the rest of the driver only through the public packages ({@code io.ysql}, {@code io.ysql.jdbc},
 * {@code io.ysql.config}, {@code io.ysql.error}), and is the one place where {@code System.out} and
 * {@code System.err} may be written.
 */
package io.ysql.internal.cli;
