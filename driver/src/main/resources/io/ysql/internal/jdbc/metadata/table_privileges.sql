-- getTablePrivileges. Parameters: catalog, schema pattern, table name pattern. One row per
-- grant in the table's access control list (the owner's implicit grants when it has none);
-- grantee 0 is PUBLIC, and the owner may always grant.
SELECT pg_catalog.current_database() AS "TABLE_CAT",
       n.nspname AS "TABLE_SCHEM",
       c.relname AS "TABLE_NAME",
       pg_catalog.pg_get_userbyid(acl.grantor)::text AS "GRANTOR",
       CASE WHEN acl.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(acl.grantee)::text END AS "GRANTEE",
       acl.privilege_type AS "PRIVILEGE",
       CASE WHEN acl.is_grantable OR acl.grantee = c.relowner THEN 'YES' ELSE 'NO' END AS "IS_GRANTABLE"
FROM (SELECT CAST(? AS text) AS catalog, CAST(? AS text) AS schema_pattern,
             CAST(? AS text) AS table_pattern) p
CROSS JOIN pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL pg_catalog.aclexplode(coalesce(c.relacl, pg_catalog.acldefault('r', c.relowner))) AS acl
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND (p.catalog IS NULL OR p.catalog = pg_catalog.current_database())
  AND (p.schema_pattern IS NULL OR n.nspname LIKE p.schema_pattern)
  AND (p.table_pattern IS NULL OR c.relname LIKE p.table_pattern)
ORDER BY n.nspname, c.relname, acl.privilege_type COLLATE "C", acl.grantee
