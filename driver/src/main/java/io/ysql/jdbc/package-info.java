/** JDBC entry points: the {@link java.sql.Driver}. */
package io.ysql.jdbc;
