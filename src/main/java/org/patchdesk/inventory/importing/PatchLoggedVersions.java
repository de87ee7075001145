package org.patchdesk.inventory.importing;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.jdbi.v3.core.Handle;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;

/**
 * The software versions that patch log entries set, loaded once per import from the table
 * {@code patch_log_version}, which the patch log writes. An import that would replace such a
 * version with a different value keeps the logged one and reports a conflict.
 */
final class PatchLoggedVersions {

    /** A version the patch log set on a device, and the entry that set it. */
    record Logged(String version, long entryId) {
    }

    /** A row whose imported software version was not applied. */
    record Conflict(int rowNumber, long deviceId, String assetTag, String importedValue, String patchLogValue, long entryId) {
    }

    private final Map<Long, Logged> byDevice;

    private PatchLoggedVersions(Map<Long, Logged> byDevice) {
        this.byDevice = byDevice;
    }

    static PatchLoggedVersions load(Handle handle) {
        Map<Long, Logged> byDevice = new HashMap<>();
        handle.createQuery("SELECT device_id, software_version, entry_id FROM patch_log_version")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new Logged(rs.getString(2), rs.getLong(3))))
                .forEach(entry -> byDevice.put(entry.getKey(), entry.getValue()));
        return new PatchLoggedVersions(byDevice);
    }

    /**
     * Puts the logged version back into {@code merged} when the row would change it, and returns
     * the conflict, else null. A device whose stored version is no longer the logged one (someone
     * edited it since) is not protected.
     */
    Conflict keepLogged(int rowNumber, Device current, DeviceValues merged) {
        Logged logged = byDevice.get(current.id());
        if (logged == null) {
            return null;
        }
        Object stored = current.values().get(DeviceField.SOFTWARE_VERSION);
        Object imported = merged.get(DeviceField.SOFTWARE_VERSION);
        if (!logged.version().equals(stored) || imported == null || logged.version().equals(imported)) {
            return null;
        }
        merged.set(DeviceField.SOFTWARE_VERSION, logged.version());
        return new Conflict(rowNumber, current.id(), current.assetTag(), Objects.toString(imported), logged.version(), logged.entryId());
    }
}
