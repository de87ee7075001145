package org.patchdesk.intel;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders the revisions of a CSAF advisory. CISA marks an update with a trailing letter
 * (ICSMA-17-250-02A updates ICSMA-17-250-02) and counts tracking versions. A revision is newer
 * when its update letter is later, else when its tracking version is higher, else when its current
 * release date is later.
 */
public final class AdvisoryRevisions {

    private static final Pattern UPDATE_LETTER = Pattern.compile("(.*\\d)([A-Z])");

    private AdvisoryRevisions() {
    }

    /** Returns the tracking id without its update letter, in upper case. */
    public static String baseId(String trackingId) {
        String id = trackingId.strip().toUpperCase(Locale.ROOT);
        Matcher matcher = UPDATE_LETTER.matcher(id);
        return matcher.matches() ? matcher.group(1) : id;
    }

    /** Returns the update letter's place in the alphabet (A is 1), or 0 for the original advisory. */
    static int updateLetter(String trackingId) {
        Matcher matcher = UPDATE_LETTER.matcher(trackingId.strip().toUpperCase(Locale.ROOT));
        return matcher.matches() ? matcher.group(2).charAt(0) - 'A' + 1 : 0;
    }

    /** Compares two revisions: negative when the first is older, zero when they are the same revision. */
    public static int compare(String trackingIdA, String versionA, OffsetDateTime dateA, String trackingIdB, String versionB,
                              OffsetDateTime dateB) {
        int letters = Integer.compare(updateLetter(trackingIdA), updateLetter(trackingIdB));
        if (letters != 0) {
            return letters;
        }
        int versions = compareVersions(versionA, versionB);
        if (versions != 0) {
            return versions;
        }
        if (dateA == null || dateB == null) {
            return 0;
        }
        return dateA.compareTo(dateB);
    }

    /** Compares tracking versions such as "2" and "10" or "1.0.1" part by part, numbers as numbers. */
    static int compareVersions(String a, String b) {
        String[] partsA = a.strip().split("\\.");
        String[] partsB = b.strip().split("\\.");
        for (int i = 0; i < Math.max(partsA.length, partsB.length); i++) {
            String partA = i < partsA.length ? partsA[i] : "0";
            String partB = i < partsB.length ? partsB[i] : "0";
            int result;
            if (partA.matches("\\d+") && partB.matches("\\d+")) {
                result = new java.math.BigInteger(partA).compareTo(new java.math.BigInteger(partB));
            } else {
                result = partA.compareToIgnoreCase(partB);
            }
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }
}
