-- getImportedKeys, getExportedKeys and getCrossReference. Parameters: primary catalog,
-- primary schema, primary table, foreign catalog, foreign schema, foreign table (null means
-- any), then 1 to order by the foreign table (exported keys, cross reference) or 0 to order
-- by the primary table (imported keys). Rule codes are java.sql.DatabaseMetaData's.
SELECT pg_catalog.current_database() AS "PKTABLE_CAT",
       pkn.nspname AS "PKTABLE_SCHEM",
       pkc.relname AS "PKTABLE_NAME",
       pka.attname AS "PKCOLUMN_NAME",
       pg_catalog.current_database() AS "FKTABLE_CAT",
       fkn.nspname AS "FKTABLE_SCHEM",
       fkc.relname AS "FKTABLE_NAME",
       fka.attname AS "FKCOLUMN_NAME",
       CAST(k.n AS int2) AS "KEY_SEQ",
       CAST(CASE con.confupdtype
                WHEN 'c' THEN 0 WHEN 'r' THEN 1 WHEN 'n' THEN 2 WHEN 'a' THEN 3 WHEN 'd' THEN 4
            END AS int2) AS "UPDATE_RULE",
       CAST(CASE con.confdeltype
                WHEN 'c' THEN 0 WHEN 'r' THEN 1 WHEN 'n' THEN 2 WHEN 'a' THEN 3 WHEN 'd' THEN 4
            END AS int2) AS "DELETE_RULE",
       con.conname AS "FK_NAME",
       pki.relname AS "PK_NAME",
       CAST(CASE
                WHEN con.condeferrable AND con.condeferred THEN 5
                WHEN con.condeferrable THEN 6
                ELSE 7
            END AS int2) AS "DEFERRABILITY"
FROM (SELECT CAST(? AS text) AS pk_catalog, CAST(? AS text) AS pk_schema, CAST(? AS text) AS pk_table,
             CAST(? AS text) AS fk_catalog, CAST(? AS text) AS fk_schema, CAST(? AS text) AS fk_table,
             CAST(? AS int4) AS by_foreign_table) p
CROSS JOIN pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class pkc ON pkc.oid = con.confrelid
JOIN pg_catalog.pg_namespace pkn ON pkn.oid = pkc.relnamespace
JOIN pg_catalog.pg_class fkc ON fkc.oid = con.conrelid
JOIN pg_catalog.pg_namespace fkn ON fkn.oid = fkc.relnamespace
LEFT JOIN pg_catalog.pg_class pki ON pki.oid = con.conindid
CROSS JOIN LATERAL pg_catalog.generate_subscripts(con.conkey, 1) AS k(n)
JOIN pg_catalog.pg_attribute pka ON pka.attrelid = pkc.oid AND pka.attnum = con.confkey[k.n]
JOIN pg_catalog.pg_attribute fka ON fka.attrelid = fkc.oid AND fka.attnum = con.conkey[k.n]
WHERE con.contype = 'f'
  AND (p.pk_catalog IS NULL OR p.pk_catalog = pg_catalog.current_database())
  AND (p.fk_catalog IS NULL OR p.fk_catalog = pg_catalog.current_database())
  AND (p.pk_schema IS NULL OR pkn.nspname = p.pk_schema)
  AND (p.pk_table IS NULL OR pkc.relname = p.pk_table)
  AND (p.fk_schema IS NULL OR fkn.nspname = p.fk_schema)
  AND (p.fk_table IS NULL OR fkc.relname = p.fk_table)
ORDER BY CASE WHEN p.by_foreign_table = 1 THEN fkn.nspname ELSE pkn.nspname END,
         CASE WHEN p.by_foreign_table = 1 THEN fkc.relname ELSE pkc.relname END,
         con.conname,
         k.n
