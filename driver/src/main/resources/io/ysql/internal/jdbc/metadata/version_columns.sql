-- getVersionColumns. Parameters: catalog, schema name, table name (null means any). Nothing
-- updates a column automatically, so the answer is the ctid system column, which changes on
-- every update, for each table that has one.
SELECT NULL::int2 AS "SCOPE",
       'ctid'::text AS "COLUMN_NAME",
       1111 AS "DATA_TYPE",
       'tid'::text AS "TYPE_NAME",
       NULL::int4 AS "COLUMN_SIZE",
       NULL::int4 AS "BUFFER_LENGTH",
       NULL::int2 AS "DECIMAL_DIGITS",
       CAST(2 AS int2) AS "PSEUDO_COLUMN"
FROM (SELECT CAST(? AS text) AS catalog, CAST(? AS text) AS schema_name,
             CAST(? AS text) AS table_name) p
CROSS JOIN pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'm')
  AND (p.catalog IS NULL OR p.catalog = pg_catalog.current_database())
  AND (p.schema_name IS NULL OR n.nspname = p.schema_name)
  AND (p.table_name IS NULL OR c.relname = p.table_name)
ORDER BY n.nspname, c.relname
