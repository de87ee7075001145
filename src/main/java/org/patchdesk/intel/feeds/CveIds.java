package org.patchdesk.intel.feeds;

import java.util.Locale;

/** Normalizes and checks CVE ids of the form CVE-YYYY-NNNN, with four or more digits after the year. */
public final class CveIds {

    private CveIds() {
    }

    /**
     * Returns the id trimmed, in upper case and without inner spaces ("cve-2021-44228 " becomes "CVE-2021-44228"),
     * or null when the result is not of the form CVE-YYYY-NNNN.
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        if (isWellFormed(raw)) {
            return raw;
        }
        StringBuilder id = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                id.append(c);
            }
        }
        String normalized = id.toString().toUpperCase(Locale.ROOT);
        return isWellFormed(normalized) ? normalized : null;
    }

    /** Returns the message for a value that is not a CVE id. */
    public static String invalid(String raw) {
        return "'" + raw + "' is not a CVE id (expected the form CVE-2021-44228)";
    }

    /** Checks the form CVE-\d{4}-\d{4,} by hand, to avoid a regular expression match on each row of large files. */
    static boolean isWellFormed(String id) {
        int length = id.length();
        if (length < 13 || !id.startsWith("CVE-") || id.charAt(8) != '-') {
            return false;
        }
        return allDigits(id, 4, 8) && allDigits(id, 9, length);
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
