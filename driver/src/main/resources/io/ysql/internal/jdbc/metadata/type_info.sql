-- getTypeInfo: every base, array, enum, domain, pseudo and standalone composite type, plus the
-- serial pseudo types, ordered by DATA_TYPE and, within one DATA_TYPE, the type that maps to it
-- most closely first.
SELECT r.type_name AS "TYPE_NAME",
       r.data_type AS "DATA_TYPE",
       r.type_precision AS "PRECISION",
       CASE WHEN r.data_type IN (-6, -5, 2, 3, 4, 5, 6, 7, 8) THEN NULL ELSE '''' END AS "LITERAL_PREFIX",
       CASE WHEN r.data_type IN (-6, -5, 2, 3, 4, 5, 6, 7, 8) THEN NULL ELSE '''' END AS "LITERAL_SUFFIX",
       NULL::text AS "CREATE_PARAMS",
       CAST(1 AS int2) AS "NULLABLE",
       r.elem_oid NOT IN (16, 20, 21, 23, 26, 700, 701, 1082, 1083, 1114, 1184, 1186, 1266, 1560, 1562, 1700)
           AS "CASE_SENSITIVE",
       CAST(3 AS int2) AS "SEARCHABLE",
       r.elem_oid NOT IN (20, 21, 23, 700, 701, 1700) AS "UNSIGNED_ATTRIBUTE",
       false AS "FIXED_PREC_SCALE",
       r.auto_increment AS "AUTO_INCREMENT",
       NULL::text AS "LOCAL_TYPE_NAME",
       CAST(0 AS int2) AS "MINIMUM_SCALE",
       CAST(CASE WHEN r.elem_oid = 1700 THEN 1000 ELSE 0 END AS int2) AS "MAXIMUM_SCALE",
       NULL::int4 AS "SQL_DATA_TYPE",
       NULL::int4 AS "SQL_DATETIME_SUB",
       10 AS "NUM_PREC_RADIX"
FROM (
    SELECT s.type_name,
           {{JDBC_TYPE(t)}} AS data_type,
           CASE e.oid
               WHEN 1700 THEN 1000
               WHEN 1083 THEN 6 WHEN 1266 THEN 6 WHEN 1114 THEN 6 WHEN 1184 THEN 6 WHEN 1186 THEN 6
               WHEN 1042 THEN 10485760 WHEN 1043 THEN 10485760
               WHEN 1560 THEN 83886080 WHEN 1562 THEN 83886080
               ELSE 0
           END AS type_precision,
           e.oid AS elem_oid,
           s.auto_increment,
           CASE
               WHEN s.auto_increment THEN 2
               WHEN t.oid IN (16, 17, 20, 21, 23, 700, 701, 1042, 1043, 1082, 1083, 1114, 1700, 1790, 142)
                   THEN 0
               ELSE 1
           END AS closeness
    FROM (
        SELECT ty.oid, ty.typname::text AS type_name, false AS auto_increment
        FROM pg_catalog.pg_type ty
        JOIN pg_catalog.pg_namespace n ON n.oid = ty.typnamespace
        LEFT JOIN pg_catalog.pg_class c ON c.oid = ty.typrelid
        WHERE n.nspname <> 'pg_toast' AND (ty.typrelid = 0 OR c.relkind = 'c')
        UNION ALL
        SELECT v.oid, v.type_name, true
        FROM (VALUES (CAST(23 AS oid), 'serial'), (CAST(20 AS oid), 'bigserial'),
                     (CAST(21 AS oid), 'smallserial')) AS v(oid, type_name)
    ) s
    JOIN pg_catalog.pg_type t ON t.oid = s.oid
    JOIN pg_catalog.pg_type e
      ON e.oid = CASE WHEN t.typinput = 'pg_catalog.array_in'::pg_catalog.regproc THEN t.typelem ELSE t.oid END
) r
ORDER BY r.data_type, r.closeness, r.type_name COLLATE "C"
