package cis.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a cache file or directory may be believed: it must belong to the user running cis and
 * be writable by nobody else, and must not be a symbolic link. Anything another user could have
 * written (a shared or world-writable cache directory) is never read, never written into, and
 * never deleted from.
 */
public final class Trust {
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int GROUP_OR_OTHER_WRITE = 0022;

    private Trust() {}

    /** Why {@code path} is not a directory private to this user; empty when it is. */
    public static Optional<String> directory(Path path) throws IOException {
        return check(path, S_IFDIR, "a directory");
    }

    /** Why {@code path} is not a regular file private to this user; empty when it is. */
    public static Optional<String> file(Path path) throws IOException {
        return check(path, S_IFREG, "a regular file");
    }

    private static Optional<String> check(Path path, int type, String what) throws IOException {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(path, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return Optional.of("file ownership cannot be checked on this system");
        }
        int mode = (Integer) a.get("mode");
        int uid = (Integer) a.get("uid");
        if ((mode & S_IFMT) != type) {
            return Optional.of(path + " is not " + what + ((mode & S_IFMT) == 0120000 ? " (a symbolic link)" : ""));
        }
        if (uid != currentUid()) {
            return Optional.of(path + " belongs to another user (uid " + uid + ")");
        }
        if ((mode & GROUP_OR_OTHER_WRITE) != 0) {
            return Optional.of(path + " is writable by others (mode " + Integer.toOctalString(mode & 07777) + ")");
        }
        return Optional.empty();
    }

    /** The effective uid, which owns this process's /proc entry on Linux; else that of a file we make. */
    private static int currentUid() throws IOException {
        Integer uid = Uid.VALUE;
        if (uid == null) {
            throw new IOException("cannot tell which user runs cis");
        }
        return uid;
    }

    private static final class Uid {
        static final Integer VALUE = find();

        private static Integer find() {
            try {
                return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            } catch (IOException | RuntimeException e) {
                // not Linux: a file this process creates is owned by its effective uid
            }
            try {
                Path probe = Files.createTempFile("cis-uid", ".tmp");
                try {
                    return (Integer) Files.getAttribute(probe, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                } finally {
                    Files.deleteIfExists(probe);
                }
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }
}
