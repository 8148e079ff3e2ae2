package cis.update;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code MANIFEST.sig}: one line per signature, {@code ed25519 KEY-ID BASE64}, each over the
 * manifest's exact bytes (so {@code openssl pkeyutl -verify -rawin} can check one too). A bundle
 * is accepted when a signature by a trusted key verifies; a trusted key whose signature does not
 * verify means the manifest was changed, and the bundle is refused.
 */
final class Signatures {
    static final int MAX_BYTES = 1 << 14;

    private Signatures() {}

    /** A signing key and its public half (whose id names the signature). */
    record Signer(PrivateKey key, PublicKey publicKey) {}

    static byte[] sign(byte[] manifest, List<Signer> signers) throws UpdateException {
        StringBuilder b = new StringBuilder();
        for (Signer s : signers) {
            byte[] sig = Keys.sign(s.key(), manifest);
            if (!Keys.verify(s.publicKey(), manifest, sig)) {
                throw new UpdateException(
                        UpdateException.Kind.USAGE,
                        "the private key and the .pub beside it are not one key pair",
                        "Sign with a KEY.pem whose KEY.pub (written with it by 'cis kb keygen') is beside it.");
            }
            b.append("ed25519 ")
                    .append(Keys.id(s.publicKey()))
                    .append(' ')
                    .append(Base64.getEncoder().encodeToString(sig))
                    .append('\n');
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The trusted key that signed the manifest; why not, when none did. */
    static TrustedKeys.Key verify(byte[] manifest, byte[] signatures, TrustedKeys keys) throws UpdateException {
        List<String> unknown = new ArrayList<>();
        String text = new String(signatures, StandardCharsets.US_ASCII);
        if (text.isBlank()) {
            throw notSigned();
        }
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue; // the last line's end
            }
            String[] f = line.split(" ", -1);
            byte[] sig;
            try {
                if (f.length != 3 || !f[0].equals("ed25519") || !f[1].matches("[0-9a-f]{16}")) {
                    throw new IllegalArgumentException();
                }
                sig = Base64.getDecoder().decode(f[2]);
            } catch (IllegalArgumentException e) {
                throw new UpdateException(
                        UpdateException.Kind.INVALID,
                        "the bundle's MANIFEST.sig is not valid ('ed25519 KEY-ID SIGNATURE' a line)",
                        "The bundle is damaged or was not made by 'cis kb pack'; the knowledge base in use is "
                                + "unchanged.");
            }
            var key = keys.get(f[1]);
            if (key.isEmpty()) {
                unknown.add(f[1]);
                continue;
            }
            if (!Keys.verify(key.get().key(), manifest, sig)) {
                throw new UpdateException(
                        UpdateException.Kind.INVALID,
                        "the bundle's signature by key " + f[1] + " ("
                                + key.get().from()
                                + ") does not match its MANIFEST: the bundle was changed after it was signed",
                        "Do not install it; get the bundle again from its publisher.");
            }
            return key.get();
        }
        throw new UpdateException(
                UpdateException.Kind.INVALID,
                "the bundle is signed by key " + String.join(", ", unknown) + ", which cis does not trust",
                "If you trust its publisher, pass --trust THEIR-KEY.pub, or put the key in "
                        + "~/.config/cis/trusted-keys/.");
    }

    static UpdateException notSigned() {
        return new UpdateException(
                UpdateException.Kind.INVALID,
                "the bundle is not signed",
                "cis installs only signed bundles: sign it with 'cis kb pack DIR --out FILE --sign-key KEY.pem'.");
    }
}
