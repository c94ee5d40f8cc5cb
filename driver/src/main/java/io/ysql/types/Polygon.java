package io.ysql.types;

import java.sql.SQLException;
import java.util.List;

/**
 * A PostgreSQL {@code polygon}, spelled {@code ((x1,y1),...)}: its vertices, at least one.
 * pgjdbc's equivalent is {@code PGpolygon}.
 *
 * @param points the vertices (an unmodifiable copy)
 */
public record Polygon(List<Point> points) {

    public Polygon {
        points = List.copyOf(points);
        if (points.isEmpty()) throw new IllegalArgumentException("a polygon has at least one point");
    }

    /** The polygon with these vertices. */
    public static Polygon of(Point... points) {
        return new Polygon(List.of(points));
    }

    /** Reads {@code ((x1,y1),...)} or {@code x1,y1,...}; 22P02 if malformed. */
    public static Polygon parse(String text) throws SQLException {
        return new Polygon(GeometryText.pointList("polygon", text, 1));
    }

    @Override
    public String toString() {
        return GeometryText.points(new StringBuilder("("), points).append(')').toString();
    }
}
