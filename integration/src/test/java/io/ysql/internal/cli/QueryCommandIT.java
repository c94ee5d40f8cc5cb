package io.ysql.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.config.ConfigSources;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code query} against a real server: an aligned table with NULLs and truncation, CSV with
 * RFC 4180 quoting, the command tag of a statement without rows, and a server error on stderr
 * with exit status 1.
 */
class QueryCommandIT {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final String conninfo = PgCluster.shared().conninfo(AuthRole.SCRAM) + " sslmode=disable";

    private int query(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "query";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Main(ConfigSources.none()).run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() { return out.toString(StandardCharsets.UTF_8); }

    @Test
    void rowsPrintAsAnAlignedTable() {
        int status = query("--max-width", "8", conninfo,
                "SELECT * FROM (VALUES (1, 'short', NULL), (22, 'a much longer value', '50%')) AS t(id, name, note)");
        assertThat(status).as(err.toString()).isZero();
        String nl = System.lineSeparator();
        assertThat(out()).isEqualTo(
                " id | name     | note" + nl
                + "----+----------+------" + nl
                + " 1  | short    |" + nl
                + " 22 | a much … | 50%" + nl
                + "(2 rows)" + nl);
    }

    @Test
    void nullTextIsConfigurable() {
        assertThat(query("--null", "(null)", conninfo, "SELECT NULL AS x")).isZero();
        assertThat(out()).contains(" (null)").contains("(1 row)");
    }

    @Test
    void csvQuotesAsRfc4180Says() {
        int status = query("--csv", conninfo,
                "SELECT 'plain' AS a, 'with,comma' AS b, 'with \"quote\"' AS c, E'two\\nlines' AS d, '' AS e, NULL AS f");
        assertThat(status).as(err.toString()).isZero();
        assertThat(out()).isEqualTo("a,b,c,d,e,f\r\nplain,\"with,comma\",\"with \"\"quote\"\"\",\"two\nlines\",\"\",\r\n");
    }

    @Test
    void aStatementWithoutRowsPrintsItsCommandTag() {
        assertThat(query(conninfo, "CREATE TEMP TABLE q_tag(i int)")).isZero();
        assertThat(out()).isEqualTo("CREATE TABLE" + System.lineSeparator());
    }

    @Test
    void anErrorGoesToStderrWithItsSqlstate() {
        assertThat(query(conninfo, "SELECT * FROM no_such_table")).isEqualTo(1);
        assertThat(out()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("ERROR: 42P01: ").contains("no_such_table");
    }

    @Test
    void aBadCommandLineIsAUsageError() {
        assertThat(query(conninfo)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar ysql-driver.jar query");
    }
}
