package io.ysql.types;

import java.sql.SQLException;
import java.util.List;

/**
 * A PostgreSQL {@code path}: one or more points, open ({@code [(x1,y1),...]}) or closed
 * ({@code ((x1,y1),...)}). pgjdbc's equivalent is {@code PGpath}.
 *
 * @param points the points, at least one (an unmodifiable copy)
 * @param closed whether the last point joins the first
 */
public record Path(List<Point> points, boolean closed) {

    public Path {
        points = List.copyOf(points);
        if (points.isEmpty()) throw new IllegalArgumentException("a path has at least one point");
    }

    /** An open path through {@code points}. */
    public static Path open(Point... points) {
        return new Path(List.of(points), false);
    }

    /** A closed path through {@code points}. */
    public static Path closed(Point... points) {
        return new Path(List.of(points), true);
    }

    /** Reads {@code [(x1,y1),...]} (open) or {@code ((x1,y1),...)} (closed); 22P02 if malformed. */
    public static Path parse(String text) throws SQLException {
        boolean open = text.stripLeading().startsWith("[");
        return new Path(GeometryText.pointList("path", text, 1), !open);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(closed ? '(' : '[');
        return GeometryText.points(sb, points).append(closed ? ')' : ']').toString();
    }
}
