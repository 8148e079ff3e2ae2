package cis.cli;

import cis.kb.KbException;
import cis.kb.KbPart;
import cis.kb.KbSource;
import cis.kb.KnowledgeBase;
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
        kb = KbLoader.load(source.apply(data), wanted);
        loaded.put(data, kb);
        return kb;
    }
}
