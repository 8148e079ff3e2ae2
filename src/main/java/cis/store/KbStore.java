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
 * <p>When no directory is named, the KB that answers is the update {@code cis update} installed and
 * made active ({@link Installed}), read from the form pre-parsed at install time; else the bundled
 * one. An installed KB that cannot be trusted or read is never used: the bundled one answers and
 * the caller hears why ({@code warnings}).
 *
 * <p>A store also remembers what it loaded, so that the commands of one {@code cis shell} session
 * share one KB.
 */
public final class KbStore {
    /** The largest KB file the loader reads: a bundle's files are held to it too. */
    public static final int MAX_FILE_BYTES = cis.yaml.YamlReader.MAX_BYTES;

    private final Optional<EntryCache> cache;
    private final Optional<BuildId> build;
    private final Optional<Installed> installed;
    private final Runnable beforePublish;
    private final Map<Optional<Path>, KnowledgeBase> loaded = new HashMap<>();
    /** Which KB answers when no directory is named: chosen once per run (or until {@link #forget}). */
    private Installed.Choice choice;

    private boolean warned;

    KbStore(Optional<EntryCache> cache, Optional<BuildId> build, Runnable beforePublish) {
        this(cache, build, Optional.empty(), beforePublish);
    }

    KbStore(
            Optional<EntryCache> cache,
            Optional<BuildId> build,
            Optional<Installed> installed,
            Runnable beforePublish) {
        this.cache = cache;
        this.build = build;
        this.installed = installed;
        this.beforePublish = beforePublish;
    }

    /**
     * The store for this environment (see {@link EntryCache#from} and {@link Installed#from}) and
     * this build of cis.
     */
    public static KbStore open(Map<String, String> env) {
        return new KbStore(EntryCache.from(env), BuildId.current(), Installed.from(env), () -> {});
    }

    /** A store that never uses a disk cache or an installed update: the bundled KB only. */
    public static KbStore withoutCache() {
        return new KbStore(Optional.empty(), Optional.empty(), () -> {});
    }

    /** Where installed updates live; empty when the environment names no home for them. */
    public Optional<Installed> installed() {
        return installed;
    }

    /**
     * Which KB answers when no directory is named, and why: an installed update, or the bundled KB
     * (with a warning when an installed one was chosen but cannot be used).
     */
    public Installed.Choice active() {
        if (choice == null) {
            choice = installed.isEmpty()
                    ? Installed.Choice.bundled("no home for updates (neither XDG_DATA_HOME nor HOME is set)")
                    : installed.get().choose(bundledVersion());
        }
        return choice;
    }

    /** The directory of the installed KB that answers when no directory is named; empty for the bundled one. */
    public Optional<Path> activeDirectory() {
        Installed.Choice c = active();
        return c.version().flatMap(v -> installed.map(i -> i.versionDirectory(v)));
    }

    /** Forgets what was loaded and chosen: after an update, or {@code kb use}, in the same run (the shell). */
    public void forget() {
        loaded.clear();
        choice = null;
        warned = false;
    }

    /** The bundled KB's version, as the build recorded it. */
    public Optional<String> bundledVersion() {
        try (InputStream in = KbStore.class.getResourceAsStream("/" + BuildStep.BUNDLED_VERSION)) {
            if (in == null) {
                return Optional.empty();
            }
            String v = new String(in.readNBytes(256), java.nio.charset.StandardCharsets.UTF_8).strip();
            return v.isEmpty() ? Optional.empty() : Optional.of(v);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The bundled KB's metadata. */
    public KbMeta bundledMeta() throws KbException {
        Optional<KnowledgeBase> compact = bundledCompact(EnumSet.noneOf(KbPart.class), note -> {});
        return compact.isPresent() ? compact.get().meta() : KbLoader.meta(KbFiles.bundled());
    }

    /** An installed version's metadata; empty when it cannot be read or trusted. */
    public Optional<KbMeta> installedMeta(String version) {
        return installed.flatMap(i -> i.meta(version, build));
    }

    /**
     * Parses a directory's YAML, every part, with the loader {@code cis validate} runs (never from
     * or into a cache): for a bundle's files before they are installed.
     */
    public KnowledgeBase parse(Path dir) throws KbException {
        return KbLoader.load(KbFiles.directory(dir), EnumSet.allOf(KbPart.class));
    }

    /** A KB parsed from a directory, and the very bytes of its files that were parsed. */
    public record Parsed(KnowledgeBase kb, Map<String, byte[]> files) {
        public Parsed {
            files = Map.copyOf(files);
        }
    }

    /** As {@link #parse}, with the bytes parsed (for a bundle: what is packed is what was checked). */
    public Parsed parseWithFiles(Path dir) throws KbException {
        KbFiles files = KbFiles.directory(dir);
        KnowledgeBase kb = KbLoader.load(files, EnumSet.allOf(KbPart.class));
        Map<String, byte[]> bytes = new HashMap<>();
        for (String name : fileNames(EnumSet.allOf(KbPart.class))) {
            try {
                bytes.put(name, files.read(name)); // kept from the parse: not read again
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new Parsed(kb, bytes);
    }

    /**
     * Installs a staged KB that {@link #parse} accepted (see {@link Installed#install}): pre-parsed,
     * synced and renamed into place. It is not yet in use: see {@link Installed#activate}.
     */
    public Path install(Path staged, KnowledgeBase kb, String origin) throws IOException {
        Installed area = installed.orElseThrow(() -> new Installed.Unusable(
                "no place to install it: neither XDG_DATA_HOME nor HOME is set to an absolute path"));
        Path where = area.install(staged, kb, build, origin);
        forget();
        return where;
    }

    /**
     * The KB in {@code dir} (the bundled one when empty) with at least {@code parts} and what they
     * refer to. {@code notes} hears why a cache was not used (shown with {@code --verbose}).
     */
    public KnowledgeBase load(Optional<Path> dir, Set<KbPart> parts, Consumer<String> notes) throws KbException {
        return load(dir, parts, notes, notes);
    }

    /**
     * As {@link #load(Optional, Set, Consumer)}; {@code warnings} hears, once, why an installed update
     * that was chosen is not used (shown always: the answer comes from another KB than the user chose).
     */
    public KnowledgeBase load(Optional<Path> dir, Set<KbPart> parts, Consumer<String> notes, Consumer<String> warnings)
            throws KbException {
        Set<KbPart> wanted = KbPart.withDependencies(parts);
        wanted.add(KbPart.STATES);
        KnowledgeBase kb = loaded.get(dir);
        if (kb != null && kb.parts().containsAll(wanted)) {
            return kb;
        }
        if (kb != null) {
            wanted.addAll(kb.parts());
        }
        kb = dir.isPresent() ? user(dir.get(), wanted, notes) : active(wanted, notes, warnings);
        loaded.put(dir, kb);
        return kb;
    }

    /** The installed update in use, from its pre-parsed form (else its YAML); the bundled KB when there is none. */
    private KnowledgeBase active(Set<KbPart> parts, Consumer<String> notes, Consumer<String> warnings)
            throws KbException {
        Installed.Choice c = active();
        if (c.warning().isPresent()) {
            warn(warnings, c.warning().get());
        }
        if (c.version().isPresent() && installed.isPresent()) {
            String v = c.version().get();
            Installed area = installed.get();
            Optional<KnowledgeBase> kb = area.readBin(v, build, parts, notes);
            if (kb.isPresent()) {
                return kb.get();
            }
            try {
                KnowledgeBase all = parse(area.versionDirectory(v));
                build.ifPresent(b -> area.rewriteBin(v, b, all, notes));
                return all;
            } catch (KbException e) {
                warn(
                        warnings,
                        "not using the installed knowledge base " + v + ": "
                                + (e.problems().isEmpty()
                                        ? e.getMessage()
                                        : "it is invalid (" + e.problems().get(0)
                                                + (e.problems().size() > 1 ? ", …" : "") + ")")
                                + "; 'cis kb rollback' or 'cis kb use bundled' leaves it");
            }
        }
        return bundled(parts, notes);
    }

    private void warn(Consumer<String> warnings, String warning) {
        if (!warned) {
            warned = true;
            warnings.accept(warning + "; answering from the bundled knowledge base");
        }
    }

    /** Only the KB's metadata, for {@code --version}: usable even when a data file is broken. */
    public KbMeta meta(Optional<Path> dir) throws KbException {
        if (dir.isEmpty()) {
            Optional<Path> active = activeDirectory();
            if (active.isPresent()) {
                Optional<KbMeta> meta = installedMeta(active.get().getFileName().toString());
                return meta.isPresent() ? meta.get() : KbLoader.meta(KbFiles.directory(active.get()));
            }
            return bundledMeta();
        }
        return KbLoader.meta(files(dir));
    }

    /**
     * Every problem in the given parts' YAML (and what they refer to), sorted; never from a cache.
     * With no directory, of the KB that answers: the installed update in use, or the bundled KB.
     */
    public List<Problem> validate(Optional<Path> dir, Set<KbPart> parts) {
        return KbLoader.validate(files(dir.or(this::activeDirectory)), parts);
    }

    /** What the KB is, for messages: a directory, or the bundled KB (no directory, no installed update in use). */
    public String describe(Optional<Path> dir) {
        return files(dir.or(this::activeDirectory)).describe();
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
