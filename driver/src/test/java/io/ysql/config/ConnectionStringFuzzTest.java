package io.ysql.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.sql.SQLException;

/**
 * Coverage-guided fuzzing of the three connection-string forms (libpq keyword/value, URI, JDBC URL)
 * and their resolution into options. Any string gives a configuration or a {@link SQLException}
 * with a SQLSTATE; no other exception, and a refused password never appears in the message.
 */
class ConnectionStringFuzzTest {
    private static final String SECRET = "s3cr3t-fuzz";

    @FuzzTest(maxDuration = "12s")
    void parseAnyString(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        for (String form : new String[] {text, "postgresql://" + text, "jdbc:postgresql://" + text,
                "jdbc:ysql:" + text, "host=h password=" + SECRET + " " + text}) {
            try {
                ConnectionConfig c = ConnectionConfig.parse(form, null, ConfigSources.none());
                assertThat(c.toString()).doesNotContain(SECRET);
            } catch (SQLException e) {
                assertThat(e.getSQLState()).hasSize(5);
                assertThat(e.getMessage()).isNotBlank().doesNotContain(SECRET);
            }
        }
    }
}
