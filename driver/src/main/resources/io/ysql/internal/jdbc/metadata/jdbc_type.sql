-- Fragment: the java.sql.Types code of the pg_type row aliased as the first argument,
-- as pgjdbc reports it. Composite, domain and enum types by their kind, arrays as ARRAY,
-- the built-in types by oid, everything else OTHER.
CASE
    WHEN {{1}}.typtype = 'c' THEN 2002 /* STRUCT */
    WHEN {{1}}.typtype = 'd' THEN 2001 /* DISTINCT */
    WHEN {{1}}.typtype = 'e' THEN 12 /* VARCHAR */
    WHEN {{1}}.typinput = 'pg_catalog.array_in'::pg_catalog.regproc THEN 2003 /* ARRAY */
    ELSE CASE {{1}}.oid
        WHEN 16 THEN -7 /* bool: BIT */
        WHEN 17 THEN -2 /* bytea: BINARY */
        WHEN 18 THEN 1 /* char: CHAR */
        WHEN 19 THEN 12 /* name: VARCHAR */
        WHEN 20 THEN -5 /* int8: BIGINT */
        WHEN 21 THEN 5 /* int2: SMALLINT */
        WHEN 23 THEN 4 /* int4: INTEGER */
        WHEN 25 THEN 12 /* text: VARCHAR */
        WHEN 26 THEN -5 /* oid: BIGINT */
        WHEN 142 THEN 2009 /* xml: SQLXML */
        WHEN 700 THEN 7 /* float4: REAL */
        WHEN 701 THEN 8 /* float8: DOUBLE */
        WHEN 790 THEN 8 /* money: DOUBLE */
        WHEN 1042 THEN 1 /* bpchar: CHAR */
        WHEN 1043 THEN 12 /* varchar: VARCHAR */
        WHEN 1082 THEN 91 /* date: DATE */
        WHEN 1083 THEN 92 /* time: TIME */
        WHEN 1114 THEN 93 /* timestamp: TIMESTAMP */
        WHEN 1184 THEN 93 /* timestamptz: TIMESTAMP */
        WHEN 1266 THEN 92 /* timetz: TIME */
        WHEN 1560 THEN -7 /* bit: BIT */
        WHEN 1700 THEN 2 /* numeric: NUMERIC */
        WHEN 1790 THEN 2012 /* refcursor: REF_CURSOR */
        ELSE 1111 /* OTHER */
    END
END
