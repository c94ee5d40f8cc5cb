/**
 * The psycopg-style API: {@link io.ysql.Ysql#connect} returns a {@link io.ysql.YsqlConnection}
 * (a JDBC connection with {@link io.ysql.YsqlConnection#cursor()}); cursors give rows as
 * {@link io.ysql.Row}s described by {@link io.ysql.Column}s.
 */
package io.ysql;
