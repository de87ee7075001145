package org.patchdesk.users;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes passwords with PBKDF2-HMAC-SHA256 from the JDK: a random 16-byte salt per password, a
 * 256-bit derived key, and {@value #DEFAULT_ITERATIONS} iterations by default, the count the OWASP
 * Password Storage Cheat Sheet (2023) gives for PBKDF2-HMAC-SHA256. Each hash stores its own
 * iteration count, so raising the default later still verifies older hashes.
 */
public final class PasswordHasher {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    public static final int DEFAULT_ITERATIONS = 600_000;
    static final int SALT_BYTES = 16;
    static final int KEY_BITS = 256;

    /** A stored password hash; salt and hash are Base64. */
    public record PasswordHash(String algorithm, int iterations, String salt, String hash) {
    }

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    /** Creates a hasher that makes new hashes with {@code iterations}; verifying uses each hash's own count. */
    public PasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("PBKDF2 needs at least one iteration, not " + iterations);
        }
        this.iterations = iterations;
    }

    public int iterations() {
        return iterations;
    }

    /** Hashes a password with a new random salt. */
    public PasswordHash hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] key = derive(ALGORITHM, password, salt, iterations);
        return new PasswordHash(ALGORITHM, iterations, Base64.getEncoder().encodeToString(salt), Base64.getEncoder().encodeToString(key));
    }

    /** Returns true when {@code password} gives the stored hash; the comparison takes the same time wherever the bytes differ. */
    public boolean verify(char[] password, PasswordHash stored) {
        byte[] salt = Base64.getDecoder().decode(stored.salt());
        byte[] expected = Base64.getDecoder().decode(stored.hash());
        byte[] actual = derive(stored.algorithm(), password, salt, stored.iterations());
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String algorithm, char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot compute " + algorithm, e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Overwrites a password in memory once it is no longer needed. */
    public static void clear(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
