package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DB-API attributes of a cursor beyond execute and fetch. */
class CursorAttributesIT {
    private YsqlConnection conn;
    private Cursor cur;

    @BeforeEach
    void open() throws SQLException {
        conn = Ysql.connect(PgCluster.shared().conninfo(AuthRole.SCRAM));
        cur = conn.cursor();
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    @Test
    void scrollMovesWithinTheResultAndRefusesToLeaveIt() throws SQLException {
        cur.execute("SELECT generate_series(1, 5)");
        cur.scroll(2);
        assertThat(cur.fetchone().get(0)).isEqualTo(3);
        cur.scroll(0, "absolute");
        assertThat(cur.fetchone().get(0)).isEqualTo(1);
        cur.scroll(-1, "relative");
        assertThat(cur.rownumber()).isZero();
        assertThatThrownBy(() -> cur.scroll(6, "absolute")).isInstanceOf(io.ysql.errors.ProgrammingError.class)
                .hasMessageContaining("outside the result");
        assertThatThrownBy(() -> cur.scroll(-1)).isInstanceOf(io.ysql.errors.ProgrammingError.class);
        assertThat(cur.rownumber()).isZero();
        assertThatThrownBy(() -> cur.scroll(1, "sideways")).hasMessageContaining("relative");
        cur.scroll(5, "absolute");
        assertThat(cur.fetchone()).isNull();
    }

    @Test
    void iterationFetchesTheRemainingRows() throws SQLException {
        cur.execute("SELECT generate_series(1, 4)");
        cur.fetchone();
        List<Object> seen = new ArrayList<>();
        for (Row r : cur) seen.add(r.get(0));
        assertThat(seen).containsExactly(2, 3, 4);
    }

    @Test
    void queryLastrowidAndNoOps() throws SQLException {
        assertThat(cur.query()).isNull();
        cur.execute("SELECT %s::int + %s", 1, 2);
        assertThat(cur.query()).isEqualTo("SELECT $1::int + $2");
        assertThat(cur.lastrowid()).isNull();
        cur.setinputsizes(10, 20);
        cur.setoutputsize(100);
        cur.itersize(500);
        assertThat(cur.itersize()).isEqualTo(500);
        assertThatThrownBy(cur::nextset).isInstanceOf(io.ysql.errors.NotSupportedError.class);
    }

    @Test
    void callprocCallsTheFunctionAndRefusesSqlInItsName() throws SQLException {
        Object[] args = cur.callproc("pg_catalog.lower", "ABC");
        assertThat(args).containsExactly("ABC");
        assertThat(cur.fetchone().get(0)).isEqualTo("abc");
        cur.callproc("now");
        assertThat(cur.rowcount()).isEqualTo(1);
        assertThatThrownBy(() -> cur.callproc("lower(''); DROP TABLE x; --", "a"))
                .isInstanceOf(io.ysql.errors.ProgrammingError.class).hasMessageContaining("not a function name");
        assertThatThrownBy(() -> cur.callproc("no_such_function_here", 1))
                .isInstanceOf(io.ysql.errors.UndefinedFunction.class);
    }
}
