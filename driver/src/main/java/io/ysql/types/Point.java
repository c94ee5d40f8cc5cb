package io.ysql.types;

import java.sql.SQLException;

/**
 * A PostgreSQL {@code point}, {@code (x,y)}: two {@code float8} coordinates (NaN and the
 * infinities included). {@link #toString()} is the server's spelling; pgjdbc's equivalent is
 * {@code PGpoint}.
 *
 * @param x the x coordinate
 * @param y the y coordinate
 */
public record Point(double x, double y) {

    /** The point {@code (x,y)}. */
    public static Point of(double x, double y) {
        return new Point(x, y);
    }

    /** Reads {@code (x,y)} or {@code x,y}; 22P02 if malformed. */
    public static Point parse(String text) throws SQLException {
        double[] d = GeometryText.numbers("point", text, 2);
        return new Point(d[0], d[1]);
    }

    @Override
    public String toString() {
        return GeometryText.point(new StringBuilder(), this).toString();
    }
}
