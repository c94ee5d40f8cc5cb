package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transaction blocks of the cursor API ({@code conn.transaction()}), as psycopg 3's. */
class TransactionBlockIT {
    private static final String SCHEMA = "tx_blocks";
    private static PgCluster cluster;
    private YsqlConnection conn;
    private Cursor cur;

    @BeforeAll
    static void schema() {
        cluster = PgCluster.shared();
        cluster.psql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE; CREATE SCHEMA " + SCHEMA
                + "; GRANT ALL ON SCHEMA " + SCHEMA + " TO " + AuthRole.SCRAM.user());
    }

    @BeforeEach
    void open() throws SQLException {
        conn = Ysql.connect(cluster.conninfo(AuthRole.SCRAM));
        cur = conn.cursor();
        cur.execute("DROP TABLE IF EXISTS " + SCHEMA + ".t; CREATE TABLE " + SCHEMA + ".t (v text)");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private List<Object> values() throws SQLException {
        try (YsqlConnection other = Ysql.connect(cluster.conninfo(AuthRole.SCRAM)); Cursor c = other.cursor()) {
            c.execute("SELECT v FROM " + SCHEMA + ".t ORDER BY v");
            return c.fetchall().stream().map(r -> {
                try {
                    return r.get(0);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    private void insert(String v) throws SQLException {
        cur.execute("INSERT INTO " + SCHEMA + ".t VALUES (%s)", v);
    }

    @Test
    void aCommittedBlockStandsAndAutocommitComesBack() throws SQLException {
        try (Transaction tx = conn.transaction()) {
            assertThat(tx.isNested()).isFalse();
            insert("a");
            assertThat(values()).isEmpty(); // not visible to others before COMMIT
            tx.commit();
        }
        assertThat(values()).containsExactly("a");
        assertThat(conn.getAutoCommit()).isTrue();
    }

    @Test
    void aBlockLeftByAnExceptionIsRolledBack() throws SQLException {
        assertThatThrownBy(() -> {
            try (Transaction tx = conn.transaction()) {
                insert("a");
                throw new IllegalStateException("boom");
            }
        }).hasMessage("boom");
        assertThat(values()).isEmpty();
        assertThat(conn.getAutoCommit()).isTrue();
    }

    @Test
    void nestedBlocksAreSavepointsThatUndoOnlyTheirOwnWork() throws SQLException {
        conn.transaction(c -> {
            insert("outer");
            assertThatThrownBy(() -> c.transaction(inner -> {
                insert("inner-failed");
                cur.execute("SELECT 1/0");
                return null;
            })).isInstanceOf(io.ysql.errors.DivisionByZero.class);
            c.transaction(inner -> {
                insert("inner-ok");
                return null;
            });
            return null;
        });
        assertThat(values()).containsExactly("inner-ok", "outer");
    }

    @Test
    void aNestedBlockOpenedBeforeAnyStatementIsStillASavepoint() throws SQLException {
        try (Transaction outer = conn.transaction(); Transaction inner = conn.transaction()) {
            assertThat(inner.isNested()).isTrue();
            insert("x");
            inner.rollback();
            insert("y");
            outer.commit();
        }
        assertThat(values()).containsExactly("y");
    }

    @Test
    void withAutocommitOffTheBlockCommitsTheTransactionOrNestsInAnOpenOne() throws SQLException {
        conn.setAutoCommit(false);
        conn.transaction(c -> {
            insert("first");
            return null;
        });
        assertThat(values()).containsExactly("first");
        insert("open");
        try (Transaction tx = conn.transaction()) {
            assertThat(tx.isNested()).isTrue();
            insert("nested");
        }
        conn.commit();
        assertThat(values()).containsExactly("first", "open");
        assertThat(conn.getAutoCommit()).isFalse();
    }

    @Test
    void aBlockEndsOnce() throws SQLException {
        Transaction tx = conn.transaction();
        tx.commit();
        assertThatThrownBy(tx::commit).isInstanceOf(SQLException.class).hasMessageContaining("already ended");
        tx.close();
        assertThat(conn.getAutoCommit()).isTrue();
    }
}
