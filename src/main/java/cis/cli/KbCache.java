package cis.cli;

import cis.kb.KbException;
import cis.kb.KbPart;
import cis.kb.KbSource;
import cis.kb.KnowledgeBase;
import cis.kb.compact.CompactCache;
import cis.kb.load.KbLoader;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The knowledge bases loaded so far, by directory (empty for the bundled one). A command asks for
 * the parts it needs; a part already loaded is not read again, so a shell session reads each file once.
 */
public final class KbCache {
    private final Map<Optional<Path>, KnowledgeBase> loaded = new HashMap<>();
    private final Optional<CompactCache> disk;

    /** A cache that keeps KBs in memory only. */
    public KbCache() {
        this(Optional.empty());
    }

    /** A cache that also keeps pre-parsed copies of users' KB directories on disk. */
    public KbCache(Optional<CompactCache> disk) {
        this.disk = disk;
    }

    KnowledgeBase get(Optional<Path> data, Set<KbPart> parts, Function<Optional<Path>, KbSource> source)
            throws KbException {
        KnowledgeBase kb = loaded.get(data);
        if (kb != null && kb.parts().containsAll(KbPart.withDependencies(parts))) {
            return kb;
        }
        Set<KbPart> wanted = parts.isEmpty() ? EnumSet.noneOf(KbPart.class) : EnumSet.copyOf(parts);
        if (kb != null) {
            wanted.addAll(kb.parts());
        }
        kb = load(source.apply(data), wanted);
        loaded.put(data, kb);
        return kb;
    }

    /**
     * A user's KB comes from the disk cache when its files are unchanged; otherwise the whole KB
     * is parsed (and, if valid, cached), or just the parts asked for if another part is broken.
     */
    private KnowledgeBase load(KbSource source, Set<KbPart> wanted) throws KbException {
        Optional<Path> dir = source.directory();
        if (dir.isEmpty() || disk.isEmpty()) {
            return KbLoader.load(source, wanted);
        }
        Optional<KnowledgeBase> cached = disk.get().get(dir.get(), wanted);
        if (cached.isPresent()) {
            return cached.get();
        }
        KnowledgeBase all;
        try {
            all = KbLoader.load(source, EnumSet.allOf(KbPart.class));
        } catch (KbException e) {
            return KbLoader.load(source, wanted); // reports only the problems of the parts in use
        }
        disk.get().put(dir.get(), all);
        return all;
    }
}
