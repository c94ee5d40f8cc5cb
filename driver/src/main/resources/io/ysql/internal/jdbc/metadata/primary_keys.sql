-- getPrimaryKeys. Parameters: catalog, schema name, table name (null means any).
-- One row per key column, KEY_SEQ counting from 1 in key order.
SELECT pg_catalog.current_database() AS "TABLE_CAT",
       n.nspname AS "TABLE_SCHEM",
       c.relname AS "TABLE_NAME",
       a.attname AS "COLUMN_NAME",
       CAST(k.n AS int2) AS "KEY_SEQ",
       con.conname AS "PK_NAME"
FROM (SELECT CAST(? AS text) AS catalog, CAST(? AS text) AS schema_name,
             CAST(? AS text) AS table_name) p
CROSS JOIN pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL pg_catalog.generate_subscripts(con.conkey, 1) AS k(n)
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = con.conkey[k.n]
WHERE con.contype = 'p'
  AND (p.catalog IS NULL OR p.catalog = pg_catalog.current_database())
  AND (p.schema_name IS NULL OR n.nspname = p.schema_name)
  AND (p.table_name IS NULL OR c.relname = p.table_name)
ORDER BY n.nspname, c.relname, k.n
