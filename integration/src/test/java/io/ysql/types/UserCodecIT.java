package io.ysql.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.Cursor;
import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.jdbc.YsqlDataSource;
import io.ysql.testkit.PgCluster;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * User codecs against a real server: a composite type {@code complex(r float8, i float8)} read
 * and written as a Java record through JDBC, the cursor API and a data source, in text and (on
 * the second run of a statement) with the other columns in binary; unknown type names fail with
 * 42704 when first needed.
 */
class UserCodecIT {
    private static PgCluster cluster;

    record Complex(double r, double i) {}

    /** {@code complex} ↔ {@link Complex}, through the composite text format. */
    static final class ComplexCodec implements Codec<Complex> {
        private final String typeName;

        ComplexCodec(String typeName) { this.typeName = typeName; }

        @Override public String typeName() { return typeName; }
        @Override public Class<Complex> javaType() { return Complex.class; }

        @Override
        public Complex decode(String text) {
            String[] parts = text.substring(1, text.length() - 1).split(",");
            return new Complex(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
        }

        @Override
        public String encode(Complex v) { return "(" + v.r() + "," + v.i() + ")"; }
    }

    @BeforeAll
    static void types() {
        cluster = PgCluster.shared();
        cluster.psql("DROP SCHEMA IF EXISTS user_codec_it CASCADE; CREATE SCHEMA user_codec_it;"
                + "CREATE TYPE user_codec_it.complex AS (r float8, i float8);"
                + "CREATE TABLE user_codec_it.z (id int PRIMARY KEY, v user_codec_it.complex)");
    }

    private static YsqlConnection connect() throws SQLException {
        return Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
    }

    @Test
    void aRegisteredCodecReadsAndWritesItsType() throws SQLException {
        try (YsqlConnection c = connect()) {
            c.registerCodec(new ComplexCodec("user_codec_it.complex"));
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM user_codec_it.z");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_codec_it.z VALUES (?, ?)")) {
                ps.setInt(1, 1);
                ps.setObject(2, new Complex(1.5, -2));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, v, ?::text FROM user_codec_it.z")) {
                ps.setObject(1, new Complex(0.25, 4));
                for (int run = 0; run < 2; run++) { // the second run reads int4 in binary
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getObject(1)).isEqualTo(1);
                        assertThat(rs.getObject(2)).isEqualTo(new Complex(1.5, -2));
                        assertThat(rs.getObject(2, Complex.class)).isEqualTo(new Complex(1.5, -2));
                        assertThat(rs.getString(2)).isEqualTo("(1.5,-2)");
                        assertThat(rs.getString(3)).isEqualTo("(0.25,4)");
                        assertThat(rs.getMetaData().getColumnClassName(2)).isEqualTo(Complex.class.getName());
                    }
                }
            }
            try (Cursor cur = c.cursor()) {
                cur.execute("SELECT %s", new Complex(3, 4));
                assertThat(cur.fetchone().get(0)).isEqualTo(new Complex(3, 4));
            }
        }
    }

    @Test
    void aDataSourceRegistersItsCodecsWithEveryConnection() throws SQLException {
        YsqlDataSource ds = new YsqlDataSource(List.of(new ComplexCodec("user_codec_it.complex")));
        ds.setUrl(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
        for (int i = 0; i < 2; i++) {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT ROW(1, 2)::user_codec_it.complex")) {
                rs.next();
                assertThat(rs.getObject(1)).isEqualTo(new Complex(1, 2));
            }
        }
    }

    @Test
    void anUnknownTypeNameFailsWhenTheCodecIsFirstNeeded() throws SQLException {
        try (YsqlConnection c = connect()) {
            c.registerCodec(new ComplexCodec("no_such_complex"));
            try (PreparedStatement ps = c.prepareStatement("SELECT ?")) {
                assertThatThrownBy(() -> ps.setObject(1, new Complex(1, 2))).isInstanceOf(SQLException.class)
                        .hasFieldOrPropertyWithValue("SQLState", "42704").hasMessageContaining("no_such_complex");
            }
            // other queries are unaffected, and unknown types without a codec come back as text
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT '(1,2)'::user_codec_it.complex::text, "
                    + "'a=>1'::text")) {
                rs.next();
                assertThat(rs.getObject(1)).isEqualTo("(1,2)");
            }
        }
    }
}
