package org.patchdesk.intel;

import java.util.Locale;
import java.util.Optional;

/**
 * The operating-system families that sources name as products (KEV lists "Microsoft Windows" and
 * "Linux Kernel" entries) and that devices run, as the inventory's Operating System field
 * spells them.
 */
public final class OperatingSystems {

    public enum Family {
        WINDOWS("Microsoft", "Windows"),
        LINUX("Linux", "Kernel"),
        VXWORKS("Wind River", "VxWorks");

        private final String vendor;
        private final String product;

        Family(String vendor, String product) {
            this.vendor = vendor;
            this.product = product;
        }

        public String vendor() {
            return vendor;
        }

        public String product() {
            return product;
        }

        /** Returns the family's name, such as "Microsoft Windows". */
        public String title() {
            return vendor + " " + product;
        }
    }

    private OperatingSystems() {
    }

    /** Returns the family of a device's operating system name, such as WINDOWS for "Windows 7" or "Windows Embedded Standard 7". */
    public static Optional<Family> familyOfDevice(String osName) {
        if (osName == null) {
            return Optional.empty();
        }
        String name = osName.toLowerCase(Locale.ROOT);
        // Windows CE and Embedded Compact are separate operating systems that KEV's Windows entries do not cover.
        if (name.matches("(microsoft\\s+)?windows\\s+(ce|embedded\\s+compact|mobile)\\b.*")) {
            return Optional.empty();
        }
        if (name.matches("(microsoft\\s+)?windows\\b.*")) {
            return Optional.of(Family.WINDOWS);
        }
        if (name.contains("linux")) {
            return Optional.of(Family.LINUX);
        }
        if (name.contains("vxworks")) {
            return Optional.of(Family.VXWORKS);
        }
        return Optional.empty();
    }

    /** Returns the family a source's vendor and product keys name, if they name an operating system. */
    public static Optional<Family> familyOfStatement(String vendorKey, String productKey) {
        if (vendorKey.equals("microsoft") && (productKey.contains("windows") || productKey.startsWith("win32k"))) {
            return Optional.of(Family.WINDOWS);
        }
        if (vendorKey.equals("linux") && productKey.contains("kernel")) {
            return Optional.of(Family.LINUX);
        }
        if (vendorKey.contains("wind river") && productKey.contains("vxworks")) {
            return Optional.of(Family.VXWORKS);
        }
        return Optional.empty();
    }

    /** Returns the comparison form of an operating system name: lower case, single spaces. */
    public static String osKey(String osName) {
        return osName.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
