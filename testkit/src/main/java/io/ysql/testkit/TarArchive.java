package io.ysql.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Unpacks a tar stream (ustar, with GNU long names and pax {@code path} records) into a
 * directory: regular files with their permission bits, directories, symbolic and hard links.
 * The JDK reads no tar, and the testkit needs only this much of it to unpack PostgreSQL server
 * builds. An entry that would land outside the target directory is refused.
 */
final class TarArchive {
    private static final int BLOCK = 512;

    private TarArchive() {}

    /** Unpacks every entry of {@code tar} under {@code target}, which must exist. */
    static void extract(InputStream tar, Path target) throws IOException {
        byte[] header = new byte[BLOCK];
        String longName = null;
        while (readFully(tar, header)) {
            if (isZero(header)) return;
            String name = longName != null ? longName : name(header);
            longName = null;
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            switch (type) {
                case 'L' -> longName = cString(readData(tar, size));
                case 'x' -> longName = paxPath(readData(tar, size));
                case 'g' -> readData(tar, size);
                case '5' -> Files.createDirectories(inside(target, name));
                case '2' -> symlink(target, name, cString(slice(header, 157, 100)));
                case '1' -> hardLink(target, name, cString(slice(header, 157, 100)));
                case '0', '\0', '7' -> file(tar, target, name, size, (int) octal(header, 100, 8));
                default -> readData(tar, size); // devices and fifos have no place in a server build
            }
        }
    }

    private static void file(InputStream tar, Path target, String name, long size, int mode) throws IOException {
        Path file = inside(target, name);
        Files.createDirectories(file.getParent());
        Files.copy(new BoundedStream(tar, size), file, StandardCopyOption.REPLACE_EXISTING);
        skip(tar, padding(size));
        Files.setPosixFilePermissions(file, permissions(mode));
    }

    private static void symlink(Path target, String name, String link) throws IOException {
        Path at = inside(target, name);
        Files.createDirectories(at.getParent());
        if (!at.getParent().resolve(link).normalize().startsWith(target)) {
            throw new IOException("tar link outside the target directory: " + name + " -> " + link);
        }
        Files.deleteIfExists(at);
        Files.createSymbolicLink(at, Path.of(link));
    }

    private static void hardLink(Path target, String name, String existing) throws IOException {
        Path at = inside(target, name);
        Files.createDirectories(at.getParent());
        Files.copy(inside(target, existing), at, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    }

    /** {@code name} resolved under {@code target}; refuses absolute names and names that climb out. */
    private static Path inside(Path target, String name) throws IOException {
        String relative = name.startsWith("/") ? name.substring(1) : name;
        Path resolved = target.resolve(relative).normalize();
        if (!resolved.startsWith(target)) throw new IOException("tar entry outside the target directory: " + name);
        return resolved;
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ … OTHERS_EXECUTE, high bit first
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << (8 - i))) != 0) out.add(bits[i]);
        }
        out.add(PosixFilePermission.OWNER_READ);
        return out;
    }

    private static String name(byte[] header) {
        String name = cString(slice(header, 0, 100));
        boolean ustar = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        String prefix = ustar ? cString(slice(header, 345, 155)) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String paxPath(byte[] records) {
        String text = new String(records, StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.startsWith("path=", space + 1)) return line.substring(space + 6);
        }
        return null;
    }

    private static long octal(byte[] b, int offset, int length) {
        long value = 0;
        for (int i = offset; i < offset + length; i++) {
            int c = b[i];
            if (c == 0 || c == ' ') {
                if (value != 0) break;
                continue;
            }
            if (c < '0' || c > '7') throw new IllegalArgumentException("not an octal tar field");
            value = value * 8 + (c - '0');
        }
        return value;
    }

    private static byte[] readData(InputStream in, long size) throws IOException {
        if (size > 1 << 20) throw new IOException("tar metadata entry too large: " + size);
        byte[] data = in.readNBytes((int) size);
        if (data.length != size) throw new IOException("truncated tar entry");
        skip(in, padding(size));
        return data;
    }

    private static long padding(long size) { return (BLOCK - size % BLOCK) % BLOCK; }

    private static void skip(InputStream in, long n) throws IOException {
        in.skipNBytes(n);
    }

    private static boolean readFully(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, block.length);
        if (n == 0) return false;
        if (n != block.length) throw new IOException("truncated tar header");
        return true;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) if (b != 0) return false;
        return true;
    }

    private static byte[] slice(byte[] b, int offset, int length) {
        byte[] out = new byte[length];
        System.arraycopy(b, offset, out, 0, length);
        return out;
    }

    private static String cString(byte[] b) {
        int end = 0;
        while (end < b.length && b[end] != 0) end++;
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }

    /** The next {@code size} bytes of the tar stream, without closing it. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long size) {
            this.in = in;
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) return -1;
            int b = in.read();
            if (b < 0) throw new IOException("truncated tar entry");
            left--;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) return -1;
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n < 0) throw new IOException("truncated tar entry");
            left -= n;
            return n;
        }
    }
}
