package io.ysql.internal.sql;

import java.util.List;
import java.util.Objects;

/**
 * A statement rewritten for the extended query protocol: its text with placeholders numbered
 * {@code $1 .. $n}, the number of parameters, and for named placeholders the name behind each
 * number ({@code parameterNames.get(k - 1)} is the name of {@code $k}; empty for positional ones).
 * {@code multipleStatements} tells whether the text holds more than one non-empty statement,
 * which the extended protocol refuses. {@link #toString()} leaves the SQL text out, since it may
 * carry a secret in a literal.
 */
public record ParsedSql(String sql, int parameterCount, List<String> parameterNames, boolean multipleStatements) {

    public ParsedSql {
        Objects.requireNonNull(sql, "sql");
        parameterNames = List.copyOf(parameterNames);
        if (parameterCount < 0) throw new IllegalArgumentException("negative parameter count");
        if (!parameterNames.isEmpty() && parameterNames.size() != parameterCount) {
            throw new IllegalArgumentException(
                    parameterNames.size() + " parameter names for " + parameterCount + " parameters");
        }
    }

    /** True when the placeholders were named ({@code %(name)s}), so values come from a map. */
    public boolean hasNamedParameters() {
        return !parameterNames.isEmpty();
    }

    @Override
    public String toString() {
        return "ParsedSql[length=" + sql.length() + ", parameterCount=" + parameterCount
                + ", parameterNames=" + parameterNames + ", multipleStatements=" + multipleStatements + "]";
    }
}
