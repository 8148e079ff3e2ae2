package cis.update;

import cis.store.Trust;
import cis.store.XdgDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The keys a bundle's signature is checked against: the project's public key, bundled in cis;
 * every {@code *.pub} in {@code $XDG_CONFIG_HOME/cis/trusted-keys/} (else {@code
 * ~/.config/cis/trusted-keys/}), when that directory is the user's own and writable by nobody
 * else; and the files given with {@code --trust}.
 */
public final class TrustedKeys {
    /** The project's public key, in the jar; its private half is kept out of the repository. */
    public static final String PROJECT_KEY = "/cis/keys/cis-project.pub";

    private static final int MAX_KEY_FILE = 1 << 16;

    /** A trusted key, its id and where it was found. */
    public record Key(String id, PublicKey key, String from) {}

    private final Map<String, Key> byId;

    private TrustedKeys(Map<String, Key> byId) {
        this.byId = Map.copyOf(byId);
    }

    /**
     * The keys to trust in this environment, plus {@code extra} (a file that is not a key is an
     * error); {@code warnings} hears about key directories and files that are not used, and why.
     */
    public static TrustedKeys load(Map<String, String> env, List<Path> extra, Consumer<String> warnings)
            throws UpdateException {
        Map<String, Key> keys = new LinkedHashMap<>();
        try (InputStream in = TrustedKeys.class.getResourceAsStream(PROJECT_KEY)) {
            if (in != null) {
                PublicKey k = Keys.readPublic(
                        new String(in.readNBytes(MAX_KEY_FILE), StandardCharsets.US_ASCII), "the project key");
                keys.put(Keys.id(k), new Key(Keys.id(k), k, "the cis project's key"));
            }
        } catch (IOException e) {
            warnings.accept("cannot read the cis project's key: " + e.getMessage());
        }
        Optional<Path> dir = directory(env);
        if (dir.isPresent()) {
            fromDirectory(dir.get(), keys, warnings);
        }
        for (Path p : extra) {
            String text;
            try {
                text = read(p);
            } catch (IOException e) {
                throw new UpdateException(
                        UpdateException.Kind.USAGE,
                        "cannot read the key " + p + " (" + message(e) + ")",
                        "Give --trust the public key file (.pub) of the bundle's publisher.");
            }
            PublicKey k = Keys.readPublic(text, p.toString());
            keys.putIfAbsent(Keys.id(k), new Key(Keys.id(k), k, p.toString()));
        }
        return new TrustedKeys(keys);
    }

    /** Where the user's trusted keys live: {@code cis/trusted-keys} under XDG_CONFIG_HOME or ~/.config. */
    public static Optional<Path> directory(Map<String, String> env) {
        return XdgDirectory.of(env, "XDG_CONFIG_HOME", ".config").map(d -> d.resolve("cis/trusted-keys"));
    }

    private static void fromDirectory(Path dir, Map<String, Key> keys, Consumer<String> warnings) {
        try {
            Optional<String> why = Trust.directory(dir.getParent());
            if (why.isEmpty()) {
                why = Trust.directory(dir);
            }
            if (why.isPresent()) {
                warnings.accept("not trusting the keys in " + dir + ": " + why.get());
                return;
            }
        } catch (NoSuchFileException e) {
            return; // no keys of the user's own
        } catch (IOException e) {
            warnings.accept("not trusting the keys in " + dir + ": " + message(e));
            return;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(dir, "*.pub")) {
            list.forEach(files::add);
        } catch (IOException e) {
            warnings.accept("cannot list " + dir + ": " + message(e));
        }
        files.sort(null);
        for (Path f : files) {
            try {
                Optional<String> why = Trust.file(f);
                if (why.isPresent()) {
                    warnings.accept("not trusting " + f + ": " + why.get());
                    continue;
                }
                PublicKey k = Keys.readPublic(read(f), f.toString());
                keys.putIfAbsent(Keys.id(k), new Key(Keys.id(k), k, f.toString()));
            } catch (IOException e) {
                warnings.accept("not trusting " + f + ": " + message(e));
            } catch (UpdateException e) {
                warnings.accept("not trusting " + f + ": " + e.getMessage());
            }
        }
    }

    private static String read(Path p) throws IOException {
        if (Files.size(p) > MAX_KEY_FILE) {
            throw new IOException("too large for a key");
        }
        return Files.readString(p, StandardCharsets.US_ASCII);
    }

    static String message(IOException e) {
        return e instanceof NoSuchFileException ? "no such file" : String.valueOf(e.getMessage());
    }

    public Optional<Key> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return byId.size();
    }
}
