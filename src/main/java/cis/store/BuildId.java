package cis.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Which cis wrote a cache entry: the build (a digest of every class, resource and the POM, so a
 * new cis never trusts an old cis's entries) and the binary format (a fingerprint of the records
 * and of {@link KbCodec}, so a layout change can never decode an old entry). Both are computed by
 * {@link BuildStep} when cis is built, never written by hand.
 */
public record BuildId(String build, String format) {
    static final String RESOURCE = "/cis/build-id";

    public BuildId {
        if (!hex256(build) || !hex256(format)) {
            throw new IllegalArgumentException("a build id is two 256-bit digests in hex");
        }
    }

    /** Whether {@code s} is 64 lowercase hex digits (by hand: a regex costs every run milliseconds of start-up). */
    private static boolean hex256(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The id of the running cis; empty when it was not built by Maven (then nothing is cached). */
    public static Optional<BuildId> current() {
        try (InputStream in = BuildId.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            return parse(new String(in.readNBytes(4096), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<BuildId> parse(String text) {
        String build = null;
        String format = null;
        for (String line : text.split("\n", -1)) { // not lines(): no stream on every run's path
            if (line.startsWith("build ")) {
                build = line.substring(6).strip();
            } else if (line.startsWith("format ")) {
                format = line.substring(7).strip();
            }
        }
        try {
            return build == null || format == null ? Optional.empty() : Optional.of(new BuildId(build, format));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String text() {
        return "build " + build + "\nformat " + format + "\n";
    }
}
