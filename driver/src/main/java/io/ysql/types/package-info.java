/**
 * Public value types for server types with no JDK equivalent (interval, inet, ranges, geometric
 * types …) and the codec SPI for user-defined types. Until those classes exist, such values are
 * returned as their text. May import {@code io.ysql.error} only.
 */
package io.ysql.types;
