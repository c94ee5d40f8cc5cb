package io.ysql.internal.codec;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.types.Box;
import io.ysql.types.Circle;
import io.ysql.types.Line;
import io.ysql.types.LineSegment;
import io.ysql.types.Path;
import io.ysql.types.Point;
import io.ysql.types.Polygon;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometric types {@code point}, {@code line}, {@code lseg}, {@code box}, {@code path},
 * {@code polygon} and {@code circle}, read into the records of {@code io.ysql.types} from text or
 * binary (big-endian {@code float8}s; a path starts with a closed flag byte and a point count, a
 * polygon with a point count) and sent in binary. pgjdbc returns its {@code PGpoint} … classes.
 */
final class GeometryCodec implements TypeCodec, ValueEncoder {
    static final GeometryCodec INSTANCE = new GeometryCodec();

    static final int POINT = 600;
    static final int LSEG = 601;
    static final int PATH = 602;
    static final int BOX = 603;
    static final int POLYGON = 604;
    static final int LINE = 628;
    static final int CIRCLE = 718;

    /** The bytes of one point in a binary path or polygon. */
    private static final int POINT_BYTES = 16;

    private GeometryCodec() {}

    @Override
    public Object decode(int oid, int format, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        if (format == FormatCode.TEXT) {
            String s = Text.utf8(b, off, len);
            return switch (oid) {
                case POINT -> Point.parse(s);
                case LSEG -> LineSegment.parse(s);
                case PATH -> Path.parse(s);
                case BOX -> Box.parse(s);
                case POLYGON -> Polygon.parse(s);
                case LINE -> Line.parse(s);
                case CIRCLE -> Circle.parse(s);
                default -> throw CodecErrors.binaryNotSupported(oid);
            };
        }
        return switch (oid) {
            case POINT -> point(oid, b, off, len, 0, 16);
            case LSEG -> {
                expect(oid, len, 32);
                yield new LineSegment(point(oid, b, off, len, 0, 32), point(oid, b, off, len, 16, 32));
            }
            case BOX -> {
                expect(oid, len, 32);
                yield new Box(point(oid, b, off, len, 0, 32), point(oid, b, off, len, 16, 32));
            }
            case LINE -> {
                expect(oid, len, 24);
                yield new Line(f8(b, off), f8(b, off + 8), f8(b, off + 16));
            }
            case CIRCLE -> {
                expect(oid, len, 24);
                yield new Circle(new Point(f8(b, off), f8(b, off + 8)), f8(b, off + 16));
            }
            case PATH -> {
                if (len < 5) throw CodecErrors.badBinary(oid, len);
                yield new Path(points(oid, b, off + 1, len - 1), b[off] != 0);
            }
            case POLYGON -> new Polygon(points(oid, b, off, len));
            default -> throw CodecErrors.binaryNotSupported(oid);
        };
    }

    @Override
    public String binaryToText(int oid, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        return decode(oid, FormatCode.BINARY, b, off, len, ctx).toString();
    }

    @Override
    public Object decodeAs(int oid, int format, byte[] b, int off, int len, Class<?> target, CodecContext ctx)
            throws SQLException {
        Object v = decode(oid, format, b, off, len, ctx);
        return target.isInstance(v) ? v : null;
    }

    @Override
    public EncodedParameter encode(Object x, CodecContext ctx) {
        ByteWriter w = new ByteWriter(64);
        int oid;
        if (x instanceof Point p) {
            oid = POINT;
            point(w, p);
        } else if (x instanceof LineSegment s) {
            oid = LSEG;
            point(point(w, s.start()), s.end());
        } else if (x instanceof Box v) {
            oid = BOX;
            point(point(w, v.high()), v.low());
        } else if (x instanceof Line l) {
            oid = LINE;
            w.writeLong(bits(l.a())).writeLong(bits(l.b())).writeLong(bits(l.c()));
        } else if (x instanceof Circle c) {
            oid = CIRCLE;
            point(w, c.center()).writeLong(bits(c.radius()));
        } else if (x instanceof Path p) {
            oid = PATH;
            w.writeByte(p.closed() ? 1 : 0);
            points(w, p.points());
        } else if (x instanceof Polygon p) {
            oid = POLYGON;
            points(w, p.points());
        } else {
            return null;
        }
        return new EncodedParameter(oid, FormatCode.BINARY, w.toByteArray());
    }

    private static void expect(int oid, int len, int expected) throws SQLException {
        if (len != expected) throw CodecErrors.badBinary(oid, len);
    }

    private static Point point(int oid, byte[] b, int off, int len, int at, int expected) throws SQLException {
        expect(oid, len, expected);
        return new Point(f8(b, off + at), f8(b, off + at + 8));
    }

    private static List<Point> points(int oid, byte[] b, int off, int len) throws SQLException {
        if (len < 4) throw CodecErrors.badBinary(oid, len);
        int n = ByteReader.getInt(b, off);
        // the server's path_recv and poly_recv refuse fewer than one point too
        if (n < 1 || (long) n * POINT_BYTES != len - 4) throw CodecErrors.badBinary(oid, len);
        List<Point> out = new ArrayList<>(n);
        for (int i = 0, at = off + 4; i < n; i++, at += POINT_BYTES) out.add(new Point(f8(b, at), f8(b, at + 8)));
        return out;
    }

    private static double f8(byte[] b, int at) {
        return Double.longBitsToDouble(ByteReader.getLong(b, at));
    }

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    private static ByteWriter point(ByteWriter w, Point p) {
        return w.writeLong(bits(p.x())).writeLong(bits(p.y()));
    }

    private static void points(ByteWriter w, List<Point> points) {
        w.writeInt(points.size());
        for (Point p : points) point(w, p);
    }
}
