-- Fragment: the TYPE_NAME of the pg_type row aliased as the first argument, whose namespace
-- row is the second: the bare type name when its schema is on the search path (quoted when
-- it holds upper case or a dot), otherwise the quoted schema-qualified name.
CASE
    WHEN {{2}}.nspname = ANY (pg_catalog.current_schemas(true)) THEN
        CASE
            WHEN {{1}}.typname = pg_catalog.lower({{1}}.typname) AND pg_catalog.strpos({{1}}.typname, '.') = 0
                THEN {{1}}.typname::text
            ELSE '"' || {{1}}.typname || '"'
        END
    ELSE '"' || {{2}}.nspname || '"."' || {{1}}.typname || '"'
END
