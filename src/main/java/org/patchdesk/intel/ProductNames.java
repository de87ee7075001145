package org.patchdesk.intel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.patchdesk.inventory.ManufacturerNames;
import org.patchdesk.inventory.ModelNames;

/**
 * The comparison forms of the vendor and product names that advisories and CVE records use. A
 * vendor key is the manufacturer key, so vendors match manufacturers through the alias list. A
 * product key is the name in lower case with single spaces between words.
 */
public final class ProductNames {

    /** Words that name a kind of device or a part of a name rather than a model, so they do not make two products alike. */
    private static final Set<String> GENERIC_WORDS = Set.of("system", "systems", "patient", "monitor", "monitors", "pump", "pumps",
            "infusion", "unit", "model", "series", "device", "devices", "software", "version", "versions", "firmware", "module",
            "the", "of", "and", "with", "for", "wireless", "syringe", "ventilation", "ventilator", "station", "server", "client",
            "application", "mobile", "ios", "android", "medical", "healthcare", "vital", "signs", "all", "portal", "point", "care",
            "manager", "editor", "services", "service", "data", "network", "connect", "icu", "ccu");

    private ProductNames() {
    }

    public static String vendorKey(String vendor) {
        String key = ManufacturerNames.key(vendor);
        return key.isEmpty() ? vendor.strip().toLowerCase(Locale.ROOT) : key;
    }

    public static String productKey(String product) {
        return product.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}]+", " ").strip();
    }

    /** Returns the product name's letters and digits only, as {@link ModelNames#key} forms a model. */
    public static String compactKey(String product) {
        return ModelNames.key(product);
    }

    /** Returns the words of a name in lower case and in order, without punctuation. */
    static List<String> wordList(String name) {
        List<String> words = new ArrayList<>();
        for (String word : name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** Returns the distinct words of a name in lower case, without punctuation. */
    static Set<String> words(String name) {
        return new LinkedHashSet<>(wordList(name));
    }

    /** Returns true for a word that distinguishes models: it contains a digit, or it has four letters or more and is not a generic word. */
    static boolean isDistinctive(String word) {
        if (GENERIC_WORDS.contains(word)) {
            return false;
        }
        return word.chars().anyMatch(Character::isDigit) || word.length() >= 4;
    }
}
