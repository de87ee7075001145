package org.patchdesk.backup;

import java.util.Arrays;
import java.util.Locale;

/** Why a backup was made. Automatic backups are pruned to the number the settings keep; manual ones are never pruned. */
public enum BackupReason {
    DAILY("daily", "daily backup", true),
    BEFORE_IMPORT("before-import", "before an import", true),
    BEFORE_RESTORE("before-restore", "before a restore", true),
    BEFORE_MIGRATION("before-migration", "before a schema update", true),
    MANUAL("manual", "made by hand", false);

    private final String word;
    private final String label;
    private final boolean automatic;

    BackupReason(String word, String label, boolean automatic) {
        this.word = word;
        this.label = label;
        this.automatic = automatic;
    }

    /** Returns the word stored in the manifest and file name, such as "before-import". */
    public String word() {
        return word;
    }

    /** Returns the reason as a list shows it, such as "before an import". */
    public String label() {
        return label;
    }

    /** Returns whether PatchDesk makes such backups by itself, so that pruning may delete them. */
    public boolean automatic() {
        return automatic;
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
