package io.ysql;

/**
 * One entry of {@link Cursor#description()}, with the seven DB-API fields. Values the driver
 * cannot know without asking the catalog are {@code null}, as in psycopg.
 *
 * @param name the column name or alias
 * @param typeCode the PostgreSQL type OID
 * @param typeName the type's name, e.g. {@code int4}, {@code varchar}
 * @param displaySize the display width in characters, or null when unbounded or unknown
 * @param internalSize the server's storage size in bytes (negative for variable size), or null
 * @param precision digits for numeric types, or null
 * @param scale digits after the decimal point for numeric types, or null
 * @param nullOk always null: a result column does not say whether it may be NULL
 */
public record Column(String name, int typeCode, String typeName, Integer displaySize, Integer internalSize,
                     Integer precision, Integer scale, Boolean nullOk) {}
