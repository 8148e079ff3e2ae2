package cis.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The XDG base directories cis keeps things in: its cache, its installed KBs, its trusted keys. */
public final class XdgDirectory {
    private XdgDirectory() {}

    /**
     * The directory {@code variable} (XDG_CACHE_HOME, …) names when it is absolute (the XDG spec
     * says to ignore a relative one), else {@code underHome} below an absolute HOME; empty when
     * neither is absolute.
     */
    public static Optional<Path> of(Map<String, String> env, String variable, String underHome) {
        String xdg = env.getOrDefault(variable, "");
        if (xdg.startsWith("/")) {
            return Optional.of(Path.of(xdg));
        }
        String home = env.getOrDefault("HOME", "");
        return home.startsWith("/") ? Optional.of(Path.of(home, underHome)) : Optional.empty();
    }
}
