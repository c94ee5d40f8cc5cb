/**
 * Public value types for server types with no JDK equivalent (interval, inet, ranges, geometric
 * types …) and the {@link io.ysql.types.Codec} SPI for user-defined types. May import {@code
 * io.ysql.error} only.
 */
package io.ysql.types;
