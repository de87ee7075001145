package org.patchdesk.inventory;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Thrown when a device cannot be saved; carries one message per field at fault. */
public class DeviceValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Map<DeviceField, String> problems;

    public DeviceValidationException(Map<DeviceField, String> problems) {
        super(problems.entrySet().stream()
                .map(entry -> entry.getKey().label() + ": " + entry.getValue())
                .collect(Collectors.joining("; ")));
        this.problems = Collections.unmodifiableMap(new EnumMap<>(problems));
    }

    public Map<DeviceField, String> problems() {
        return problems;
    }
}
