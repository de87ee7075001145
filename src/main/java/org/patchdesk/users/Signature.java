package org.patchdesk.users;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A stored electronic signature of a record.
 *
 * @param recordType  the signed record's type, as the audit trail names it (such as {@code patch_window})
 * @param recordId    the signed record's id
 * @param userName    the signer's account
 * @param printedName the signer's full name at signing
 * @param signerRoles the labels of the signer's roles at signing, joined by commas
 * @param signedAt    when the signature was made
 * @param comment     the signer's comment, or null
 */
public record Signature(long id, String recordType, long recordId, String userName, String printedName, String signerRoles,
                        Instant signedAt, SignatureMeaning meaning, String comment) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.US);

    /**
     * Returns the signature as records show it, with printed name, date, time and meaning:
     * "Approved by Dana Reyes (Clinical leader) on 2026-12-04 07:00:00 CST: keep two pumps on standby".
     */
    public String describe(ZoneId zone) {
        return meaning.label() + " by " + printedName + " (" + signerRoles + ") on " + WHEN.format(signedAt.atZone(zone))
                + (comment == null ? "" : ": " + comment);
    }
}
