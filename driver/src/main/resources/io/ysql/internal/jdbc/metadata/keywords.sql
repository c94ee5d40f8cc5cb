-- The words the server's parser treats as keywords.
SELECT k.word::text AS word FROM pg_catalog.pg_get_keywords() AS k ORDER BY k.word
