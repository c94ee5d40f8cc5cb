-- getColumns. Parameters: catalog, schema pattern, table name pattern, column name pattern.
-- ORDINAL_POSITION counts the live columns, so dropped columns leave no gap; the column
-- pattern is applied after the count for that reason.
SELECT pg_catalog.current_database() AS "TABLE_CAT",
       col.nspname AS "TABLE_SCHEM",
       col.relname AS "TABLE_NAME",
       col.attname AS "COLUMN_NAME",
       col.data_type AS "DATA_TYPE",
       CASE
           WHEN col.is_serial AND col.atttypid = 23 THEN 'serial'
           WHEN col.is_serial AND col.atttypid = 20 THEN 'bigserial'
           WHEN col.is_serial AND col.atttypid = 21 THEN 'smallserial'
           ELSE col.type_name
       END AS "TYPE_NAME",
       col.column_size AS "COLUMN_SIZE",
       NULL::int4 AS "BUFFER_LENGTH",
       col.decimal_digits AS "DECIMAL_DIGITS",
       CASE WHEN col.size_oid IN (1560, 1562) THEN 2 ELSE 10 END AS "NUM_PREC_RADIX",
       CASE WHEN col.not_null THEN 0 ELSE 1 END AS "NULLABLE",
       col.remarks AS "REMARKS",
       col.column_def AS "COLUMN_DEF",
       NULL::int4 AS "SQL_DATA_TYPE",
       NULL::int4 AS "SQL_DATETIME_SUB",
       CASE WHEN col.data_type IN (1, 12, -1, -15, -9, -16) THEN col.column_size END AS "CHAR_OCTET_LENGTH",
       col.ordinal AS "ORDINAL_POSITION",
       CASE WHEN col.not_null THEN 'NO' ELSE 'YES' END AS "IS_NULLABLE",
       NULL::text AS "SCOPE_CATALOG",
       NULL::text AS "SCOPE_SCHEMA",
       NULL::text AS "SCOPE_TABLE",
       col.source_data_type AS "SOURCE_DATA_TYPE",
       CASE WHEN col.is_serial OR col.identity <> '' THEN 'YES' ELSE 'NO' END AS "IS_AUTOINCREMENT",
       CASE WHEN col.generated <> '' THEN 'YES' ELSE 'NO' END AS "IS_GENERATEDCOLUMN"
FROM (
    SELECT n.nspname,
           c.relname,
           a.attname,
           a.atttypid,
           p.column_pattern,
           CAST(pg_catalog.row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum) AS int4) AS ordinal,
           {{JDBC_TYPE(t)}} AS data_type,
           {{TYPE_NAME(t, tn)}} AS type_name,
           CAST({{COLUMN_SIZE(sz)}} AS int4) AS column_size,
           CAST({{DECIMAL_DIGITS(sz)}} AS int4) AS decimal_digits,
           sz.typoid AS size_oid,
           a.attnotnull OR (t.typtype = 'd' AND t.typnotnull) AS not_null,
           dsc.description AS remarks,
           pg_catalog.pg_get_expr(def.adbin, def.adrelid) AS column_def,
           pg_catalog.strpos(pg_catalog.pg_get_expr(def.adbin, def.adrelid), 'nextval(') > 0 AS is_serial,
           CASE WHEN t.typtype = 'd' THEN CAST({{JDBC_TYPE(bt)}} AS int2) END AS source_data_type,
           {{ATTIDENTITY(a)}} AS identity,
           {{ATTGENERATED(a)}} AS generated
    FROM (SELECT CAST(? AS text) AS catalog, CAST(? AS text) AS schema_pattern,
                 CAST(? AS text) AS table_pattern, CAST(? AS text) AS column_pattern) p
    CROSS JOIN pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
    JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
    JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
    LEFT JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
    CROSS JOIN LATERAL (
        SELECT CASE
                   WHEN coalesce(bt.typinput, t.typinput) = 'pg_catalog.array_in'::pg_catalog.regproc
                       THEN coalesce(bt.typelem, t.typelem)
                   ELSE coalesce(bt.oid, t.oid)
               END AS typoid,
               CASE WHEN a.atttypmod <> -1 THEN a.atttypmod ELSE t.typtypmod END AS typmod
    ) sz
    LEFT JOIN pg_catalog.pg_attrdef def ON def.adrelid = a.attrelid AND def.adnum = a.attnum
    LEFT JOIN pg_catalog.pg_description dsc
           ON dsc.objoid = c.oid AND dsc.objsubid = a.attnum
          AND dsc.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
    WHERE c.relkind IN ('r', 'p', 'v', 'f', 'm')
      AND a.attnum > 0
      AND NOT a.attisdropped
      AND (p.catalog IS NULL OR p.catalog = pg_catalog.current_database())
      AND (p.schema_pattern IS NULL OR n.nspname LIKE p.schema_pattern)
      AND (p.table_pattern IS NULL OR c.relname LIKE p.table_pattern)
) col
WHERE col.column_pattern IS NULL OR col.attname LIKE col.column_pattern
ORDER BY col.nspname, col.relname, col.ordinal
