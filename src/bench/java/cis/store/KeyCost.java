package cis.store;

import cis.model.KbPart;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * What the cache key of a user's KB costs a cached run of {@code cis status}, in a fresh JVM as
 * the CLI meets it: the digest of {@code kb.yaml} and {@code states.yaml}, read straight from the
 * files. {@code KeyCost DIR} prints microseconds.
 */
public final class KeyCost {
    private KeyCost() {}

    public static void main(String[] args) throws Exception {
        BuildId build = new BuildId("0".repeat(64), "0".repeat(64));
        long start = System.nanoTime();
        KbStore.key(build, KbFiles.directory(Path.of(args[0])), EnumSet.of(KbPart.STATES));
        System.out.println((System.nanoTime() - start) / 1000);
    }
}
