package io.ysql.internal.catalog;

import io.ysql.internal.codec.LearnedType;
import io.ysql.internal.codec.LearnedType.Attribute;
import io.ysql.internal.codec.LearnedType.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The catalog's SQL and the reading of its rows. {@link #types} fetches the requested types and
 * their closure — element types of arrays, base types of domains, subtypes of ranges, attribute
 * types of composites, recursively — in one statement, one row per type and attribute. {@link
 * #names} resolves type names as the server does ({@code to_regtype}: schema-qualified, or through
 * the {@code search_path}). Only numbers and escaped literals are spliced into the text.
 */
final class TypeQueries {
    private TypeQueries() {}

    /** The statement fetching the types {@code oids} and their closure. */
    static String types(Collection<Integer> oids) {
        StringJoiner list = new StringJoiner(",", "'{", "}'::pg_catalog.oid[]");
        for (int oid : oids) list.add(Integer.toUnsignedString(oid));
        return "WITH RECURSIVE closure(oid) AS (\n"
                + "  SELECT pg_catalog.unnest(" + list + ")\n"
                + "  UNION\n"
                + "  SELECT dep FROM closure c JOIN pg_catalog.pg_type t ON t.oid = c.oid,\n"
                + "    LATERAL pg_catalog.unnest(ARRAY[t.typelem, t.typbasetype,\n"
                + "        COALESCE((SELECT r.rngsubtype FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid), 0)]\n"
                + "      || ARRAY(SELECT a.atttypid FROM pg_catalog.pg_attribute a\n"
                + "               WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped)) AS dep\n"
                + "  WHERE dep <> 0\n"
                + ")\n"
                + "SELECT t.oid, n.nspname, t.typname, t.typtype, t.typinput = 'pg_catalog.array_in'::pg_catalog.regproc,\n"
                + "  t.typarray, t.typelem, t.typbasetype,\n"
                + "  (SELECT r.rngsubtype FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid),\n"
                + "  a.attnum, a.attname, a.atttypid\n"
                + "FROM closure c JOIN pg_catalog.pg_type t ON t.oid = c.oid\n"
                + "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace\n"
                + "LEFT JOIN pg_catalog.pg_attribute a\n"
                + "  ON t.typrelid <> 0 AND a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped\n"
                + "ORDER BY t.oid, a.attnum";
    }

    /** The statement resolving type names to OIDs: one row (name, oid or NULL) per name. */
    static String names(Collection<String> names) {
        StringJoiner list = new StringJoiner(", ", "ARRAY[", "]::pg_catalog.text[]");
        for (String name : names) list.add(literal(name));
        return "SELECT n, pg_catalog.to_regtype(n)::pg_catalog.oid FROM pg_catalog.unnest(" + list + ") AS n";
    }

    /** An escape-string literal, safe whatever {@code standard_conforming_strings} says. */
    static String literal(String s) {
        StringBuilder sb = new StringBuilder("E'");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0') continue;
            if (c == '\'' || c == '\\') sb.append(c);
            sb.append(c);
        }
        return sb.append('\'').toString();
    }

    /** The types in the rows of {@link #types}, by OID, attributes in order. */
    static Map<Integer, LearnedType> readTypes(List<List<String>> rows) {
        Map<Integer, Building> byOid = new LinkedHashMap<>();
        for (List<String> row : rows) {
            int oid = oid(row.get(0));
            Building b = byOid.computeIfAbsent(oid, k -> new Building(row));
            if (row.get(9) != null) b.attributes.add(new Attribute(row.get(10), oid(row.get(11))));
        }
        Map<Integer, LearnedType> out = new LinkedHashMap<>();
        byOid.forEach((oid, b) -> out.put(oid, b.build()));
        return out;
    }

    /** The rows of {@link #names}: name → OID, 0 for names that name no type. */
    static Map<String, Integer> readNames(List<List<String>> rows) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (List<String> row : rows) out.put(row.get(0), row.get(1) == null ? 0 : oid(row.get(1)));
        return out;
    }

    /** An OID's text (unsigned 32 bits) as the driver's signed int. */
    static int oid(String text) {
        return text == null ? 0 : (int) Long.parseLong(text);
    }

    private static Kind kind(String typtype, boolean array) {
        return switch (typtype) {
            case "c" -> Kind.COMPOSITE;
            case "d" -> Kind.DOMAIN;
            case "e" -> Kind.ENUM;
            case "r" -> Kind.RANGE;
            case "m" -> Kind.MULTIRANGE;
            case "p" -> Kind.PSEUDO;
            default -> array ? Kind.ARRAY : Kind.BASE;
        };
    }

    /** One type's columns while its attribute rows are collected. */
    private static final class Building {
        final List<String> row;
        final List<Attribute> attributes = new ArrayList<>();

        Building(List<String> row) { this.row = row; }

        LearnedType build() {
            boolean array = "t".equals(row.get(4));
            Kind kind = kind(row.get(3), array);
            return new LearnedType(oid(row.get(0)), row.get(1), row.get(2), kind, oid(row.get(5)),
                    kind == Kind.ARRAY ? oid(row.get(6)) : 0, oid(row.get(7)), oid(row.get(8)),
                    kind == Kind.COMPOSITE ? attributes : List.of());
        }
    }
}
