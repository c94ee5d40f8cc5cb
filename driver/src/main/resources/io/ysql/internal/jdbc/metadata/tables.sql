-- getTables. Parameters: catalog, schema pattern, table name pattern, comma-separated types.
-- The TABLE_TYPE follows the relation kind and the schema: pg_catalog and information_schema
-- hold system relations, pg_toast TOAST relations, pg_temp_N temporary ones.
SELECT pg_catalog.current_database() AS "TABLE_CAT",
       r.table_schem AS "TABLE_SCHEM",
       r.table_name AS "TABLE_NAME",
       r.table_type AS "TABLE_TYPE",
       r.remarks AS "REMARKS",
       ''::text AS "TYPE_CAT",
       ''::text AS "TYPE_SCHEM",
       ''::text AS "TYPE_NAME",
       ''::text AS "SELF_REFERENCING_COL_NAME",
       ''::text AS "REF_GENERATION"
FROM (
    SELECT n.nspname AS table_schem,
           c.relname AS table_name,
           d.description AS remarks,
           p.types,
           CASE
               WHEN n.nspname IN ('pg_catalog', 'information_schema') THEN
                   CASE c.relkind WHEN 'r' THEN 'SYSTEM TABLE' WHEN 'v' THEN 'SYSTEM VIEW'
                                  WHEN 'i' THEN 'SYSTEM INDEX' END
               WHEN n.nspname ~ '^pg_toast' THEN
                   CASE c.relkind WHEN 't' THEN 'SYSTEM TOAST TABLE' WHEN 'i' THEN 'SYSTEM TOAST INDEX' END
               WHEN n.nspname ~ '^pg_temp_' THEN
                   CASE c.relkind WHEN 'r' THEN 'TEMPORARY TABLE' WHEN 'p' THEN 'TEMPORARY TABLE'
                                  WHEN 'i' THEN 'TEMPORARY INDEX' WHEN 'S' THEN 'TEMPORARY SEQUENCE'
                                  WHEN 'v' THEN 'TEMPORARY VIEW' END
               ELSE
                   CASE c.relkind WHEN 'r' THEN 'TABLE' WHEN 'p' THEN 'PARTITIONED TABLE'
                                  WHEN 'i' THEN 'INDEX' WHEN 'I' THEN 'PARTITIONED INDEX'
                                  WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                  WHEN 'c' THEN 'TYPE' WHEN 'f' THEN 'FOREIGN TABLE'
                                  WHEN 'm' THEN 'MATERIALIZED VIEW' END
           END AS table_type
    FROM (SELECT CAST(? AS text) AS catalog, CAST(? AS text) AS schema_pattern,
                 CAST(? AS text) AS table_pattern,
                 pg_catalog.string_to_array(CAST(? AS text), ',') AS types) p
    CROSS JOIN pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_catalog.pg_description d
           ON d.objoid = c.oid AND d.objsubid = 0
          AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
    WHERE (p.catalog IS NULL OR p.catalog = pg_catalog.current_database())
      AND (p.schema_pattern IS NULL OR n.nspname LIKE p.schema_pattern)
      AND (p.table_pattern IS NULL OR c.relname LIKE p.table_pattern)
      AND (n.nspname !~ '^pg_temp_' OR n.oid = pg_catalog.pg_my_temp_schema())
) r
WHERE r.table_type IS NOT NULL
  AND (r.types IS NULL OR r.table_type = ANY (r.types))
ORDER BY r.table_type COLLATE "C", r.table_schem, r.table_name
