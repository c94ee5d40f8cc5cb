-- getSchemas(catalog, schemaPattern). Parameters: catalog, schema pattern.
-- Hides the TOAST schemas and the temporary schemas of other sessions.
SELECT n.nspname AS "TABLE_SCHEM",
       pg_catalog.current_database() AS "TABLE_CATALOG"
FROM (SELECT CAST(? AS text) AS catalog, CAST(? AS text) AS schema_pattern) p
CROSS JOIN pg_catalog.pg_namespace n
WHERE (p.catalog IS NULL OR p.catalog = pg_catalog.current_database())
  AND (p.schema_pattern IS NULL OR n.nspname LIKE p.schema_pattern)
  AND n.nspname !~ '^pg_toast'
  AND (n.nspname !~ '^pg_temp_' OR n.oid = pg_catalog.pg_my_temp_schema())
ORDER BY n.nspname
