package cis.update;

import cis.model.KbException;
import cis.store.KbStore;
import cis.store.Trust;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** What a maintainer does to publish a KB: make a signing key pair, and pack a KB directory into a signed bundle. */
public final class Publishing {
    private Publishing() {}

    /** A key pair written: its id and its two files. */
    public record KeyFiles(String id, Path privateKey, Path publicKey) {}

    /**
     * Writes a new Ed25519 key pair: {@code NAME.pem} (PKCS#8, mode 0600) and {@code NAME.pub}
     * (X.509). Never overwrites a file.
     */
    public static KeyFiles keygen(Path name) throws UpdateException {
        String base = name.getFileName() == null ? "" : name.getFileName().toString();
        base = base.endsWith(".pem") || base.endsWith(".pub") ? base.substring(0, base.length() - 4) : base;
        if (base.isEmpty()) {
            throw new UpdateException(UpdateException.Kind.USAGE, "--out needs a file name", "e.g. --out cis-kb");
        }
        Path dir = name.toAbsolutePath().getParent();
        Path pem = dir.resolve(base + ".pem");
        Path pub = dir.resolve(base + ".pub");
        for (Path p : List.of(pem, pub)) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new UpdateException(
                        UpdateException.Kind.USAGE,
                        p + " exists already; keygen never overwrites a key",
                        "Choose another --out NAME.");
            }
        }
        KeyPair pair = Keys.generate();
        try {
            // a directory for keys (--out ~/keys/our-kb) is made as it is named, private to the user
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            create(pem, Keys.privatePem(pair.getPrivate()), "rw-------");
            create(pub, Keys.publicPem(pair.getPublic()), "rw-r--r--");
        } catch (FileAlreadyExistsException e) {
            throw new UpdateException(
                    UpdateException.Kind.USAGE, e.getFile() + " exists already; keygen never overwrites a key", null);
        } catch (IOException e) {
            throw new UpdateException(
                    UpdateException.Kind.LOCAL,
                    "cannot write the key pair in " + dir + ": " + TrustedKeys.message(e),
                    "Choose an --out NAME in a directory you can write.",
                    e);
        }
        return new KeyFiles(Keys.id(pair.getPublic()), pem, pub);
    }

    private static void create(Path p, String text, String mode) throws IOException {
        try (FileChannel ch = FileChannel.open(
                p,
                Set.<OpenOption>of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)))) {
            ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }

    /** A bundle written: its manifest, where, how large, and the ids of the keys that signed it. */
    public record Packed(Manifest manifest, Path out, long bytes, List<String> signedBy) {
        public Packed {
            signedBy = List.copyOf(signedBy);
        }
    }

    /**
     * Packs the KB in {@code dir} (checked first by the loader {@code cis validate} runs: an invalid
     * KB is a {@link KbException} with every problem) into a bundle at {@code out}, signed with each
     * key; each {@code KEY.pem} needs its {@code KEY.pub} beside it.
     */
    public static Packed pack(KbStore store, Path dir, Path out, List<Path> signKeys, Consumer<String> warnings)
            throws UpdateException, KbException {
        if (Files.isDirectory(out)) {
            throw new UpdateException(
                    UpdateException.Kind.USAGE, out + " is a directory", "Give --out a file name, e.g. cis-kb.tar.gz.");
        }
        List<Signatures.Signer> signers = new ArrayList<>();
        for (Path key : signKeys) {
            signers.add(signer(key, warnings));
        }
        KbStore.Parsed parsed = store.parseWithFiles(dir);
        List<Manifest.Entry> entries = new ArrayList<>();
        for (String name : Manifest.fileNames()) {
            byte[] bytes = parsed.files().get(name);
            entries.add(new Manifest.Entry(name, bytes.length, sha256(bytes)));
        }
        Manifest m;
        try {
            m = new Manifest(
                    parsed.kb().meta().version(),
                    parsed.kb().meta().reviewed(),
                    parsed.kb().meta().sourcesUpTo(),
                    entries);
        } catch (IllegalArgumentException e) {
            throw new UpdateException(UpdateException.Kind.INVALID, "cannot pack " + dir + ": " + e.getMessage(), null);
        }
        byte[] manifestBytes = m.bytes();
        byte[] signatures = Signatures.sign(manifestBytes, signers);
        Map<String, byte[]> files = parsed.files();
        try {
            byte[] bundle = Bundle.write(m, manifestBytes, signatures, files);
            Path target = out.toAbsolutePath();
            Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-"
                    + ProcessHandle.current().pid());
            try {
                Files.write(temp, bundle);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            return new Packed(
                    m,
                    out,
                    bundle.length,
                    signers.stream().map(s -> Keys.id(s.publicKey())).toList());
        } catch (IOException e) {
            throw new UpdateException(
                    UpdateException.Kind.LOCAL, "cannot write " + out + ": " + e.getMessage(), null, e);
        }
    }

    private static Signatures.Signer signer(Path pem, Consumer<String> warnings) throws UpdateException {
        String name = pem.getFileName() == null ? "" : pem.getFileName().toString();
        Path pub = pem.resolveSibling((name.endsWith(".pem") ? name.substring(0, name.length() - 4) : name) + ".pub");
        PrivateKey key = Keys.readPrivate(read(pem, "--sign-key"), pem.toString());
        PublicKey publicKey = Keys.readPublic(read(pub, "the public key beside --sign-key"), pub.toString());
        try {
            java.util.Optional<String> why = Trust.file(pem);
            if (why.isEmpty()) {
                int mode = (Integer) Files.getAttribute(pem, "unix:mode", LinkOption.NOFOLLOW_LINKS);
                if ((mode & 077) != 0) {
                    warnings.accept(pem + " can be read by others (mode " + Integer.toOctalString(mode & 07777)
                            + "): keep a signing key private (chmod 600)");
                }
            }
        } catch (IOException | RuntimeException e) {
            // a warning only: the key is read
        }
        return new Signatures.Signer(key, publicKey);
    }

    private static String read(Path p, String what) throws UpdateException {
        try {
            if (Files.size(p) > 1 << 16) {
                throw new IOException("too large for a key");
            }
            return Files.readString(p, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UpdateException(
                    UpdateException.Kind.USAGE,
                    "cannot read " + what + " " + p + " (" + TrustedKeys.message(e) + ")",
                    "Sign with a KEY.pem written by 'cis kb keygen', its KEY.pub beside it.");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
