-- getPseudoColumns: not reported; an empty result with the specified columns.
SELECT NULL::text AS "TABLE_CAT", NULL::text AS "TABLE_SCHEM", NULL::text AS "TABLE_NAME",
       NULL::text AS "COLUMN_NAME", NULL::int4 AS "DATA_TYPE", NULL::int4 AS "COLUMN_SIZE",
       NULL::int4 AS "DECIMAL_DIGITS", NULL::int4 AS "NUM_PREC_RADIX", NULL::text AS "COLUMN_USAGE",
       NULL::text AS "REMARKS", NULL::int4 AS "CHAR_OCTET_LENGTH", NULL::text AS "IS_NULLABLE"
WHERE false
