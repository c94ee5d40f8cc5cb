-- getProcedures. Parameters: catalog, schema pattern, procedure name pattern.
-- PROCEDURE_TYPE: 1 when the routine returns nothing, 2 when it returns a result.
SELECT pg_catalog.current_database() AS "PROCEDURE_CAT",
       n.nspname AS "PROCEDURE_SCHEM",
       pr.proname AS "PROCEDURE_NAME",
       NULL::text AS "RESERVED1",
       NULL::text AS "RESERVED2",
       NULL::text AS "RESERVED3",
       d.description AS "REMARKS",
       CAST(CASE WHEN pr.prorettype = 'pg_catalog.void'::pg_catalog.regtype THEN 1 ELSE 2 END AS int2)
           AS "PROCEDURE_TYPE",
       pr.proname || '_' || pr.oid AS "SPECIFIC_NAME"
FROM (SELECT CAST(? AS text) AS catalog, CAST(? AS text) AS schema_pattern,
             CAST(? AS text) AS name_pattern) p
CROSS JOIN pg_catalog.pg_proc pr
JOIN pg_catalog.pg_namespace n ON n.oid = pr.pronamespace
LEFT JOIN pg_catalog.pg_description d
       ON d.objoid = pr.oid AND d.objsubid = 0
      AND d.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass
WHERE {{PROKIND(pr)}} = 'p'
  AND (p.catalog IS NULL OR p.catalog = pg_catalog.current_database())
  AND (p.schema_pattern IS NULL OR n.nspname LIKE p.schema_pattern)
  AND (p.name_pattern IS NULL OR pr.proname LIKE p.name_pattern)
ORDER BY n.nspname, pr.proname, "SPECIFIC_NAME"
