package cis.kb.compact;

import cis.kb.KbPart;
import cis.kb.KnowledgeBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A user's KB directory, pre-parsed after its first successful load into the user's cache
 * ({@code $XDG_CACHE_HOME/cis/kb}, else {@code ~/.cache/cis/kb}), so that later runs skip the YAML.
 * An entry is named after the path, size and modification time of every KB file: edit a file and
 * the next run parses the YAML again. {@code CIS_KB_CACHE=off} turns it off.
 */
public final class CompactCache {
    private static final String[] FILES = {"kb.yaml", "states.yaml", "bodies.yaml", "officials.yaml", "sessions.yaml"};

    private final Path dir;

    private CompactCache(Path dir) {
        this.dir = dir;
    }

    /** The cache the environment points to, if any. */
    public static Optional<CompactCache> from(Map<String, String> env) {
        if ("off".equals(env.get("CIS_KB_CACHE"))) {
            return Optional.empty();
        }
        String xdg = env.get("XDG_CACHE_HOME");
        String home = env.get("HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Optional.of(new CompactCache(Path.of(xdg, "cis", "kb")));
        }
        if (home != null && !home.isBlank()) {
            return Optional.of(new CompactCache(Path.of(home, ".cache", "cis", "kb")));
        }
        return Optional.empty();
    }

    /** The cached form of {@code kbDir} as its files are now, if there is one. */
    public Optional<KnowledgeBase> get(Path kbDir, Set<KbPart> parts) {
        Optional<Path> entry = entry(kbDir);
        if (entry.isEmpty() || !Files.isRegularFile(entry.get())) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(entry.get())) {
            return Optional.of(CompactKb.read(in, parts));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged entry is as good as none; the YAML is the truth
        }
    }

    /** Stores a complete, validated KB; silently does nothing when the cache cannot be written. */
    public void put(Path kbDir, KnowledgeBase kb) {
        if (!kb.parts().containsAll(Set.of(KbPart.values()))) {
            return;
        }
        entry(kbDir).ifPresent(entry -> {
            try {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "kb-", ".tmp");
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    CompactKb.write(kb, out);
                }
                Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                // no cache today: the next run parses the YAML again
            }
        });
    }

    private Optional<Path> entry(Path kbDir) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Path abs = kbDir.toAbsolutePath().normalize();
            sha.update(abs.toString().getBytes(StandardCharsets.UTF_8));
            for (String f : FILES) {
                Path p = abs.resolve(f);
                if (Files.exists(p)) {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    sha.update((f + ":" + a.size() + ":" + a.lastModifiedTime().toInstant() + ":"
                            + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant() + ";")
                            .getBytes(StandardCharsets.UTF_8));
                } else {
                    sha.update((f + ":none;").getBytes(StandardCharsets.UTF_8));
                }
            }
            return Optional.of(dir.resolve(HexFormat.of().formatHex(sha.digest(), 0, 16) + ".bin"));
        } catch (IOException | NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }
}
