-- getSuperTables: the direct parent of each inheritance child or partition. Parameters:
-- catalog, schema pattern, table name pattern.
SELECT pg_catalog.current_database() AS "TABLE_CAT",
       n.nspname AS "TABLE_SCHEM",
       c.relname AS "TABLE_NAME",
       pc.relname AS "SUPERTABLE_NAME"
FROM (SELECT CAST(? AS text) AS catalog, CAST(? AS text) AS schema_pattern,
             CAST(? AS text) AS table_pattern) p
CROSS JOIN pg_catalog.pg_inherits inh
JOIN pg_catalog.pg_class c ON c.oid = inh.inhrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_class pc ON pc.oid = inh.inhparent
WHERE c.relkind IN ('r', 'p', 'f')
  AND (p.catalog IS NULL OR p.catalog = pg_catalog.current_database())
  AND (p.schema_pattern IS NULL OR n.nspname LIKE p.schema_pattern)
  AND (p.table_pattern IS NULL OR c.relname LIKE p.table_pattern)
ORDER BY n.nspname, c.relname, inh.inhseqno
