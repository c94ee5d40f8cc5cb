-- getColumnPrivileges. Parameters: catalog, schema name, table name (null means any), column
-- name pattern. A column's privileges are the column-level grants plus the table-level grants
-- of the kinds that apply to columns.
SELECT pg_catalog.current_database() AS "TABLE_CAT",
       n.nspname AS "TABLE_SCHEM",
       c.relname AS "TABLE_NAME",
       a.attname AS "COLUMN_NAME",
       pg_catalog.pg_get_userbyid(acl.grantor)::text AS "GRANTOR",
       CASE WHEN acl.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(acl.grantee)::text END AS "GRANTEE",
       acl.privilege_type AS "PRIVILEGE",
       CASE WHEN acl.is_grantable OR acl.grantee = c.relowner THEN 'YES' ELSE 'NO' END AS "IS_GRANTABLE"
FROM (SELECT CAST(? AS text) AS catalog, CAST(? AS text) AS schema_name,
             CAST(? AS text) AS table_name, CAST(? AS text) AS column_pattern) p
CROSS JOIN pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
CROSS JOIN LATERAL (
    SELECT tg.grantor, tg.grantee, tg.privilege_type, tg.is_grantable
    FROM pg_catalog.aclexplode(coalesce(c.relacl, pg_catalog.acldefault('r', c.relowner))) AS tg
    WHERE tg.privilege_type IN ('SELECT', 'INSERT', 'UPDATE', 'REFERENCES')
    UNION
    SELECT cg.grantor, cg.grantee, cg.privilege_type, cg.is_grantable
    FROM pg_catalog.aclexplode(a.attacl) AS cg
) acl
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND (p.catalog IS NULL OR p.catalog = pg_catalog.current_database())
  AND (p.schema_name IS NULL OR n.nspname = p.schema_name)
  AND (p.table_name IS NULL OR c.relname = p.table_name)
  AND (p.column_pattern IS NULL OR a.attname LIKE p.column_pattern)
ORDER BY a.attname, acl.privilege_type COLLATE "C", acl.grantee
