package org.patchdesk.audit;

import java.util.Locale;

public enum AuditAction {
    CREATE, UPDATE, DELETE, IMPORT, UNDO,
    /** A backup replaced the whole database; recorded as the first entry after the restored chain's head. */
    RESTORE;

    /** Returns the lower-case word stored in the audit trail. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuditAction fromWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
