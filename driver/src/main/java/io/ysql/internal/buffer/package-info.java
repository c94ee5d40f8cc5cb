/**
 * Big-endian reads and writes, C strings and UTF-8 over byte arrays. No I/O; imports nothing of
 * the driver.
 */
package io.ysql.internal.buffer;
