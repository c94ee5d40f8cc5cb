package io.ysql.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.Cursor;
import io.ysql.Row;
import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.jdbc.YsqlDriver;
import io.ysql.testkit.PgCluster;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * User codecs per cursor and per driver against a real server: a cursor's codec reads and writes
 * a composite type {@code complex(r float8, i float8)} differently from the connection's, for that
 * cursor only; a driver's codecs reach every connection it opens, through {@code DriverManager}
 * and {@code Ysql.connect}, and never another driver instance's.
 */
class ScopedCodecIT {
    private static final String TYPE = "scoped_codec_it.complex";
    private static PgCluster cluster;

    record Complex(double r, double i) {}

    /** {@code complex} ↔ {@link Complex}, through the composite text format. */
    static class ComplexCodec implements Codec<Complex> {
        @Override public String typeName() { return TYPE; }
        @Override public Class<Complex> javaType() { return Complex.class; }

        @Override
        public Complex decode(String text) {
            String[] parts = text.substring(1, text.length() - 1).split(",");
            return new Complex(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
        }

        @Override
        public String encode(Complex v) { return "(" + v.r() + "," + v.i() + ")"; }
    }

    /** The same type read and written as the complex conjugate: another mapping of the same values. */
    static final class ConjugateCodec extends ComplexCodec {
        @Override
        public Complex decode(String text) {
            Complex c = super.decode(text);
            return new Complex(c.r(), -c.i());
        }

        @Override
        public String encode(Complex v) { return super.encode(new Complex(v.r(), -v.i())); }
    }

    @BeforeAll
    static void types() {
        cluster = PgCluster.shared();
        cluster.psql("DROP SCHEMA IF EXISTS scoped_codec_it CASCADE; CREATE SCHEMA scoped_codec_it;"
                + "CREATE TYPE " + TYPE + " AS (r float8, i float8);"
                + "CREATE TABLE scoped_codec_it.z (id int PRIMARY KEY, v " + TYPE + ")");
    }

    private static YsqlConnection connect() throws SQLException {
        return Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
    }

    private static Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", cluster.superuser());
        p.setProperty("password", cluster.superuserPassword());
        return p;
    }

    @Test
    void aCursorsCodecWinsOverTheConnectionsForThatCursorOnly() throws SQLException {
        try (YsqlConnection c = connect(); Cursor plain = c.cursor(); Cursor conjugate = c.cursor()) {
            c.registerCodec(new ComplexCodec());
            conjugate.registerCodec(new ConjugateCodec());
            conjugate.execute("DELETE FROM scoped_codec_it.z");
            conjugate.execute("INSERT INTO scoped_codec_it.z VALUES (1, %s)", new Complex(1, 2));
            plain.execute("INSERT INTO scoped_codec_it.z VALUES (2, %s)", new Complex(1, 2));

            plain.execute("SELECT v, v::text FROM scoped_codec_it.z ORDER BY id");
            assertThat(values(plain.fetchall())).containsExactly(
                    List.of(new Complex(1, -2), "(1,-2)"), List.of(new Complex(1, 2), "(1,2)"));
            conjugate.execute("SELECT v FROM scoped_codec_it.z ORDER BY id");
            assertThat(values(conjugate.fetchall()))
                    .containsExactly(List.of(new Complex(1, 2)), List.of(new Complex(1, -2)));
            conjugate.execute("SELECT ARRAY[v, v] FROM scoped_codec_it.z WHERE id = 2");
            assertThat(conjugate.fetchone().get(0)).isEqualTo(List.of(new Complex(1, -2), new Complex(1, -2)));

            try (PreparedStatement ps = c.prepareStatement("SELECT v, ?::text FROM scoped_codec_it.z WHERE id = 1")) {
                ps.setObject(1, new Complex(3, 4));
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getObject(1)).isEqualTo(new Complex(1, -2));
                    assertThat(rs.getString(2)).isEqualTo("(3,4)");
                }
            }
            try (Cursor fresh = c.cursor()) {
                fresh.execute("SELECT v FROM scoped_codec_it.z WHERE id = 1");
                assertThat(fresh.fetchone().get(0)).isEqualTo(new Complex(1, -2));
            }
        }
    }

    @Test
    void aCursorsCodecWorksWithoutAConnectionCodecAndOnNamedCursors() throws SQLException {
        try (YsqlConnection c = connect(); Cursor other = c.cursor()) {
            c.setAutoCommit(false);
            try (Cursor named = c.cursor("scoped_codec_it_named")) {
                named.registerCodec(new ComplexCodec());
                named.execute("SELECT ROW(5, 6)::" + TYPE + " FROM generate_series(1, 2)");
                assertThat(values(named.fetchall()))
                        .containsExactly(List.of(new Complex(5, 6)), List.of(new Complex(5, 6)));
            }
            other.execute("SELECT ROW(5, 6)::" + TYPE);
            assertThat(other.fetchone().get(0)).isNotInstanceOf(Complex.class);
            assertThatThrownBy(() -> other.execute("SELECT %s", new Complex(1, 2))).isInstanceOf(SQLException.class);
            c.rollback();
        }
    }

    @Test
    void aCursorRefusesUnknownAndBuiltInTypes() throws SQLException {
        try (YsqlConnection c = connect(); Cursor cur = c.cursor()) {
            assertThatThrownBy(() -> cur.registerCodec(new ComplexCodec() {
                @Override public String typeName() { return "scoped_codec_it.no_such_type"; }
            })).isInstanceOf(SQLException.class).hasFieldOrPropertyWithValue("SQLState", "42704");
            assertThatThrownBy(() -> cur.registerCodec(new ComplexCodec() {
                @Override public String typeName() { return "point"; }
            })).isInstanceOf(SQLException.class).hasFieldOrPropertyWithValue("SQLState", "0A000");
            cur.execute("SELECT 1");
            assertThat(cur.fetchone().get(0)).isEqualTo(1);
        }
    }

    @Test
    void aDriverInstancesCodecsReachItsConnectionsOnly() throws SQLException {
        YsqlDriver mine = new YsqlDriver();
        mine.registerCodec(new ComplexCodec());
        assertThat(readComplex(mine.connect(cluster.jdbcUrl(), credentials()))).isEqualTo(new Complex(7, 8));
        assertThat(readComplex(new YsqlDriver().connect(cluster.jdbcUrl(), credentials())))
                .isNotInstanceOf(Complex.class);
    }

    @Test
    void theRegisteredDriversCodecsReachDriverManagerAndYsqlConnect() throws SQLException {
        Driver original = DriverManager.getDriver(cluster.jdbcUrl());
        assertThat(original).isInstanceOf(YsqlDriver.class);
        YsqlDriver mine = new YsqlDriver();
        DriverManager.deregisterDriver(original);
        DriverManager.registerDriver(mine);
        try {
            Ysql.registerCodec(new ComplexCodec());
            assertThat(readComplex(DriverManager.getConnection(cluster.jdbcUrl(), credentials())))
                    .isEqualTo(new Complex(7, 8));
            assertThat(readComplex(connect())).isEqualTo(new Complex(7, 8));
            try (YsqlConnection c = connect(); Cursor cur = c.cursor()) {
                cur.execute("SELECT %s::text", new Complex(0.5, 1));
                assertThat(cur.fetchone().get(0)).isEqualTo("(0.5,1)");
            }
        } finally {
            DriverManager.deregisterDriver(mine);
            DriverManager.registerDriver(original);
        }
        assertThat(readComplex(connect())).isNotInstanceOf(Complex.class);
    }

    /** Each row's values, in column order. */
    private static List<List<Object>> values(List<Row> rows) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        for (Row row : rows) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) values.add(row.get(i));
            out.add(values);
        }
        return out;
    }

    /** The value of {@code ROW(7, 8)::complex} read with {@code getObject}; closes {@code c}. */
    private static Object readComplex(Connection c) throws SQLException {
        try (c; Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT ROW(7, 8)::" + TYPE)) {
            assertThat(rs.next()).isTrue();
            return rs.getObject(1);
        }
    }
}
