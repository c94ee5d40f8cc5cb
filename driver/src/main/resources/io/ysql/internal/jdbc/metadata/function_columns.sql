-- getFunctionColumns. Parameters: see routine_columns. COLUMN_TYPE uses the functionColumn*
-- codes: 1 in, 2 in/out, 3 out, 4 return value, 5 result column.
SELECT pg_catalog.current_database() AS "FUNCTION_CAT",
       rc.routine_schem AS "FUNCTION_SCHEM",
       rc.routine_name AS "FUNCTION_NAME",
       rc.column_name AS "COLUMN_NAME",
       CAST(CASE rc.mode
                WHEN 'i' THEN 1 WHEN 'v' THEN 1 WHEN 'b' THEN 2 WHEN 'o' THEN 3
                WHEN 'r' THEN 4 WHEN 't' THEN 5 WHEN 'c' THEN 5 ELSE 0
            END AS int2) AS "COLUMN_TYPE",
       {{JDBC_TYPE(t)}} AS "DATA_TYPE",
       {{TYPE_NAME(t, tn)}} AS "TYPE_NAME",
       NULL::int4 AS "PRECISION",
       NULL::int4 AS "LENGTH",
       NULL::int2 AS "SCALE",
       NULL::int2 AS "RADIX",
       CAST(2 AS int2) AS "NULLABLE",
       NULL::text AS "REMARKS",
       NULL::int4 AS "CHAR_OCTET_LENGTH",
       rc.ordinal AS "ORDINAL_POSITION",
       ''::text AS "IS_NULLABLE",
       rc.specific_name AS "SPECIFIC_NAME"
FROM ({{ROUTINE_COLUMNS}}) rc
JOIN pg_catalog.pg_type t ON t.oid = rc.type_oid
JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
ORDER BY rc.routine_schem, rc.routine_name, rc.specific_name, rc.part, rc.ordinal
