package org.patchdesk.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Computes an audit entry's SHA-256 hash over the previous entry's hash and every stored field
 * except the id, in a fixed order. Each field is written as a marker byte (0 for null, 1 for a
 * value) followed by the value's UTF-8 length as four bytes and its bytes, so that no two different
 * entries serialize alike. The time is written as epoch seconds and nanoseconds, which read back
 * unchanged because entries are stored with microseconds. Not thread-safe: use one instance per
 * thread.
 */
final class AuditHasher {

    /** The hash the first entry of a chain links to. */
    static final String GENESIS = "0".repeat(64);

    private static final byte[] FORMAT = "patchdesk-audit-entry-v1".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest digest;

    AuditHasher() {
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    /** Returns the lower-case hex hash of an entry as stored, linked to {@code previousHash}. */
    String hash(String previousHash, Instant occurredAt, String actor, String action, String recordType, Long recordId,
                String recordLabel, Long batchId, String oldValuesJson, String newValuesJson, String summary) {
        digest.reset();
        digest.update(FORMAT);
        field(previousHash);
        field(occurredAt.getEpochSecond() + "." + occurredAt.getNano());
        field(actor);
        field(action);
        field(recordType);
        field(recordId == null ? null : recordId.toString());
        field(recordLabel);
        field(batchId == null ? null : batchId.toString());
        field(oldValuesJson);
        field(newValuesJson);
        field(summary);
        return HEX.formatHex(digest.digest());
    }

    private void field(String value) {
        if (value == null) {
            digest.update((byte) 0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) 1);
        digest.update((byte) (bytes.length >>> 24));
        digest.update((byte) (bytes.length >>> 16));
        digest.update((byte) (bytes.length >>> 8));
        digest.update((byte) bytes.length);
        digest.update(bytes);
    }
}
