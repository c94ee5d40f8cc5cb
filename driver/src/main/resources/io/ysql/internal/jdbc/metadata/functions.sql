-- getFunctions. Parameters: catalog, schema pattern, function name pattern. Plain functions
-- only (no aggregates, window functions or procedures). FUNCTION_TYPE: 2 for a set-returning
-- function, 1 otherwise.
SELECT pg_catalog.current_database() AS "FUNCTION_CAT",
       n.nspname AS "FUNCTION_SCHEM",
       pr.proname AS "FUNCTION_NAME",
       d.description AS "REMARKS",
       CAST(CASE WHEN pr.proretset THEN 2 ELSE 1 END AS int2) AS "FUNCTION_TYPE",
       pr.proname || '_' || pr.oid AS "SPECIFIC_NAME"
FROM (SELECT CAST(? AS text) AS catalog, CAST(? AS text) AS schema_pattern,
             CAST(? AS text) AS name_pattern) p
CROSS JOIN pg_catalog.pg_proc pr
JOIN pg_catalog.pg_namespace n ON n.oid = pr.pronamespace
LEFT JOIN pg_catalog.pg_description d
       ON d.objoid = pr.oid AND d.objsubid = 0
      AND d.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass
WHERE {{PROKIND(pr)}} = 'f'
  AND (p.catalog IS NULL OR p.catalog = pg_catalog.current_database())
  AND (p.schema_pattern IS NULL OR n.nspname LIKE p.schema_pattern)
  AND (p.name_pattern IS NULL OR pr.proname LIKE p.name_pattern)
ORDER BY n.nspname, pr.proname, "SPECIFIC_NAME"
