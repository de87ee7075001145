package org.patchdesk.recovery;

import java.util.Map;
import java.util.stream.Collectors;

import org.patchdesk.planning.Patchability;

/**
 * A product with in-service devices its owner cannot patch, and no recovery protocol for the
 * product or for those devices. {@code devices} counts those devices; {@code byPatchability}
 * splits the count by patchability, in the order of {@link Patchability}.
 */
public record ProductWithoutProtocol(long productId, String manufacturer, String model, int devices,
                                     Map<Patchability, Integer> byPatchability) {

    public ProductWithoutProtocol {
        byPatchability = Map.copyOf(byPatchability);
    }

    /** Returns the manufacturer and model, such as "BD Alaris 8100". */
    public String label() {
        return manufacturer + " " + model;
    }

    /** Returns the counts by patchability, such as "3 vendor-installed only, 1 unsupported". */
    public String patchabilitySummary() {
        return byPatchability.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getValue() + " " + entry.getKey().label())
                .collect(Collectors.joining(", "));
    }
}
