package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed scenario through the cursor API, in a fresh schema: create the {@code employee}
 * table, insert John, insert him again with {@code ON CONFLICT DO NOTHING}, and read him back as
 * the example prints him.
 */
class CursorEmployeeIT {
    private static final String SCHEMA = "cursor_employee_it";

    @Test
    void theSeedExampleRunsThroughTheCursor() throws SQLException {
        PgCluster cluster = PgCluster.shared();
        cluster.psql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE; CREATE SCHEMA " + SCHEMA
                + " AUTHORIZATION " + AuthRole.SCRAM.user());
        try (YsqlConnection conn = Ysql.connect(cluster.conninfo(AuthRole.SCRAM)); Cursor cur = conn.cursor()) {
            cur.execute("SET search_path TO " + SCHEMA);
            cur.execute("CREATE TABLE IF NOT EXISTS employee (id int PRIMARY KEY, name varchar, age int, language varchar)");
            assertThat(cur.statusmessage()).isEqualTo("CREATE TABLE");

            String insert = "INSERT INTO employee (id, name, age, language) VALUES (%s, %s, %s, %s) ON CONFLICT (id) DO NOTHING";
            cur.execute(insert, 1, "John", 35, "Java");
            assertThat(cur.rowcount()).isEqualTo(1);
            cur.execute(insert, 1, "John", 35, "Java");
            assertThat(cur.rowcount()).isZero();
            assertThat(cur.statusmessage()).isEqualTo("INSERT 0 0");

            cur.execute("SELECT id, name, age, language FROM employee");
            List<String> printed = new ArrayList<>();
            for (Row row : cur.fetchall()) printed.add(row.get(0) + ", " + row.get(1) + ", " + row.get(2));
            assertThat(printed).containsExactly("1, John, 35");
            assertThat(cur.rowcount()).isEqualTo(1);
        }
        assertThat(cluster.psql("SELECT id, name, age, language FROM " + SCHEMA + ".employee")).isEqualTo("1|John|35|Java");
    }
}
