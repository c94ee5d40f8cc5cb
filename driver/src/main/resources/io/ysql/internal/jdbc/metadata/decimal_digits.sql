-- Fragment: DECIMAL_DIGITS for a type given as in column_size: the scale of a numeric (null
-- when the column declares none), the fractional second digits of time types, the digits
-- float4 and float8 carry, and 0 for everything else.
CASE {{1}}.typoid
    WHEN 700 THEN 8
    WHEN 701 THEN 17
    WHEN 1700 THEN CASE WHEN {{1}}.typmod = -1 THEN NULL ELSE ({{1}}.typmod - 4) & 65535 END
    WHEN 1083 THEN CASE WHEN {{1}}.typmod = -1 THEN 6 ELSE {{1}}.typmod END
    WHEN 1266 THEN CASE WHEN {{1}}.typmod = -1 THEN 6 ELSE {{1}}.typmod END
    WHEN 1114 THEN CASE WHEN {{1}}.typmod = -1 THEN 6 ELSE {{1}}.typmod END
    WHEN 1184 THEN CASE WHEN {{1}}.typmod = -1 THEN 6 ELSE {{1}}.typmod END
    WHEN 1186 THEN CASE WHEN {{1}}.typmod = -1 THEN 6 ELSE {{1}}.typmod & 65535 END
    ELSE 0
END
