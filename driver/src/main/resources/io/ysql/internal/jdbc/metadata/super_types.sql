-- getSuperTypes: PostgreSQL has no type hierarchy, so the result is empty.
SELECT NULL::text AS "TYPE_CAT", NULL::text AS "TYPE_SCHEM", NULL::text AS "TYPE_NAME",
       NULL::text AS "SUPERTYPE_CAT", NULL::text AS "SUPERTYPE_SCHEM", NULL::text AS "SUPERTYPE_NAME"
WHERE false
