package org.patchdesk.planning.mds2;

/**
 * One question of an MDS2 form with its answer as the manufacturer wrote it. {@code noteRef} is
 * the note number from the "See note" column (null when none), and {@code note} that note's text.
 */
public record Mds2Answer(int rowNumber, String id, String question, String answer, Kind kind, String noteRef, String note) {

    /** The kind of an answer, read from its text. */
    public enum Kind {
        YES, NO, NOT_APPLICABLE, SEE_NOTE, TEXT, EMPTY;

        static Kind of(String answer) {
            String word = answer.strip().toLowerCase(java.util.Locale.ROOT);
            if (word.isEmpty()) {
                return EMPTY;
            }
            return switch (word) {
                case "yes", "y" -> YES;
                case "no", "n" -> NO;
                case "n/a", "na", "not applicable" -> NOT_APPLICABLE;
                case "see note", "see notes" -> SEE_NOTE;
                default -> word.startsWith("see note") ? SEE_NOTE : TEXT;
            };
        }
    }

    public boolean isYes() {
        return kind == Kind.YES;
    }

    public boolean isNo() {
        return kind == Kind.NO;
    }
}
