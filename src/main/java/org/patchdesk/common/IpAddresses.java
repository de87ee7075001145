package org.patchdesk.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Validates IPv4 and IPv6 address literals without any name lookup and returns them in a
 * canonical form: IPv4 as four decimal octets, IPv6 in the RFC 5952 form (lower case, longest run
 * of zero groups compressed). IPv4 octets with leading zeros, which spreadsheets pad for sorting
 * ({@code 010.040.001.003}), are read as decimal. A prefix length ({@code /24}) is dropped.
 */
public final class IpAddresses {

    private IpAddresses() {
    }

    public static Optional<String> normalize(String text) {
        String value = text.trim();
        int slash = value.indexOf('/');
        if (slash > 0 && value.substring(slash + 1).matches("\\d{1,3}")) {
            value = value.substring(0, slash);
        }
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.indexOf(':') >= 0) {
            return normalizeIpv6(value);
        }
        int[] octets = parseIpv4(value);
        return octets == null ? Optional.empty() : Optional.of(formatIpv4(octets));
    }

    private static int[] parseIpv4(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return null;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return null;
            }
            octets[i] = octet;
        }
        return octets;
    }

    private static String formatIpv4(int[] octets) {
        return octets[0] + "." + octets[1] + "." + octets[2] + "." + octets[3];
    }

    private static Optional<String> normalizeIpv6(String text) {
        String value = text;
        String zone = "";
        int percent = value.indexOf('%');
        if (percent >= 0) {
            zone = value.substring(percent);
            value = value.substring(0, percent);
            if (zone.length() < 2 || !zone.substring(1).matches("[0-9A-Za-z._-]+")) {
                return Optional.empty();
            }
        }
        int[] groups = parseIpv6Groups(value);
        if (groups == null) {
            return Optional.empty();
        }
        return Optional.of(formatIpv6(groups) + zone);
    }

    private static int[] parseIpv6Groups(String value) {
        int doubleColon = value.indexOf("::");
        if (doubleColon >= 0 && value.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        String head = doubleColon >= 0 ? value.substring(0, doubleColon) : value;
        String tail = doubleColon >= 0 ? value.substring(doubleColon + 2) : "";
        int[] headGroups = parseGroupList(head, doubleColon < 0);
        int[] tailGroups = doubleColon >= 0 ? parseGroupList(tail, true) : new int[0];
        if (headGroups == null || tailGroups == null) {
            return null;
        }
        int count = headGroups.length + tailGroups.length;
        if (doubleColon < 0 ? count != 8 : count > 7) {
            return null;
        }
        int[] groups = new int[8];
        System.arraycopy(headGroups, 0, groups, 0, headGroups.length);
        System.arraycopy(tailGroups, 0, groups, 8 - tailGroups.length, tailGroups.length);
        return groups;
    }

    /** Parses colon-separated hexadecimal groups; the last part may be an embedded IPv4 address when allowed. */
    private static int[] parseGroupList(String list, boolean ipv4TailAllowed) {
        if (list.isEmpty()) {
            return new int[0];
        }
        String[] parts = list.split(":", -1);
        int[] result = new int[parts.length + 1];
        int count = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (last && ipv4TailAllowed && part.indexOf('.') >= 0) {
                int[] octets = parseIpv4(part);
                if (octets == null) {
                    return null;
                }
                result[count++] = octets[0] << 8 | octets[1];
                result[count++] = octets[2] << 8 | octets[3];
                continue;
            }
            if (part.isEmpty() || part.length() > 4 || !part.matches("[0-9A-Fa-f]+")) {
                return null;
            }
            result[count++] = Integer.parseInt(part, 16);
        }
        return Arrays.copyOf(result, count);
    }

    private static String formatIpv6(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
            i += length;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]).toLowerCase(Locale.ROOT));
        }
        return text.toString();
    }
}
