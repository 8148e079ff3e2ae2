package cis.yaml;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * The KB files the loader parses, by name ({@code states.yaml}). The loader never opens files
 * itself: whoever supplies the bytes (the store) can hash exactly what is parsed.
 */
public interface KbInput {

    /** How the file is named in problems, e.g. {@code data/states.yaml}. */
    String displayName(String file);

    /** What this KB is, for messages: "the bundled knowledge base" or a directory. */
    String describe();

    /**
     * The file's bytes: at most {@link cis.yaml.YamlReader#MAX_BYTES} + 1, enough for the
     * parser to refuse a huge file. {@link NoSuchFileException} when it is not there.
     */
    byte[] read(String file) throws IOException;
}
