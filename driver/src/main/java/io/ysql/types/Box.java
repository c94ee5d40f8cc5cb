package io.ysql.types;

import java.sql.SQLException;
import java.util.Objects;

/**
 * A PostgreSQL {@code box}, spelled {@code (x1,y1),(x2,y2)} with the upper right corner first.
 * Like the server, the constructor puts the corners in that order whichever two opposite corners
 * it is given, so a box equals the one the server returns for it. pgjdbc's equivalent is
 * {@code PGbox}.
 *
 * @param high the upper right corner (the larger x and the larger y)
 * @param low  the lower left corner
 */
public record Box(Point high, Point low) {

    public Box {
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        if (high.x() < low.x() || high.y() < low.y()) {
            Point h = new Point(Math.max(high.x(), low.x()), Math.max(high.y(), low.y()));
            low = new Point(Math.min(high.x(), low.x()), Math.min(high.y(), low.y()));
            high = h;
        }
    }

    /** The box with opposite corners {@code a} and {@code b}. */
    public static Box of(Point a, Point b) {
        return new Box(a, b);
    }

    /** Reads {@code (x1,y1),(x2,y2)}, {@code ((x1,y1),(x2,y2))} or {@code x1,y1,x2,y2}; 22P02 if malformed. */
    public static Box parse(String text) throws SQLException {
        double[] d = GeometryText.numbers("box", text, 4);
        return new Box(new Point(d[0], d[1]), new Point(d[2], d[3]));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        GeometryText.point(sb, high).append(',');
        return GeometryText.point(sb, low).toString();
    }
}
