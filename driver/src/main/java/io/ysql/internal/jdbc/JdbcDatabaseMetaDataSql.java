package io.ysql.internal.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL text of the catalog queries, read from the {@code metadata/*.sql} resources beside
 * this class and fitted to one server version. A resource may use two kinds of placeholder:
 * {@code {{NAME(arg, ...)}}} includes the fragment {@code metadata/name.sql} with its
 * {@code {{1}}}, {@code {{2}}} … replaced by the arguments (fragments hold expressions shared by
 * several queries, such as the pg_type → {@code java.sql.Types} mapping), and the version
 * placeholders {@code {{ATTIDENTITY(a)}}}, {@code {{ATTGENERATED(a)}}} and
 * {@code {{PROKIND(p)}}} stand for catalog columns that older servers (YugabyteDB too, in its
 * PostgreSQL 11 mode) do not have. Whole-line {@code --} comments are dropped, so the text
 * sent holds only SQL; a placeholder left unexpanded is a bug and fails loudly.
 */
final class JdbcDatabaseMetaDataSql {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z_]+)(?:\\(([^)]*)\\))?}}");
    private static final int MAX_DEPTH = 4;
    /** An empty "char", typed so that servers before 10 can compare it from a subquery. */
    private static final String NO_CHAR = "''::\"char\"";

    private final int serverMajor;
    private final Map<String, String> expanded = new ConcurrentHashMap<>();

    /** @param serverMajor the server's major version, which picks the version-dependent SQL */
    JdbcDatabaseMetaDataSql(int serverMajor) {
        this.serverMajor = serverMajor;
    }

    /** The ready-to-prepare text of query {@code name}, e.g. {@code "tables"}. */
    String text(String name) {
        return expanded.computeIfAbsent(name, n -> {
            String sql = expand(load(n), 0);
            if (sql.contains("{{")) {
                throw new IllegalStateException("unexpanded placeholder in metadata query " + n);
            }
            return sql;
        });
    }

    private String expand(String sql, int depth) {
        if (depth > MAX_DEPTH) throw new IllegalStateException("metadata fragments nest too deeply");
        Matcher m = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder(sql.length() + 256);
        while (m.find()) {
            String name = m.group(1);
            String[] args = m.group(2) == null ? new String[0] : m.group(2).split(",");
            for (int i = 0; i < args.length; i++) args[i] = args[i].strip();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement(name, args, depth)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String replacement(String name, String[] args, int depth) {
        return switch (name) {
            case "ATTIDENTITY" -> serverMajor >= 10 ? arg(args, 0) + ".attidentity" : NO_CHAR;
            case "ATTGENERATED" -> serverMajor >= 12 ? arg(args, 0) + ".attgenerated" : NO_CHAR;
            case "PROKIND" -> serverMajor >= 11
                    ? arg(args, 0) + ".prokind"
                    : "CASE WHEN " + arg(args, 0) + ".proisagg THEN 'a' WHEN " + arg(args, 0)
                            + ".proiswindow THEN 'w' ELSE 'f' END";
            default -> {
                String fragment = load(name.toLowerCase(Locale.ROOT));
                for (int i = 0; i < args.length; i++) {
                    fragment = fragment.replace("{{" + (i + 1) + "}}", args[i]);
                }
                yield expand(fragment, depth + 1);
            }
        };
    }

    private static String arg(String[] args, int index) {
        if (index >= args.length || args[index].isEmpty()) {
            throw new IllegalStateException("metadata placeholder is missing argument " + (index + 1));
        }
        return args[index];
    }

    /** The resource's text without its whole-line comments. */
    private static String load(String name) {
        String path = "metadata/" + name + ".sql";
        try (InputStream in = JdbcDatabaseMetaDataSql.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing metadata query resource " + path);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder sql = new StringBuilder(text.length());
            for (String line : text.split("\n")) {
                if (line.strip().startsWith("--")) continue;
                sql.append(line.stripTrailing()).append('\n');
            }
            return sql.toString().strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read metadata query resource " + path, e);
        }
    }
}
