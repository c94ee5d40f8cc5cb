package io.ysql.types;

import java.sql.SQLException;
import java.util.Objects;

/**
 * A PostgreSQL {@code lseg}, the segment between two points, spelled {@code [(x1,y1),(x2,y2)]}.
 * pgjdbc's equivalent is {@code PGlseg}.
 *
 * @param start one end
 * @param end   the other end
 */
public record LineSegment(Point start, Point end) {

    public LineSegment {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** The segment from {@code start} to {@code end}. */
    public static LineSegment of(Point start, Point end) {
        return new LineSegment(start, end);
    }

    /** Reads {@code [(x1,y1),(x2,y2)]}, {@code ((x1,y1),(x2,y2))} or {@code x1,y1,x2,y2}; 22P02 if malformed. */
    public static LineSegment parse(String text) throws SQLException {
        double[] d = GeometryText.numbers("lseg", text, 4);
        return new LineSegment(new Point(d[0], d[1]), new Point(d[2], d[3]));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        GeometryText.point(sb, start).append(',');
        return GeometryText.point(sb, end).append(']').toString();
    }
}
