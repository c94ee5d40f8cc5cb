package io.ysql.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.sql.SQLException;

/**
 * Coverage-guided fuzzing of the SQL scanners that find placeholders ({@code ?} for JDBC,
 * {@code %s}/{@code %(name)s} for the cursor API) outside literals, identifiers, comments and
 * dollar quotes. Any text gives a parse or, for the cursor API's form, a {@link SQLException};
 * parameters come only from placeholders, and text without any comes back unchanged.
 */
class PlaceholderFuzzTest {
    @FuzzTest(maxDuration = "12s")
    void scanAnySql(FuzzedDataProvider data) {
        String sql = data.consumeRemainingAsString();
        ParsedSql jdbc = JdbcPlaceholders.parse(sql);
        assertThat(jdbc.parameterCount()).isGreaterThanOrEqualTo(0);
        long marks = sql.chars().filter(c -> c == '?').count();
        assertThat(jdbc.parameterCount()).as("parameters come only from question marks").isLessThanOrEqualTo((int) marks);
        if (marks == 0) assertThat(jdbc.sql()).as("nothing to rewrite").isEqualTo(sql);
        try {
            ParsedSql py = PyformatPlaceholders.parse(sql);
            assertThat(py.parameterCount()).isGreaterThanOrEqualTo(0);
            if (py.hasNamedParameters()) assertThat(py.parameterNames()).isNotEmpty();
        } catch (SQLException e) {
            assertThat(e.getSQLState()).hasSize(5);
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
