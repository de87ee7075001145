package org.patchdesk.backup;

import java.util.Arrays;
import java.util.Locale;

/**
 * The reason a backup was made. Daily, before-import and before-migration backups are pruned to the number
 * the settings keep; manual and before-restore backups are never pruned.
 */
public enum BackupReason {
    DAILY("daily", "daily backup", true),
    BEFORE_IMPORT("before-import", "before an import", true),
    // Never pruned, because it keeps the audit entries that the restore took out of the live trail.
    BEFORE_RESTORE("before-restore", "before a restore", false),
    BEFORE_MIGRATION("before-migration", "before a schema update", true),
    MANUAL("manual", "made by hand", false);

    private final String word;
    private final String label;
    private final boolean prunable;

    BackupReason(String word, String label, boolean prunable) {
        this.word = word;
        this.label = label;
        this.prunable = prunable;
    }

    /** Returns the word stored in the manifest and file name, such as "before-import". */
    public String word() {
        return word;
    }

    /** Returns the reason as a list shows it, such as "before an import". */
    public String label() {
        return label;
    }

    /** Returns whether pruning may delete such backups, keeping the newest ones the settings name. */
    public boolean prunable() {
        return prunable;
    }

    /**
     * Returns the reason stored as {@code word}.
     *
     * @throws IllegalArgumentException when no reason has that word
     */
    public static BackupReason fromWord(String word) {
        String clean = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(reason -> reason.word.equals(clean)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown backup reason '" + word + "'"));
    }
}
