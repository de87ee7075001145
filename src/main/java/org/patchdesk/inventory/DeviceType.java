package org.patchdesk.inventory;

/** A device type with its defaults, the FDA product code they came from (or null) and its number of devices. */
public record DeviceType(long id, String name, String fdaProductCode, TypeDefaults defaults, long deviceCount) {
}
