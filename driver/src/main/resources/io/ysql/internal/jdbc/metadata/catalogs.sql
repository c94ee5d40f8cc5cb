-- getCatalogs: a connection sees one database, the current one.
SELECT pg_catalog.current_database()::text AS "TABLE_CAT"
