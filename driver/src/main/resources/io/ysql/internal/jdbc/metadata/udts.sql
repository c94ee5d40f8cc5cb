-- getUDTs: standalone composite types (STRUCT) and domains (DISTINCT). Parameters: catalog,
-- schema pattern, type name pattern, comma-separated java.sql.Types codes to keep.
SELECT pg_catalog.current_database() AS "TYPE_CAT",
       u.type_schem AS "TYPE_SCHEM",
       u.type_name AS "TYPE_NAME",
       NULL::text AS "CLASS_NAME",
       u.data_type AS "DATA_TYPE",
       u.remarks AS "REMARKS",
       u.base_type AS "BASE_TYPE"
FROM (
    SELECT n.nspname AS type_schem,
           t.typname AS type_name,
           CASE WHEN t.typtype = 'c' THEN 2002 ELSE 2001 END AS data_type,
           d.description AS remarks,
           CASE WHEN t.typtype = 'd' THEN CAST({{JDBC_TYPE(bt)}} AS int2) END AS base_type,
           p.types
    FROM (SELECT CAST(? AS text) AS catalog, CAST(? AS text) AS schema_pattern,
                 CAST(? AS text) AS name_pattern,
                 CAST(pg_catalog.string_to_array(CAST(? AS text), ',') AS int4[]) AS types) p
    CROSS JOIN pg_catalog.pg_type t
    JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
    LEFT JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
    LEFT JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
    LEFT JOIN pg_catalog.pg_description d
           ON d.objoid = t.oid AND d.objsubid = 0
          AND d.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass
    WHERE (t.typtype = 'd' OR (t.typtype = 'c' AND c.relkind = 'c'))
      AND n.nspname NOT IN ('pg_catalog', 'pg_toast', 'information_schema')
      AND (p.catalog IS NULL OR p.catalog = pg_catalog.current_database())
      AND (p.schema_pattern IS NULL OR n.nspname LIKE p.schema_pattern)
      AND (p.name_pattern IS NULL OR t.typname LIKE p.name_pattern)
) u
WHERE u.types IS NULL OR u.data_type = ANY (u.types)
ORDER BY u.data_type, u.type_schem, u.type_name
