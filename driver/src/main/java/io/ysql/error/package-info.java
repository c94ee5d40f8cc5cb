/**
 * Errors as data: {@link io.ysql.error.ServerError} holds every field of a server error or
 * notice, {@link io.ysql.error.SqlState} names every SQLSTATE, and {@link
 * io.ysql.error.SqlExceptions} is the single SQLSTATE → {@link java.sql.SQLException} mapping.
 * Imports nothing of the driver.
 */
package io.ysql.error;
