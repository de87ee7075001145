package org.patchdesk.inventory.ui;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The comparison form of grid text, and the two ways the grid's filters match it. */
final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchText() {
    }

    /** Returns text in lower case without accents, so that "drager" finds "Dräger". */
    static String normalize(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) > 0x7f) {
                return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
            }
        }
        return lower;
    }

    /**
     * True when {@code term} starts a word of {@code text}: it occurs at the start or after a
     * character that is not a letter or digit. So "active" matches "Active" but not "Inactive",
     * and "icu" matches "ICU" but not "NICU". Both arguments are in normalized form.
     */
    static boolean startsAWord(String text, String term) {
        int from = 0;
        while (true) {
            int index = text.indexOf(term, from);
            if (index < 0) {
                return false;
            }
            if (index == 0 || !Character.isLetterOrDigit(text.charAt(index - 1))) {
                return true;
            }
            from = index + 1;
        }
    }
}
