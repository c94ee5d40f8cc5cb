package io.ysql;

import io.ysql.errors.ProgrammingError;
import java.sql.SQLException;
import java.util.regex.Pattern;

/** Checks the function name {@link Cursor#callproc} writes into SQL: one or two plain or double-quoted identifiers. */
final class ProcedureName {
    private static final String PART = "(?:[\\p{L}_][\\p{L}\\p{N}_$]*|\"(?:[^\"\\x00]|\"\")+\")";
    private static final Pattern NAME = Pattern.compile(PART + "(?:\\." + PART + ")?");

    private ProcedureName() {}

    static String check(String name) throws SQLException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ProgrammingError("not a function name: use a plain identifier, optionally schema-qualified, or"
                    + " double-quote it", "42602", null, null);
        }
        return name;
    }
}
