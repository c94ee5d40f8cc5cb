package io.ysql.types;

import java.sql.SQLException;

/**
 * A PostgreSQL {@code line}, the infinite line {@code Ax + By + C = 0}, spelled {@code {A,B,C}};
 * A and B are not both zero (the server checks). pgjdbc's equivalent is {@code PGline}.
 *
 * @param a the coefficient of x
 * @param b the coefficient of y
 * @param c the constant
 */
public record Line(double a, double b, double c) {

    /** The line {@code {a,b,c}}. */
    public static Line of(double a, double b, double c) {
        return new Line(a, b, c);
    }

    /** Reads {@code {A,B,C}}; 22P02 if malformed. */
    public static Line parse(String text) throws SQLException {
        double[] d = GeometryText.numbers("line", text, 3);
        return new Line(d[0], d[1], d[2]);
    }

    @Override
    public String toString() {
        return "{" + GeometryText.format(a) + "," + GeometryText.format(b) + "," + GeometryText.format(c) + "}";
    }
}
