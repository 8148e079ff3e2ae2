package cis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cis.model.KbPart;
import cis.model.KnowledgeBase;
import cis.store.Bytes.Corrupt;
import cis.yaml.KbLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32C;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;

/** The binary form holds exactly what the YAML says, and damage to it is always noticed. */
class KbCodecTest {
    static final long SEED = 20261202L;
    static final Set<KbPart> ALL = EnumSet.allOf(KbPart.class);

    static void assertSame(KnowledgeBase actual, KnowledgeBase expected) {
        assertThat(actual.parts()).isEqualTo(expected.parts());
        assertThat(actual.meta()).isEqualTo(expected.meta());
        assertThat(actual.states().all()).isEqualTo(expected.states().all());
        assertThat(actual.bodies().all()).isEqualTo(expected.bodies().all());
        assertThat(actual.officials().roles().all())
                .isEqualTo(expected.officials().roles().all());
        assertThat(actual.officials().people().all())
                .isEqualTo(expected.officials().people().all());
        assertThat(actual.officials().terms()).isEqualTo(expected.officials().terms());
        assertThat(actual.sessions().cities().all())
                .isEqualTo(expected.sessions().cities().all());
        assertThat(actual.sessions().all()).isEqualTo(expected.sessions().all());
        // the name indexes travel pre-normalized: they must lead every name to the same entry
        assertThat(actual.states().names().keys())
                .isEqualTo(expected.states().names().keys());
        assertThat(actual.bodies().names().keys())
                .isEqualTo(expected.bodies().names().keys());
        assertThat(actual.officials().people().names().keys())
                .isEqualTo(expected.officials().people().names().keys());
        assertThat(actual.officials().roles().names().keys())
                .isEqualTo(expected.officials().roles().names().keys());
        assertThat(actual.sessions().cities().names().keys())
                .isEqualTo(expected.sessions().cities().names().keys());
    }

    static KnowledgeBase yaml(Path dir, Set<KbPart> parts) throws Exception {
        return KbLoader.load(KbFiles.directory(dir), parts);
    }

    @Test
    void theBundledPreParsedKbIsTheBundledYaml() throws Exception {
        Path bin = Path.of("target/classes/" + BuildStep.BUNDLED);
        assertThat(bin).as("the build's process-classes step writes it").exists();
        byte[] data = Files.readAllBytes(bin);
        for (Set<KbPart> parts :
                List.of(EnumSet.of(KbPart.STATES), EnumSet.of(KbPart.OFFICIALS), EnumSet.of(KbPart.SESSIONS), ALL)) {
            KnowledgeBase expected = yaml(Path.of("data"), parts);
            assertSame(KbCodec.decode(data, 0, data.length, parts), expected);
            assertSame(KbStore.withoutCache().load(Optional.empty(), parts, n -> {}), expected);
        }
    }

    @Test
    void everyPartSetOfEveryTestKbRoundTrips() throws Exception {
        for (Path dir : List.of(Path.of("data"), Path.of("src/test/resources/kb/mini"))) {
            for (Set<KbPart> parts : List.of(
                    EnumSet.of(KbPart.STATES),
                    EnumSet.of(KbPart.STATES, KbPart.BODIES),
                    EnumSet.of(KbPart.OFFICIALS),
                    EnumSet.of(KbPart.SESSIONS),
                    ALL)) {
                KnowledgeBase kb = yaml(dir, parts);
                byte[] data = KbCodec.encode(kb);
                assertSame(KbCodec.decode(data, 0, data.length, parts), kb);
            }
        }
    }

    @Test
    void aPartTheEntryDoesNotHoldIsNeverMadeUp() throws Exception {
        byte[] data = KbCodec.encode(yaml(Path.of("data"), EnumSet.of(KbPart.STATES)));
        assertThatThrownBy(() -> KbCodec.decode(data, 0, data.length, EnumSet.of(KbPart.SESSIONS)))
                .isInstanceOf(Corrupt.class)
                .hasMessageContaining("holds [STATES]");
    }

    /** An entry as the cache stores it: the states part of the bundled data, as `cis status` uses it. */
    static byte[] entry(byte[] key) throws Exception {
        return EntryCache.encode(key, yaml(Path.of("data"), EnumSet.of(KbPart.STATES)));
    }

    @Test
    void everySingleByteFlipAndEveryTruncationOfARealEntryIsRefused() throws Exception {
        byte[] key = new Blake2b().update("k").digest();
        byte[] good = entry(key);
        KnowledgeBase expected = EntryCache.decode(good, key, EnumSet.of(KbPart.STATES));
        Random random = new Random(SEED);
        byte[] bad = good.clone();
        for (int i = 0; i < good.length; i++) {
            byte flip = (byte) (1 + random.nextInt(255));
            bad[i] ^= flip;
            int at = i;
            assertThatThrownBy(() -> EntryCache.decode(bad, key, EnumSet.of(KbPart.STATES)))
                    .as("byte %d flipped", at)
                    .isInstanceOf(Corrupt.class);
            bad[i] ^= flip;
        }
        for (int length = 0; length < good.length; length++) {
            byte[] cut = Arrays.copyOf(good, length);
            int at = length;
            assertThatThrownBy(() -> EntryCache.decode(cut, key, EnumSet.of(KbPart.STATES)))
                    .as("cut at %d", at)
                    .isInstanceOf(Corrupt.class);
        }
        assertThat(EntryCache.decode(good, key, EnumSet.of(KbPart.STATES))
                        .states()
                        .all())
                .isEqualTo(expected.states().all());
        assertThatThrownBy(() ->
                        EntryCache.decode(good, new Blake2b().update("other").digest(), EnumSet.of(KbPart.STATES)))
                .isInstanceOf(Corrupt.class)
                .hasMessage("stored under another key");
    }

    /**
     * Past the checksum (as if it had been forged), damaged data still only ever decodes or fails
     * with {@link Corrupt}: no huge allocation, no other exception, no error.
     */
    @Test
    void damagedDataBehindAValidChecksumFailsCleanly() throws Exception {
        byte[] payload = KbCodec.encode(yaml(Path.of("data"), EnumSet.of(KbPart.STATES)));
        Random random = new Random(SEED);
        int decoded = 0;
        for (int round = 0; round < 3000; round++) {
            byte[] bad = payload.clone();
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                int at = random.nextInt(bad.length);
                switch (random.nextInt(3)) {
                    case 0 -> bad[at] ^= (byte) (1 + random.nextInt(255));
                    case 1 -> bad[at] = (byte) 0xff; // a huge or negative count
                    default -> bad[at] = 0x7f;
                }
            }
            try {
                KbCodec.decode(bad, 0, bad.length, EnumSet.of(KbPart.STATES));
                decoded++; // e.g. one letter of a name changed: only the checksum can tell
            } catch (Corrupt expected) {
                // refused
            }
        }
        assertThat(decoded).isLessThan(3000);
    }

    @Test
    void ourBlake2bIsBouncyCastles() {
        Random random = new Random(SEED);
        for (int length : new int[] {0, 1, 3, 127, 128, 129, 255, 256, 257, 1000, 100_000}) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            Blake2bDigest reference = new Blake2bDigest(256);
            reference.update(data, 0, length);
            byte[] expected = new byte[32];
            reference.doFinal(expected, 0);
            assertThat(new Blake2b().update(data).digest())
                    .as("%d bytes", length)
                    .isEqualTo(expected);
            Blake2b pieces = new Blake2b(); // fed in odd-sized pieces
            for (int off = 0; off < length; ) {
                int n = Math.min(length - off, 1 + random.nextInt(300));
                pieces.update(data, off, n);
                off += n;
            }
            assertThat(pieces.digest()).isEqualTo(expected);
        }
    }

    @Test
    void aFilesDigestIsTheSameFromMemoryAndFromDiskAtEveryChunkBoundary(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Random random = new Random(SEED);
        int chunk = ContentDigest.CHUNK;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int length : new int[] {0, 1, chunk - 1, chunk, chunk + 1, 2 * chunk, 3 * chunk + 5}) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            Path file = Files.write(dir.resolve("f" + length), data);
            byte[] fromMemory = ContentDigest.of(data);
            try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(file)) {
                assertThat(ContentDigest.of(in)).as("%d bytes", length).isEqualTo(fromMemory);
            }
            assertThat(seen.add(java.util.HexFormat.of().formatHex(fromMemory))).isTrue();
            if (length > chunk) { // one byte changed in the helper's chunk changes the digest
                data[length - 1] ^= 1;
                assertThat(ContentDigest.of(data)).isNotEqualTo(fromMemory);
            }
        }
    }

    @Test
    void theEntryChecksumIsCrc32cOverEverythingBeforeIt() throws Exception {
        byte[] good = entry(new byte[32]);
        CRC32C crc = new CRC32C();
        crc.update(good, 0, good.length - 4);
        assertThat(new Bytes.In(good, good.length - 4, 4).i32()).isEqualTo((int) crc.getValue());
    }
}
