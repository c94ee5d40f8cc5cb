package io.ysql.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GeometryTest {

    @Test
    void printsAsTheServer() {
        assertThat(Point.of(1, -2.5)).hasToString("(1,-2.5)");
        assertThat(Point.of(Double.NaN, Double.NEGATIVE_INFINITY)).hasToString("(NaN,-Infinity)");
        assertThat(Point.of(-0.0, 1e20)).hasToString("(-0,1e+20)");
        assertThat(Point.of(0.1, 1e-5)).hasToString("(0.1,1e-05)");
        assertThat(Point.of(123456789012345.0, 1234567890123456.0)).hasToString("(123456789012345,1.234567890123456e+15)");
        assertThat(Line.of(1, 2, 3)).hasToString("{1,2,3}");
        assertThat(LineSegment.of(Point.of(1, 2), Point.of(3, 4))).hasToString("[(1,2),(3,4)]");
        assertThat(Box.of(Point.of(1, 4), Point.of(3, 2))).hasToString("(3,4),(1,2)");
        assertThat(Path.open(Point.of(1, 2), Point.of(3, 4))).hasToString("[(1,2),(3,4)]");
        assertThat(Path.closed(Point.of(1, 2), Point.of(3, 4))).hasToString("((1,2),(3,4))");
        assertThat(Polygon.of(Point.of(0, 0), Point.of(1, 1), Point.of(1, 0))).hasToString("((0,0),(1,1),(1,0))");
        assertThat(Circle.of(Point.of(1, 2), 0.5)).hasToString("<(1,2),0.5>");
    }

    @Test
    void readsEveryInputSpelling() throws SQLException {
        assertThat(Point.parse(" ( 1 , 2 ) ")).isEqualTo(Point.of(1, 2));
        assertThat(Point.parse("1,2")).isEqualTo(Point.of(1, 2));
        assertThat(Point.parse("(inf,-Infinity)")).isEqualTo(Point.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertThat(Line.parse("{1,-1,0}")).isEqualTo(Line.of(1, -1, 0));
        assertThat(LineSegment.parse("((1,2),(3,4))")).isEqualTo(LineSegment.of(Point.of(1, 2), Point.of(3, 4)));
        assertThat(Box.parse("1,2,3,4")).isEqualTo(Box.of(Point.of(3, 4), Point.of(1, 2)));
        assertThat(Path.parse("[(1,2),(3,4)]").closed()).isFalse();
        assertThat(Path.parse("((1,2),(3,4))").closed()).isTrue();
        assertThat(Polygon.parse("((1,2),(3,4))").points()).containsExactly(Point.of(1, 2), Point.of(3, 4));
        assertThat(Circle.parse("<(1,2),3>")).isEqualTo(Circle.of(Point.of(1, 2), 3));
        assertThat(Circle.parse("((1,2),3)")).isEqualTo(Circle.of(Point.of(1, 2), 3));
    }

    @Test
    void malformedTextRaises22P02() {
        for (String bad : new String[] {"(1)", "(1,2,3)", "(a,b)", ""}) {
            assertThatThrownBy(() -> Point.parse(bad)).as(bad).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22P02");
        }
        assertThatThrownBy(() -> Polygon.parse("((1,2),(3))")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> new Path(List.of(), true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomCoordinatesReadBackExactly() throws SQLException {
        Random r = new Random(7);
        for (int i = 0; i < 20000; i++) {
            double x = Double.longBitsToDouble(r.nextLong());
            double y = r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
            Point p = Point.of(x, y);
            Point back = Point.parse(p.toString());
            assertThat(Double.doubleToRawLongBits(back.x())).as(p.toString())
                .isEqualTo(Double.isNaN(x) ? Double.doubleToRawLongBits(Double.NaN) : Double.doubleToRawLongBits(x));
            assertThat(back.y()).isEqualTo(y);
        }
    }

    @Test
    void shortestSpellingIsChosen() {
        assertThat(GeometryText.format(0.3)).isEqualTo("0.3");
        assertThat(GeometryText.format(2.0 / 3)).isEqualTo("0.6666666666666666");
        assertThat(GeometryText.format(1e23)).isEqualTo("1e+23");
        assertThat(GeometryText.format(5e-324)).isEqualTo("5e-324");
        assertThat(GeometryText.format(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
        assertThat(GeometryText.format(100000000000000.0)).isEqualTo("100000000000000");
        assertThat(GeometryText.format(1e15)).isEqualTo("1e+15");
        assertThat(GeometryText.format(0.0001)).isEqualTo("0.0001");
    }
}
