package cis.update;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys (the JDK's own, no library) in the PEM files OpenSSL reads and writes: a PKCS#8
 * private key ({@code -----BEGIN PRIVATE KEY-----}) and an X.509 public key ({@code -----BEGIN
 * PUBLIC KEY-----}). A key is known by its id: the first 16 hex digits of the SHA-256 of its
 * public key's X.509 form.
 */
public final class Keys {
    static final String ALGORITHM = "Ed25519";
    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private Keys() {}

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no Ed25519", e);
        }
    }

    public static String privatePem(PrivateKey key) {
        return pem(PRIVATE, key.getEncoded());
    }

    public static String publicPem(PublicKey key) {
        return pem(PUBLIC, key.getEncoded());
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** A public key from PEM text; {@code what} names the file in the message when it is not one. */
    public static PublicKey readPublic(String pem, String what) throws UpdateException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(pem, PUBLIC, what)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw notAKey(what, "an Ed25519 public key");
        }
    }

    /** A private key from PEM text. */
    public static PrivateKey readPrivate(String pem, String what) throws UpdateException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(pem, PRIVATE, what)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw notAKey(what, "an Ed25519 private key");
        }
    }

    private static byte[] der(String pem, String label, String what) throws UpdateException {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw notAKey(what, label.equals(PUBLIC) ? "an Ed25519 public key" : "an Ed25519 private key");
        }
        return Base64.getMimeDecoder()
                .decode(pem.substring(from + begin.length(), to).strip());
    }

    private static UpdateException notAKey(String what, String expected) {
        return new UpdateException(
                UpdateException.Kind.USAGE,
                what + " is not " + expected,
                "Keys are PEM files written by 'cis kb keygen' (or openssl genpkey -algorithm ed25519): NAME.pub "
                        + "(-----BEGIN PUBLIC KEY-----) to trust, NAME.pem (-----BEGIN PRIVATE KEY-----) to sign.");
    }

    /** The key's id: 16 hex digits of the SHA-256 of its X.509 form. */
    public static String id(PublicKey key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sign(PrivateKey key, byte[] data) throws UpdateException {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new UpdateException(UpdateException.Kind.USAGE, "cannot sign with this key: " + e.getMessage(), null);
        }
    }

    static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
