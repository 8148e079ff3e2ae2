package cis.store;

import cis.kb.KbPart;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * What the cache key of a user's KB costs a run, in a fresh JVM as the CLI meets it: reading the
 * files {@code status} needs and hashing them. {@code KeyCost DIR} prints microseconds, with and
 * without the hashing.
 */
public final class KeyCost {
    private KeyCost() {}

    public static void main(String[] args) throws Exception {
        BuildId build = new BuildId("0".repeat(64), "0".repeat(64));
        long start = System.nanoTime();
        KbFiles files = KbFiles.directory(Path.of(args[0]));
        for (String f : KbStore.fileNames(EnumSet.of(KbPart.STATES))) {
            files.read(f);
        }
        long read = System.nanoTime();
        KbStore.key(build, files, EnumSet.of(KbPart.STATES));
        long hashed = System.nanoTime();
        System.out.println((read - start) / 1000 + " " + (hashed - read) / 1000);
    }
}
