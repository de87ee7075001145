package org.patchdesk.common;

import java.util.Locale;
import java.util.Optional;

/**
 * Normalizes 48-bit MAC addresses to upper-case colon form ({@code 00:1A:2B:3C:4D:5E}) from the
 * notations found in spreadsheets: colons or hyphens between octets (one or two digits each),
 * Cisco dotted groups of four ({@code 001a.2b3c.4d5e}) and twelve bare hexadecimal digits.
 */
public final class MacAddresses {

    private MacAddresses() {
    }

    /** Returns the normalized address, or empty when {@code text} is not a MAC address. */
    public static Optional<String> normalize(String text) {
        String value = text.trim().toUpperCase(Locale.ROOT);
        String hex;
        if (value.matches("[0-9A-F]{12}")) {
            hex = value;
        } else if (value.matches("[0-9A-F]{4}\\.[0-9A-F]{4}\\.[0-9A-F]{4}")) {
            hex = value.replace(".", "");
        } else if (value.matches("[0-9A-F]{1,2}([:-][0-9A-F]{1,2}){5}")) {
            String[] octets = value.split("[:-]");
            if (value.contains(":") && value.contains("-")) {
                return Optional.empty();
            }
            StringBuilder joined = new StringBuilder(12);
            for (String octet : octets) {
                joined.append(octet.length() == 1 ? "0" + octet : octet);
            }
            hex = joined.toString();
        } else {
            return Optional.empty();
        }
        StringBuilder result = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                result.append(':');
            }
            result.append(hex, i, i + 2);
        }
        return Optional.of(result.toString());
    }
}
