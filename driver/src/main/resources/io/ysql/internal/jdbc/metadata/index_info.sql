-- getIndexInfo. Parameters: catalog, schema name, table name (null means any), then 1 for
-- unique indexes only or 0 for all. One row per index column; an expression column reports
-- its expression. TYPE: 1 clustered, 2 hashed, 3 other.
SELECT pg_catalog.current_database() AS "TABLE_CAT",
       n.nspname AS "TABLE_SCHEM",
       ct.relname AS "TABLE_NAME",
       NOT i.indisunique AS "NON_UNIQUE",
       NULL::text AS "INDEX_QUALIFIER",
       ci.relname AS "INDEX_NAME",
       CAST(CASE WHEN i.indisclustered THEN 1 WHEN am.amname = 'hash' THEN 2 ELSE 3 END AS int2) AS "TYPE",
       CAST(k.n AS int2) AS "ORDINAL_POSITION",
       CASE
           WHEN a.attname IS NOT NULL THEN a.attname::text
           ELSE pg_catalog.pg_get_indexdef(ci.oid, k.n, false)
       END AS "COLUMN_NAME",
       CASE
           WHEN pg_catalog.pg_index_column_has_property(ci.oid, k.n, 'desc') THEN 'D'
           WHEN pg_catalog.pg_index_column_has_property(ci.oid, k.n, 'asc') THEN 'A'
       END AS "ASC_OR_DESC",
       CAST(ci.reltuples AS int8) AS "CARDINALITY",
       CAST(ci.relpages AS int8) AS "PAGES",
       pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS "FILTER_CONDITION"
FROM (SELECT CAST(? AS text) AS catalog, CAST(? AS text) AS schema_name,
             CAST(? AS text) AS table_name, CAST(? AS int4) AS unique_only) p
CROSS JOIN pg_catalog.pg_index i
JOIN pg_catalog.pg_class ct ON ct.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = ct.relnamespace
JOIN pg_catalog.pg_class ci ON ci.oid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ci.relam
CROSS JOIN LATERAL pg_catalog.generate_series(1, i.indnatts) AS k(n)
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = ct.oid AND a.attnum = i.indkey[k.n - 1] AND a.attnum > 0
WHERE (p.catalog IS NULL OR p.catalog = pg_catalog.current_database())
  AND (p.schema_name IS NULL OR n.nspname = p.schema_name)
  AND (p.table_name IS NULL OR ct.relname = p.table_name)
  AND (p.unique_only = 0 OR i.indisunique)
ORDER BY "NON_UNIQUE", "TYPE", "INDEX_NAME", "ORDINAL_POSITION"
