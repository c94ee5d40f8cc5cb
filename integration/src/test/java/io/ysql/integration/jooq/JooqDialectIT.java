package io.ysql.integration.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.ysql.testkit.PgCluster;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * jOOQ 3.19 over this driver: {@code DSL.using(connection)} picks its dialect from
 * {@code DatabaseMetaData.getURL()}, which keeps the prefix the connection was made with, so
 * {@code jdbc:postgresql:} gives POSTGRES, {@code jdbc:yugabytedb:} gives YUGABYTEDB and
 * {@code jdbc:ysql:} gives DEFAULT; under both PostgreSQL dialects jOOQ creates a table, inserts
 * with bind values and RETURNING, selects, updates, deletes and runs transactions.
 */
class JooqDialectIT {
    private static final Field<Integer> ID = field(name("id"), SQLDataType.INTEGER.notNull());
    private static final Field<String> TITLE = field(name("title"), SQLDataType.VARCHAR(200).notNull());
    private static final Field<BigDecimal> PRICE = field(name("price"), SQLDataType.NUMERIC(10, 2));
    private static final Field<LocalDate> PUBLISHED = field(name("published"), SQLDataType.LOCALDATE);

    private static PgCluster cluster;

    @BeforeAll
    static void server() {
        cluster = PgCluster.shared();
    }

    private static Connection connect(String prefix) throws SQLException {
        String url = cluster.jdbcUrl().replaceFirst("^jdbc:ysql:", prefix);
        return DriverManager.getConnection(url, cluster.superuser(), cluster.superuserPassword());
    }

    @ParameterizedTest
    @CsvSource({"jdbc:postgresql:, POSTGRES", "jdbc:yugabytedb:, YUGABYTEDB", "jdbc:ysql:, DEFAULT"})
    void dialectDetectedFromUrl(String prefix, SQLDialect expected) throws SQLException {
        try (Connection conn = connect(prefix)) {
            assertThat(conn.getMetaData().getURL()).startsWith(prefix);
            assertThat(DSL.using(conn).dialect()).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @CsvSource({"jdbc:postgresql:, jooq_it_book_pg", "jdbc:yugabytedb:, jooq_it_book_yb"})
    void createInsertSelectWithBindValues(String prefix, String tableName) throws SQLException {
        try (Connection conn = connect(prefix)) {
            DSLContext ctx = DSL.using(conn);
            assertThat(ctx.dialect()).isIn(SQLDialect.POSTGRES, SQLDialect.YUGABYTEDB);
            Table<Record> book = table(name(tableName));
            ctx.dropTableIfExists(book).execute();
            ctx.createTable(book).columns(ID, TITLE, PRICE, PUBLISHED).primaryKey(ID).execute();

            String tricky = "It's a \"quoted\" title; DROP TABLE x; --";
            var insert = ctx.insertInto(book, ID, TITLE, PRICE, PUBLISHED)
                    .values(1, tricky, new BigDecimal("12.50"), LocalDate.of(2024, 2, 29))
                    .values(2, "Second", null, null);
            assertThat(insert.getSQL()).doesNotContain("quoted");
            assertThat(insert.execute()).isEqualTo(2);
            Record returned = ctx.insertInto(book, ID, TITLE).values(3, "Third").returning(ID, TITLE).fetchOne();
            assertThat(returned).isNotNull();
            assertThat(returned.get(TITLE)).isEqualTo("Third");

            Record first = ctx.select(TITLE, PRICE, PUBLISHED).from(book).where(ID.eq(1)).fetchOne();
            assertThat(first).isNotNull();
            assertThat(first.get(TITLE)).isEqualTo(tricky);
            assertThat(first.get(PRICE)).isEqualByComparingTo("12.50");
            assertThat(first.get(PUBLISHED)).isEqualTo(LocalDate.of(2024, 2, 29));

            assertThat(ctx.update(book).set(PRICE, new BigDecimal("7.25")).where(ID.in(2, 3)).execute()).isEqualTo(2);
            var priced = ctx.select(ID, PRICE).from(book).where(PRICE.lt(new BigDecimal("10")))
                    .orderBy(ID).fetch();
            assertThat(priced.getValues(ID)).containsExactly(2, 3);
            assertThat(ctx.deleteFrom(book).where(TITLE.like("S%")).execute()).isEqualTo(1);
            List<Integer> ids = ctx.select(ID).from(book).orderBy(ID.desc()).fetch(ID);
            assertThat(ids).containsExactly(3, 1);
            assertThat(ctx.fetchCount(book)).isEqualTo(2);
        }
    }

    @Test
    void transactionsCommitAndRollBack() throws SQLException {
        try (Connection conn = connect("jdbc:postgresql:")) {
            DSLContext ctx = DSL.using(conn);
            Table<Record> book = table(name("jooq_it_book_tx"));
            ctx.dropTableIfExists(book).execute();
            ctx.createTable(book).columns(ID, TITLE).primaryKey(ID).execute();

            ctx.transaction(cfg -> DSL.using(cfg).insertInto(book, ID, TITLE).values(1, "kept").execute());
            assertThatThrownBy(() -> ctx.transaction(cfg -> {
                DSL.using(cfg).insertInto(book, ID, TITLE).values(2, "lost").execute();
                DSL.using(cfg).insertInto(book, ID, TITLE).values(1, "duplicate").execute();
            })).isInstanceOf(DataAccessException.class)
                    .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("23505"));
            assertThat(ctx.select(TITLE).from(book).orderBy(ID).fetch(TITLE)).containsExactly("kept");
            assertThat(conn.getAutoCommit()).isTrue();
        }
    }
}
