/**
 * JDBC entry points: the {@link java.sql.Driver} ({@link io.ysql.jdbc.YsqlDriver}) and the
 * {@link javax.sql.DataSource} ({@link io.ysql.jdbc.YsqlDataSource}, with a bean property per
 * connection option, generated from the option declarations).
 */
package io.ysql.jdbc;
