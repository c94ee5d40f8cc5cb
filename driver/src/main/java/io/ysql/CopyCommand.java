package io.ysql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The COPY statements of the cursor's {@code copyFrom} and {@code copyTo} (psycopg2's
 * {@code copy_from} and {@code copy_to}), composed with {@link Sql}: the table (split at dots
 * into schema and name) and the columns quoted as identifiers, the separator and the null string
 * written as literals, so no argument can carry SQL.
 */
final class CopyCommand {
    private CopyCommand() {}

    /**
     * {@code COPY table [(columns)] FROM STDIN | TO STDOUT WITH (DELIMITER sep, NULL null)}, in the
     * text format.
     */
    static String of(YsqlConnection connection, String table, boolean in, String sep, String nullString,
            String... columns) throws SQLException {
        if (table == null || table.isEmpty()) throw new io.ysql.errors.ProgrammingError("the table name is empty",
                "42602", null, null);
        List<Sql> parts = new ArrayList<>();
        parts.add(Sql.of("COPY "));
        parts.add(Sql.identifier(table.split("\\.", -1)));
        if (columns != null && columns.length > 0) {
            List<Sql> names = new ArrayList<>();
            for (String c : columns) names.add(Sql.identifier(c));
            parts.add(Sql.of(" ("));
            parts.add(Sql.join(Sql.of(", "), names));
            parts.add(Sql.of(")"));
        }
        parts.add(Sql.of(in ? " FROM STDIN WITH (DELIMITER " : " TO STDOUT WITH (DELIMITER "));
        parts.add(Sql.literal(sep == null ? "\t" : sep));
        parts.add(Sql.of(", NULL "));
        parts.add(Sql.literal(nullString == null ? "\\N" : nullString));
        parts.add(Sql.of(")"));
        return Sql.join(Sql.of(""), parts).asString(connection);
    }
}
