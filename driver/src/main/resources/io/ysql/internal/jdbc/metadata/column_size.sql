-- Fragment: COLUMN_SIZE for a type given as the row aliased as the first argument, with the
-- columns typoid (the type, its base type for a domain, its element type for an array) and
-- typmod (the column's type modifier, or the domain's). Numbers give their precision,
-- character and bit strings their declared length, date and time types the length of their
-- longest text form; unbounded types report 2147483647.
CASE {{1}}.typoid
    WHEN 21 THEN 5
    WHEN 23 THEN 10
    WHEN 26 THEN 10
    WHEN 20 THEN 19
    WHEN 700 THEN 8
    WHEN 701 THEN 17
    WHEN 1700 THEN CASE WHEN {{1}}.typmod = -1 THEN 0 ELSE (({{1}}.typmod - 4) >> 16) & 65535 END
    WHEN 16 THEN 1
    WHEN 18 THEN 1
    WHEN 1042 THEN CASE WHEN {{1}}.typmod = -1 THEN 2147483647 ELSE {{1}}.typmod - 4 END
    WHEN 1043 THEN CASE WHEN {{1}}.typmod = -1 THEN 2147483647 ELSE {{1}}.typmod - 4 END
    WHEN 1560 THEN {{1}}.typmod
    WHEN 1562 THEN CASE WHEN {{1}}.typmod = -1 THEN 2147483647 ELSE {{1}}.typmod END
    WHEN 1082 THEN 13
    WHEN 1186 THEN 49
    WHEN 1083 THEN 8 + CASE {{1}}.typmod WHEN -1 THEN 7 WHEN 0 THEN 0 WHEN 1 THEN 3 ELSE {{1}}.typmod + 1 END
    WHEN 1266 THEN 14 + CASE {{1}}.typmod WHEN -1 THEN 7 WHEN 0 THEN 0 WHEN 1 THEN 3 ELSE {{1}}.typmod + 1 END
    WHEN 1114 THEN 22 + CASE {{1}}.typmod WHEN -1 THEN 7 WHEN 0 THEN 0 WHEN 1 THEN 3 ELSE {{1}}.typmod + 1 END
    WHEN 1184 THEN 28 + CASE {{1}}.typmod WHEN -1 THEN 7 WHEN 0 THEN 0 WHEN 1 THEN 3 ELSE {{1}}.typmod + 1 END
    ELSE 2147483647
END
