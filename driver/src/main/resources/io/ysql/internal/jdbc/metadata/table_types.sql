-- getTableTypes: every TABLE_TYPE that getTables reports, in order.
SELECT v.table_type AS "TABLE_TYPE"
FROM (VALUES ('FOREIGN TABLE'), ('INDEX'), ('MATERIALIZED VIEW'), ('PARTITIONED INDEX'),
             ('PARTITIONED TABLE'), ('SEQUENCE'), ('SYSTEM INDEX'), ('SYSTEM TABLE'),
             ('SYSTEM TOAST INDEX'), ('SYSTEM TOAST TABLE'), ('SYSTEM VIEW'), ('TABLE'),
             ('TEMPORARY INDEX'), ('TEMPORARY SEQUENCE'), ('TEMPORARY TABLE'), ('TEMPORARY VIEW'),
             ('TYPE'), ('VIEW')) AS v(table_type)
ORDER BY v.table_type COLLATE "C"
