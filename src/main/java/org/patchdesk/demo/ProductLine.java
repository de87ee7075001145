package org.patchdesk.demo;

import java.util.Arrays;
import java.util.List;

/**
 * One product of the demo inventory and the ways a CMMS records it. The first manufacturer and
 * model spelling is the common one, and the others are data-entry variants.
 *
 * @param weight the share of this product within its {@link DeviceKind}, relative to the other products of that kind
 * @param serialPattern the serial number form: each {@code #} is a digit, each {@code @} an upper-case letter, and
 *     other characters are kept; the digits count up, so serial numbers of one product are unique
 * @param ouis the organizationally unique identifiers (first three octets, such as {@code 00:09:FB}) of its MAC addresses
 * @param hostCode the product part of hostnames, such as "PICIX" in ICU-PICIX-01; empty for devices without hostnames
 * @param departments the departments that own the product, or null for those of its kind
 */
record ProductLine(DeviceKind kind, String description, int weight, List<String> manufacturers, List<String> models,
        List<String> versions, List<Platform> platforms, int networkedPercent, List<String> ouis, String serialPattern,
        String hostCode, int firstYear, List<Department> departments) {

    ProductLine {
        manufacturers = List.copyOf(manufacturers);
        models = List.copyOf(models);
        versions = List.copyOf(versions);
        platforms = List.copyOf(platforms);
        ouis = List.copyOf(ouis);
        departments = departments == null ? null : List.copyOf(departments);
        if (networkedPercent > 0 && ouis.isEmpty()) {
            throw new IllegalArgumentException(models.get(0) + " is networked but has no OUI for its MAC addresses");
        }
        if (serialPattern.chars().filter(c -> c == '#').count() < 6) {
            throw new IllegalArgumentException(models.get(0) + " has a serial number pattern with fewer than 6 digits");
        }
    }

    /**
     * Starts a product that is not networked, has no operating system on record and was sold from
     * 2008 on. Spellings and versions are separated by "|".
     */
    static ProductLine of(DeviceKind kind, int weight, String manufacturers, String models, String versions) {
        return new ProductLine(kind, kind.description, weight, split(manufacturers), split(models), split(versions),
                List.of(Platform.NONE), 0, List.of(), "########", "", 2008, null);
    }

    ProductLine described(String newDescription) {
        return new ProductLine(kind, newDescription, weight, manufacturers, models, versions, platforms, networkedPercent, ouis,
                serialPattern, hostCode, firstYear, departments);
    }

    ProductLine on(Platform... newPlatforms) {
        return new ProductLine(kind, description, weight, manufacturers, models, versions, Arrays.asList(newPlatforms),
                networkedPercent, ouis, serialPattern, hostCode, firstYear, departments);
    }

    ProductLine networked(int percent, String... newOuis) {
        return new ProductLine(kind, description, weight, manufacturers, models, versions, platforms, percent,
                Arrays.asList(newOuis), serialPattern, hostCode, firstYear, departments);
    }

    ProductLine serial(String pattern) {
        return new ProductLine(kind, description, weight, manufacturers, models, versions, platforms, networkedPercent, ouis,
                pattern, hostCode, firstYear, departments);
    }

    ProductLine host(String code) {
        return new ProductLine(kind, description, weight, manufacturers, models, versions, platforms, networkedPercent, ouis,
                serialPattern, code, firstYear, departments);
    }

    ProductLine since(int year) {
        return new ProductLine(kind, description, weight, manufacturers, models, versions, platforms, networkedPercent, ouis,
                serialPattern, hostCode, year, departments);
    }

    ProductLine in(Department... owners) {
        return new ProductLine(kind, description, weight, manufacturers, models, versions, platforms, networkedPercent, ouis,
                serialPattern, hostCode, firstYear, Arrays.asList(owners));
    }

    ProductLine withVersions(List<String> newVersions) {
        return new ProductLine(kind, description, weight, manufacturers, models, newVersions, platforms, networkedPercent, ouis,
                serialPattern, hostCode, firstYear, departments);
    }

    private static List<String> split(String values) {
        return List.of(values.split("\\|"));
    }
}
