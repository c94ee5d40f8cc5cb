package io.ysql.internal.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.SQLException;
import java.util.Set;

/**
 * libpq's check of the client key file before it is read: it must be a regular file, and on
 * POSIX file systems neither group nor others may access it — mode 0600 or less for a file owned
 * by anyone but root, 0640 or less for a root-owned file (so a key shared through a group can be
 * read). File systems without POSIX permissions are not checked, as libpq does not check on
 * Windows.
 */
final class KeyFilePermissions {
    private KeyFilePermissions() {}

    static void check(Path file) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw TlsErrors.setup("private key file \"" + file + "\" is not a regular file");
        }
        int uid;
        int mode;
        try {
            uid = (Integer) Files.getAttribute(file, "unix:uid");
            mode = (Integer) Files.getAttribute(file, "unix:mode");
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException noUnixView) {
            try {
                uid = -1; // owner unknown: apply the stricter rule
                mode = mode(Files.getPosixFilePermissions(file));
            } catch (UnsupportedOperationException | IOException notPosix) {
                return;
            }
        }
        if (tooOpen(uid, mode)) {
            throw TlsErrors.setup("private key file \"" + file + "\" has group or world access; file must have "
                    + "permissions u=rw (0600) or less if owned by the current user, or permissions u=rw,g=r (0640) "
                    + "or less if owned by root");
        }
    }

    /** Whether a file of owner {@code uid} and permission bits {@code mode} is refused. */
    static boolean tooOpen(int uid, int mode) {
        int forbidden = uid == 0 ? 0037 : 0077; // root: g+w, g+x and any o bit; others: any g or o bit
        return (mode & forbidden) != 0;
    }

    private static int mode(Set<PosixFilePermission> permissions) {
        int m = 0;
        for (PosixFilePermission p : permissions) {
            m |= switch (p) {
                case OWNER_READ -> 0400;
                case OWNER_WRITE -> 0200;
                case OWNER_EXECUTE -> 0100;
                case GROUP_READ -> 0040;
                case GROUP_WRITE -> 0020;
                case GROUP_EXECUTE -> 0010;
                case OTHERS_READ -> 0004;
                case OTHERS_WRITE -> 0002;
                case OTHERS_EXECUTE -> 0001;
            };
        }
        return m;
    }
}
