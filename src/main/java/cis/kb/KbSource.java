package cis.kb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import cis.kb.yaml.YamlReader;

/** Where the KB files come from: the copy bundled in the jar, or a directory the user names. */
public interface KbSource {

    /** How the file is named in messages, e.g. {@code data/states.yaml}. */
    String displayName(String file);

    /** What this source is, for messages: "the bundled knowledge base" or a path. */
    String describe();

    /** The file's bytes; {@link NoSuchFileException} when it is not there. */
    byte[] read(String file) throws IOException;

    /** Whether this is the KB bundled in the jar (which the build also pre-parses). */
    default boolean isBundled() {
        return false;
    }

    /** The directory a user's KB is in; empty for the bundled one. */
    default java.util.Optional<Path> directory() {
        return java.util.Optional.empty();
    }

    static KbSource bundled() {
        return new KbSource() {
            @Override
            public String displayName(String file) {
                return "data/" + file;
            }

            @Override
            public String describe() {
                return "the bundled knowledge base";
            }

            @Override
            public boolean isBundled() {
                return true;
            }

            @Override
            public byte[] read(String file) throws IOException {
                try (InputStream in = KbSource.class.getResourceAsStream("/cis/kb/" + file)) {
                    if (in == null) {
                        throw new NoSuchFileException(displayName(file));
                    }
                    return in.readAllBytes();
                }
            }
        };
    }

    static KbSource directory(Path dir) {
        return new KbSource() {
            @Override
            public String displayName(String file) {
                return dir.resolve(file).toString();
            }

            @Override
            public String describe() {
                return dir.toString();
            }

            @Override
            public java.util.Optional<Path> directory() {
                return java.util.Optional.of(dir);
            }

            @Override
            public byte[] read(String file) throws IOException {
                // Read one byte past the limit at most: enough for YamlReader to refuse a huge file.
                try (InputStream in = Files.newInputStream(dir.resolve(file))) {
                    return in.readNBytes(YamlReader.MAX_BYTES + 1);
                }
            }
        };
    }
}
