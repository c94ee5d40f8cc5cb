-- getClientInfoProperties: the one client info property the server keeps, application_name.
SELECT 'ApplicationName'::text AS "NAME",
       63 AS "MAX_LEN",
       ''::text AS "DEFAULT_VALUE",
       'The application name the server shows for this connection (application_name).'::text AS "DESCRIPTION"
