-- Fragment: the parameters and results of routines, shared by getProcedureColumns and
-- getFunctionColumns. Parameters: catalog, schema pattern, routine name pattern, column name
-- pattern. Per routine: part 0 is the return value (a scalar, domain, enum or void result),
-- part 1 one row per argument in declaration order, part 2 one row per attribute of a
-- composite result. mode is the argument mode (i, o, b, v, t), r for the return value and c
-- for a result attribute.
SELECT n.nspname AS routine_schem,
       pr.proname AS routine_name,
       pr.proname || '_' || pr.oid AS specific_name,
       pr.oid AS routine_oid,
       rc.part,
       rc.ordinal,
       rc.column_name,
       rc.mode,
       rc.type_oid
FROM (SELECT CAST(? AS text) AS catalog, CAST(? AS text) AS schema_pattern,
             CAST(? AS text) AS name_pattern, CAST(? AS text) AS column_pattern) p
CROSS JOIN pg_catalog.pg_proc pr
JOIN pg_catalog.pg_namespace n ON n.oid = pr.pronamespace
JOIN pg_catalog.pg_type rt ON rt.oid = pr.prorettype
CROSS JOIN LATERAL (
    SELECT 0 AS part, 0 AS ordinal, 'returnValue'::text AS column_name, 'r'::text AS mode,
           pr.prorettype AS type_oid
    WHERE rt.typtype IN ('b', 'd', 'e') OR (rt.typtype = 'p' AND pr.proargmodes IS NULL)
    UNION ALL
    SELECT 1, g.i,
           coalesce(nullif(pr.proargnames[g.i], ''), '$' || g.i),
           coalesce(pr.proargmodes[g.i]::text, 'i'),
           coalesce(pr.proallargtypes[g.i], pr.proargtypes[g.i - 1])
    FROM pg_catalog.generate_series(1, coalesce(pg_catalog.array_length(pr.proallargtypes, 1),
                                                pr.pronargs)) AS g(i)
    UNION ALL
    SELECT 2, CAST(a.attnum AS int4), a.attname::text, 'c', a.atttypid
    FROM pg_catalog.pg_attribute a
    WHERE rt.typtype = 'c' AND a.attrelid = rt.typrelid AND a.attnum > 0 AND NOT a.attisdropped
) rc
WHERE (p.catalog IS NULL OR p.catalog = pg_catalog.current_database())
  AND (p.schema_pattern IS NULL OR n.nspname LIKE p.schema_pattern)
  AND (p.name_pattern IS NULL OR pr.proname LIKE p.name_pattern)
  AND (p.column_pattern IS NULL OR rc.column_name LIKE p.column_pattern)
