package org.patchdesk.users;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;

/**
 * Electronic signatures of records: the signer enters their password again, chooses the meaning
 * (reviewed, approved, rejected) and may add a comment. A signature stores the signer's printed
 * name and roles as they were at signing, and the date and time. It is recorded in the audit
 * trail under the signer, in the same transaction as the signature.
 */
public final class SignatureService {

    public static final String RECORD_TYPE = "electronic_signature";
    static final int COMMENT_LENGTH = 2000;

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final PasswordHasher hasher;
    private final Clock clock;

    public SignatureService(Jdbi jdbi, AuditLog auditLog, PasswordHasher hasher, Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Signs a record in a transaction of its own; see {@link #sign(Handle, String, long, String, char[], SignatureMeaning, String, Role...)}. */
    public Signature sign(String recordType, long recordId, String userName, char[] password, SignatureMeaning meaning, String comment,
                          Role... requiredRoles) {
        return jdbi.inTransaction(handle -> sign(handle, recordType, recordId, userName, password, meaning, comment, requiredRoles));
    }

    /**
     * Signs a record inside the caller's transaction, so that the signature is stored together with
     * the change it approves, or not at all.
     *
     * @param recordType    the signed record's type, as the audit trail names it
     * @param userName      the signer's user name, ignoring case
     * @param password      the signer's password, entered again for this signature; the array is left as it is
     * @param comment       optional
     * @param requiredRoles when not empty, the signer needs one of these roles
     * @throws AuthenticationException  when the account does not exist, is deactivated, or the password does not match
     * @throws IllegalStateException    when the signer lacks the required role, or has the auditor role only
     * @throws IllegalArgumentException when the meaning is missing or the comment is too long
     */
    public Signature sign(Handle handle, String recordType, long recordId, String userName, char[] password, SignatureMeaning meaning,
                          String comment, Role... requiredRoles) {
        if (meaning == null) {
            throw new IllegalArgumentException("Choose what the signature means: reviewed, approved or rejected");
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.length() > COMMENT_LENGTH) {
            throw new IllegalArgumentException("The comment of a signature is longer than " + COMMENT_LENGTH + " characters");
        }
        if (userName == null || userName.isBlank()) {
            throw new AuthenticationException("Enter the user name of the signer");
        }
        if (password == null || password.length == 0) {
            throw new AuthenticationException("Enter the password of " + userName.strip() + " to sign");
        }
        User signer = UserService.authenticate(handle, userName, password, hasher);
        if (requiredRoles.length > 0) {
            UserService.requireRole(handle, new Actor(signer.userName()), requiredRoles);
        }
        if (signer.isReadOnly()) {
            throw new IllegalStateException("User " + signer.userName() + " has the role " + Role.AUDITOR.label()
                    + " only and cannot sign records");
        }

        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String roles = Role.labels(signer.roles());
        long id = handle.attach(UserDao.class).insertSignature(recordType, recordId, signer.id(), signer.userName(), signer.fullName(),
                roles, now, meaning.word(), note);

        Map<String, String> values = new LinkedHashMap<>();
        values.put("record_type", recordType);
        values.put("record_id", Long.toString(recordId));
        values.put("meaning", meaning.word());
        values.put("printed_name", signer.fullName());
        values.put("signer_roles", roles);
        values.put("signed_at", now.toInstant().toString());
        values.put("comment", note == null ? "" : note);
        auditLog.append(handle, new AuditEntry(null, now.toInstant(), signer.userName(), AuditAction.CREATE, RECORD_TYPE, id,
                recordType + " " + recordId, null, null, values, meaning.label() + " " + recordType + " " + recordId + ", signed by "
                + signer.fullName() + " (" + roles + ")"));
        return new Signature(id, recordType, recordId, signer.userName(), signer.fullName(), roles, now.toInstant(), meaning, note);
    }

    /** Lists the signatures of a record, oldest first. */
    public List<Signature> signaturesOf(String recordType, long recordId) {
        return jdbi.withHandle(handle -> signaturesOf(handle, recordType, recordId));
    }

    public List<Signature> signaturesOf(Handle handle, String recordType, long recordId) {
        return handle.attach(UserDao.class).signaturesOf(recordType, recordId).stream()
                .map(row -> new Signature(row.id(), row.recordType(), row.recordId(), row.userName(), row.printedName(), row.signerRoles(),
                        row.signedAt().toInstant(), SignatureMeaning.fromWord(row.meaning()), row.comment()))
                .toList();
    }

    /** Returns true once user accounts exist, from when approvals are recorded as signatures. */
    public boolean signaturesRequired() {
        return jdbi.withHandle(this::signaturesRequired);
    }

    public boolean signaturesRequired(Handle handle) {
        return handle.attach(UserDao.class).count() > 0;
    }
}
