package io.ysql.config;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A libpq password file ({@code ~/.pgpass}, "The Password File" in the libpq docs): lines
 * {@code host:port:database:username:password}, {@code *} matching any value, {@code \:} and
 * {@code \\} escapes, {@code #} comment lines, first matching line wins. The host field is
 * compared with the host name used; for a Unix-socket host, {@code localhost} matches too. As in
 * libpq, a missing file gives nothing silently, and on POSIX file systems a file that group or
 * others may access is ignored with a warning. The file is read once, when loaded; its passwords
 * never appear in {@link #toString()}.
 */
public final class PgPass {
    private static final System.Logger LOG = System.getLogger("io.ysql.config");
    private static final Set<PosixFilePermission> TOO_OPEN = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path file;
    private final List<String> lines;

    private PgPass(Path file, List<String> lines) {
        this.file = file;
        this.lines = List.copyOf(lines);
    }

    /** A password file with no entries. */
    public static PgPass empty() {
        return new PgPass(null, List.of());
    }

    /** A password file with the given text (for tests and callers that read the file themselves). */
    public static PgPass of(String content) {
        return new PgPass(null, content.lines().toList());
    }

    /**
     * Reads {@code file}; a missing file, a file that is not a plain file, a file group or others
     * may access (logged as a WARNING) and an unreadable file all give an empty password file.
     */
    public static PgPass load(Path file) {
        if (file == null || !Files.exists(file)) return empty();
        if (!Files.isRegularFile(file)) {
            LOG.log(Level.WARNING, "password file \"{0}\" is not a plain file", file);
            return empty();
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(TOO_OPEN::contains)) {
                LOG.log(Level.WARNING, "password file \"{0}\" has group or world access; permissions should "
                        + "be u=rw (0600) or less", file);
                return empty();
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): libpq does not check there either.
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "cannot check the permissions of password file \"{0}\": {1}", file, e.toString());
            return empty();
        }
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return new PgPass(file, text.lines().toList());
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "cannot read password file \"{0}\": {1}", file, e.toString());
            return empty();
        }
    }

    /** The file this was read from, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The password of the first line matching all four fields, if any. */
    public Optional<String> lookup(String host, int port, String dbname, String user) {
        String h = host == null || host.isEmpty() ? HostSpec.DEFAULT_HOST : host;
        boolean socket = h.startsWith("/");
        String p = String.valueOf(port);
        for (String line : lines) {
            if (line.isEmpty() || line.startsWith("#")) continue;
            List<String> fields = split(line);
            if (fields.size() < 5) continue;
            boolean hostMatches = matches(fields.get(0), h) || (socket && matches(fields.get(0), HostSpec.DEFAULT_HOST));
            if (hostMatches && matches(fields.get(1), p) && matches(fields.get(2), dbname)
                    && matches(fields.get(3), user)) {
                return Optional.of(unescape(fields.get(4)));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String rawField, String value) {
        return rawField.equals("*") || unescape(rawField).equals(value);
    }

    /** Splits at unescaped colons into four raw fields and the raw rest (the password). */
    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>(5);
        int start = 0;
        for (int i = 0; i < line.length() && fields.size() < 4; i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ':') {
                fields.add(line.substring(start, i));
                start = i + 1;
            }
        }
        if (fields.size() == 4) fields.add(line.substring(Math.min(start, line.length())));
        return fields;
    }

    /** Drops escaping backslashes; the password ends at an unescaped colon, as in libpq. */
    private static String unescape(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                c = raw.charAt(++i);
            } else if (c == ':') {
                break;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "PgPass[" + (file == null ? "in memory" : file) + ", " + lines.size() + " lines]";
    }
}
