package io.ysql.types;

import java.sql.SQLException;
import java.util.Objects;

/**
 * A PostgreSQL {@code circle}, spelled {@code <(x,y),r>}. pgjdbc's equivalent is {@code PGcircle}.
 *
 * @param center the center
 * @param radius the radius (not negative; the server checks)
 */
public record Circle(Point center, double radius) {

    public Circle {
        Objects.requireNonNull(center, "center");
    }

    /** The circle around {@code center} with {@code radius}. */
    public static Circle of(Point center, double radius) {
        return new Circle(center, radius);
    }

    /** Reads {@code <(x,y),r>}, {@code ((x,y),r)} or {@code x,y,r}; 22P02 if malformed. */
    public static Circle parse(String text) throws SQLException {
        double[] d = GeometryText.numbers("circle", text, 3);
        return new Circle(new Point(d[0], d[1]), d[2]);
    }

    @Override
    public String toString() {
        return GeometryText.point(new StringBuilder("<"), center).append(',')
            .append(GeometryText.format(radius)).append('>').toString();
    }
}
