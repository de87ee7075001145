package org.patchdesk.demo;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Hands out unique IPv4 and MAC addresses for one demo inventory. IP addresses count up inside the
 * department's VLAN blocks (see {@link Department}), with small gaps as real address plans have. MAC
 * addresses count up from a random start inside each OUI's 24-bit range.
 */
final class NetworkAddresses {

    /** The spellings of MAC addresses found in CMMS data, all of which PatchDesk's importer accepts. */
    enum MacNotation {
        COLON_LOWER, COLON_UPPER, HYPHEN_UPPER, CISCO_DOTTED, BARE_UPPER
    }

    static final WeightedChoice<MacNotation> NOTATIONS = new WeightedChoice<>(
            List.of(MacNotation.COLON_LOWER, MacNotation.COLON_UPPER, MacNotation.HYPHEN_UPPER, MacNotation.CISCO_DOTTED,
                    MacNotation.BARE_UPPER),
            new int[] {35, 10, 25, 15, 15});

    private static final int BLOCKS_PER_VLAN = 4;
    /** Last octets 10 to 249 are handed out, so lower ones stay free for gateways and network gear. */
    private static final int FIRST_HOST_OCTET = 10;
    private static final int HOSTS_PER_THIRD_OCTET = 240;
    private static final int HOSTS_PER_BLOCK = 256 * HOSTS_PER_THIRD_OCTET;
    private static final long NIC_LIMIT = 0xFF_FFFFL;

    private final SplittableRandom random;
    private final Map<Department, Integer> nextHost = new EnumMap<>(Department.class);
    private final Map<String, Long> nextNic = new HashMap<>();

    NetworkAddresses(SplittableRandom random) {
        this.random = random;
    }

    /** Returns the next free address in the department's VLAN, such as 10.110.0.17. */
    String nextIp(Department department) {
        int host = nextHost.getOrDefault(department, 0) + random.nextInt(1, 4);
        nextHost.put(department, host);
        int block = host / HOSTS_PER_BLOCK;
        if (block >= BLOCKS_PER_VLAN) {
            throw new IllegalStateException("VLAN " + department.vlan + " has no free IP addresses left");
        }
        int withinBlock = host % HOSTS_PER_BLOCK;
        return "10." + (department.vlan + block) + "." + withinBlock / HOSTS_PER_THIRD_OCTET + "."
                + (FIRST_HOST_OCTET + withinBlock % HOSTS_PER_THIRD_OCTET);
    }

    /** Returns the next unused MAC address with the OUI {@code oui} (written {@code 00:09:FB}), as 48 bits. */
    long nextMac(String oui) {
        Long previous = nextNic.get(oui);
        long nic = previous == null ? random.nextLong(0x80_0000L) : previous + random.nextLong(1, 5);
        if (nic > NIC_LIMIT) {
            throw new IllegalStateException("OUI " + oui + " has no unused MAC addresses left");
        }
        nextNic.put(oui, nic);
        return Long.parseLong(oui.replace(":", ""), 16) << 24 | nic;
    }

    static String formatMac(long mac, MacNotation notation) {
        String hex = String.format(Locale.ROOT, "%012x", mac);
        return switch (notation) {
            case COLON_LOWER -> joinOctets(hex, ':');
            case COLON_UPPER -> joinOctets(hex, ':').toUpperCase(Locale.ROOT);
            case HYPHEN_UPPER -> joinOctets(hex, '-').toUpperCase(Locale.ROOT);
            case CISCO_DOTTED -> hex.substring(0, 4) + "." + hex.substring(4, 8) + "." + hex.substring(8);
            case BARE_UPPER -> hex.toUpperCase(Locale.ROOT);
        };
    }

    private static String joinOctets(String hex, char separator) {
        StringBuilder text = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                text.append(separator);
            }
            text.append(hex, i, i + 2);
        }
        return text.toString();
    }
}
