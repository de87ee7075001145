package org.patchdesk.patchlog;

import java.time.Instant;
import java.util.Locale;

import org.patchdesk.users.Signature;

/**
 * A recorded decision to deploy, defer or reject an update for a device or a product, with the
 * person who approved it, their role and the rationale. {@code assetTag} or {@code product} names
 * what it applies to; the ids are null once that record was deleted or when the decision was not
 * for it.
 *
 * <p>A decision recorded once PatchDesk has user accounts is the approver's electronic
 * {@code signature} with the meaning approved: the approver name and role are then the signer's
 * printed name and roles at signing, {@code decidedAt} is the signing time and the rationale is
 * the signature's comment. {@code signature} is null for a decision whose approver was typed.
 */
public record PatchDecision(long id, Long deviceId, String assetTag, Long productId, String product, String update, Choice decision,
                            String approverName, String approverRole, String rationale, Instant decidedAt, String recordedBy,
                            Instant recordedAt, Signature signature) {

    /** Returns true when the decision is an electronic signature. */
    public boolean signed() {
        return signature != null;
    }

    /** What was decided for the update. */
    public enum Choice {
        DEPLOY, DEFER, REJECT;

        /** Returns the word stored and shown: deploy, defer or reject. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Choice parse(String text) {
            String key = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
            for (Choice choice : values()) {
                if (choice.name().equals(key)) {
                    return choice;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not a patch decision; use deploy, defer or reject");
        }
    }

    /** Returns what the decision applies to, as the decisions list shows it: the asset tag, the product, or both. */
    public String subject() {
        if (assetTag != null && product != null) {
            return assetTag + " (" + product + ")";
        }
        return assetTag != null ? assetTag : product;
    }
}
