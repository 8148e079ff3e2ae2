package cis.store;

import cis.model.KbException;
import cis.model.KbMeta;
import cis.model.KbPart;
import cis.model.KnowledgeBase;
import cis.model.Problem;
import cis.yaml.KbLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one door to the knowledge base. For the bundled KB it reads the form the build pre-parsed;
 * for a user's directory, a cache entry if one is stored under the files' key, else the YAML
 * (storing what it parsed). Whatever the path, the answer is what parsing the YAML gives.
 *
 * <p>The key of a user's KB is a BLAKE2b-256 digest of the build, the binary format, the parts asked
 * for and the content of exactly the files those parts are read from. An entry is stored only under
 * the key of the very bytes the parser was given (never of the files read again), and looked up by
 * the content the files have now. Paths, sizes and times play no part: an edit during a run, a
 * restored modification time or a symbolic link cannot make a stale entry look current.
 *
 * <p>A store also remembers what it loaded, so that the commands of one {@code cis shell} session
 * share one KB.
 */
public final class KbStore {
    private final Optional<EntryCache> cache;
    private final Optional<BuildId> build;
    private final Runnable beforePublish;
    private final Map<Optional<Path>, KnowledgeBase> loaded = new HashMap<>();

    KbStore(Optional<EntryCache> cache, Optional<BuildId> build, Runnable beforePublish) {
        this.cache = cache;
        this.build = build;
        this.beforePublish = beforePublish;
    }

    /** The store for this environment (see {@link EntryCache#from}) and this build of cis. */
    public static KbStore open(Map<String, String> env) {
        return new KbStore(EntryCache.from(env), BuildId.current(), () -> {});
    }

    /** A store that never uses a disk cache. */
    public static KbStore withoutCache() {
        return new KbStore(Optional.empty(), Optional.empty(), () -> {});
    }

    /**
     * The KB in {@code dir} (the bundled one when empty) with at least {@code parts} and what they
     * refer to. {@code notes} hears why a cache was not used (shown with {@code --verbose}).
     */
    public KnowledgeBase load(Optional<Path> dir, Set<KbPart> parts, Consumer<String> notes) throws KbException {
        Set<KbPart> wanted = KbPart.withDependencies(parts);
        wanted.add(KbPart.STATES);
        KnowledgeBase kb = loaded.get(dir);
        if (kb != null && kb.parts().containsAll(wanted)) {
            return kb;
        }
        if (kb != null) {
            wanted.addAll(kb.parts());
        }
        kb = dir.isPresent() ? user(dir.get(), wanted, notes) : bundled(wanted, notes);
        loaded.put(dir, kb);
        return kb;
    }

    /** Only the KB's metadata, for {@code --version}: usable even when a data file is broken. */
    public KbMeta meta(Optional<Path> dir) throws KbException {
        if (dir.isEmpty()) {
            Optional<KnowledgeBase> compact = bundledCompact(EnumSet.noneOf(KbPart.class), note -> {});
            if (compact.isPresent()) {
                return compact.get().meta();
            }
        }
        return KbLoader.meta(files(dir));
    }

    /** Every problem in the given parts' YAML (and what they refer to), sorted; never from a cache. */
    public List<Problem> validate(Optional<Path> dir, Set<KbPart> parts) {
        return KbLoader.validate(files(dir), parts);
    }

    /** What the KB is, for messages. */
    public static String describe(Optional<Path> dir) {
        return files(dir).describe();
    }

    private static KbFiles files(Optional<Path> dir) {
        return dir.map(KbFiles::directory).orElseGet(KbFiles::bundled);
    }

    private KnowledgeBase bundled(Set<KbPart> parts, Consumer<String> notes) throws KbException {
        Optional<KnowledgeBase> compact = bundledCompact(parts, notes);
        return compact.isPresent() ? compact.get() : KbLoader.load(KbFiles.bundled(), parts);
    }

    /** The form the build pre-parsed from the bundled YAML (a test checks the two agree). */
    private static Optional<KnowledgeBase> bundledCompact(Set<KbPart> parts, Consumer<String> notes) {
        try (InputStream in = KbStore.class.getResourceAsStream("/" + BuildStep.BUNDLED)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] data = in.readAllBytes();
            return Optional.of(KbCodec.decode(data, 0, data.length, parts));
        } catch (Throwable e) { // any defect: the YAML beside it is the truth
            notes.accept("the pre-parsed bundled KB is unusable (" + e + "); parsing its YAML");
            return Optional.empty();
        }
    }

    private KnowledgeBase user(Path dir, Set<KbPart> parts, Consumer<String> notes) throws KbException {
        KbFiles files = KbFiles.directory(dir);
        Optional<byte[]> key = cache.isPresent() ? key(files, parts, notes) : Optional.empty();
        if (key.isPresent()) {
            Optional<KnowledgeBase> hit = cache.get().get(key.get(), parts, notes);
            if (hit.isPresent()) {
                return hit.get();
            }
        }
        KnowledgeBase kb = KbLoader.load(files, parts);
        if (key.isPresent()) {
            beforePublish.run(); // where tests edit the files, as a user might while cis runs
            // The key of what was parsed (the files may have changed since the lookup): the loader's
            // bytes are kept, so this reads nothing again.
            key(files, parts, notes).ifPresent(parsed -> cache.get().put(parsed, kb, notes));
        }
        return kb;
    }

    /** The cache key of these parts of {@code files}; empty when a file cannot be read (the loader says why). */
    private Optional<byte[]> key(KbFiles files, Set<KbPart> parts, Consumer<String> notes) {
        if (build.isEmpty()) {
            notes.accept("not using the cache: this cis was not built by its build (no " + BuildId.RESOURCE + ")");
            return Optional.empty();
        }
        try {
            return Optional.of(key(build.get(), files, parts));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static byte[] key(BuildId build, KbFiles files, Set<KbPart> parts) throws IOException {
        Blake2b sha =
                new Blake2b().update("cis KB cache key").update(build.build()).update(build.format());
        for (String file : fileNames(parts)) {
            sha.update(file).update(files.digest(file));
        }
        return sha.digest();
    }

    /** The files the parts are read from, in a fixed order; the part set is implied by them. */
    static List<String> fileNames(Set<KbPart> parts) {
        List<String> names = new ArrayList<>();
        names.add(KbPart.META_FILE);
        for (KbPart p : KbPart.values()) {
            if (parts.contains(p)) {
                names.add(p.file());
            }
        }
        return names;
    }
}
