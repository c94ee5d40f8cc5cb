-- getBestRowIdentifier: the primary key columns. Parameters: catalog, schema name, table name
-- (null means any), then the requested scope, which every row echoes.
SELECT CAST(p.scope AS int2) AS "SCOPE",
       a.attname AS "COLUMN_NAME",
       {{JDBC_TYPE(t)}} AS "DATA_TYPE",
       {{TYPE_NAME(t, tn)}} AS "TYPE_NAME",
       CAST({{COLUMN_SIZE(sz)}} AS int4) AS "COLUMN_SIZE",
       NULL::int4 AS "BUFFER_LENGTH",
       CAST({{DECIMAL_DIGITS(sz)}} AS int2) AS "DECIMAL_DIGITS",
       CAST(1 AS int2) AS "PSEUDO_COLUMN"
FROM (SELECT CAST(? AS text) AS catalog, CAST(? AS text) AS schema_name,
             CAST(? AS text) AS table_name, CAST(? AS int4) AS scope) p
CROSS JOIN pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL pg_catalog.generate_subscripts(con.conkey, 1) AS k(n)
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = con.conkey[k.n]
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
CROSS JOIN LATERAL (
    SELECT CASE
               WHEN coalesce(bt.typinput, t.typinput) = 'pg_catalog.array_in'::pg_catalog.regproc
                   THEN coalesce(bt.typelem, t.typelem)
               ELSE coalesce(bt.oid, t.oid)
           END AS typoid,
           CASE WHEN a.atttypmod <> -1 THEN a.atttypmod ELSE t.typtypmod END AS typmod
) sz
WHERE con.contype = 'p'
  AND (p.catalog IS NULL OR p.catalog = pg_catalog.current_database())
  AND (p.schema_name IS NULL OR n.nspname = p.schema_name)
  AND (p.table_name IS NULL OR c.relname = p.table_name)
ORDER BY n.nspname, c.relname, k.n
