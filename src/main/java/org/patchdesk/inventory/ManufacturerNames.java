package org.patchdesk.inventory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The comparison key of a manufacturer name or alias: accents removed, lower case, "&" read as
 * "and", punctuation dropped and trailing legal forms (Inc., LLC, GmbH, Corporation, "and Company"
 * and the like) removed, so that "Dräger Medical GmbH" and "Drager Medical" share a key.
 */
public final class ManufacturerNames {

    private static final Set<String> LEGAL_FORMS = Set.of("inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation",
            "co", "company", "gmbh", "ag", "sa", "nv", "bv", "plc", "kg", "kgaa", "se", "lp", "llp", "pty", "srl", "spa", "ab", "as");

    private ManufacturerNames() {
    }

    public static String key(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String words = plain.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^\\p{L}\\p{Nd}]+", " ").trim();
        if (words.isEmpty()) {
            return "";
        }
        List<String> list = new ArrayList<>(Arrays.asList(words.split(" ")));
        while (list.size() > 1 && (LEGAL_FORMS.contains(list.get(list.size() - 1)) || list.get(list.size() - 1).equals("and"))) {
            list.remove(list.size() - 1);
        }
        return String.join(" ", list);
    }

    /** Trims a name as a user or a file wrote it and collapses its inner spaces, keeping its spelling. */
    public static String clean(String name) {
        return name.strip().replaceAll("\\s+", " ");
    }
}
