-- getAttributes: not reported; an empty result with the specified columns.
SELECT NULL::text AS "TYPE_CAT", NULL::text AS "TYPE_SCHEM", NULL::text AS "TYPE_NAME",
       NULL::text AS "ATTR_NAME", NULL::int4 AS "DATA_TYPE", NULL::text AS "ATTR_TYPE_NAME",
       NULL::int4 AS "ATTR_SIZE", NULL::int4 AS "DECIMAL_DIGITS", NULL::int4 AS "NUM_PREC_RADIX",
       NULL::int4 AS "NULLABLE", NULL::text AS "REMARKS", NULL::text AS "ATTR_DEF",
       NULL::int4 AS "SQL_DATA_TYPE", NULL::int4 AS "SQL_DATETIME_SUB", NULL::int4 AS "CHAR_OCTET_LENGTH",
       NULL::int4 AS "ORDINAL_POSITION", NULL::text AS "IS_NULLABLE", NULL::text AS "SCOPE_CATALOG",
       NULL::text AS "SCOPE_SCHEMA", NULL::text AS "SCOPE_TABLE", NULL::int2 AS "SOURCE_DATA_TYPE"
WHERE false
