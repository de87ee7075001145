package org.patchdesk.inventory;

import java.util.Locale;

/** The comparison key of a model name: lower case letters and digits only, so "PCU-8015" and "pcu 8015" match. */
public final class ModelNames {

    private ModelNames() {
    }

    public static String key(String model) {
        return model.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}]+", "");
    }
}
