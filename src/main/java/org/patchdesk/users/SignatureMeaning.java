package org.patchdesk.users;

import java.util.Locale;

/** What the signer means by an electronic signature. */
public enum SignatureMeaning {
    REVIEWED, APPROVED, REJECTED;

    /** Returns the lower-case word stored with the signature. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the word as shown beside a signature: Reviewed, Approved or Rejected. */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    public static SignatureMeaning fromWord(String word) {
        return valueOf(word.strip().toUpperCase(Locale.ROOT));
    }
}
