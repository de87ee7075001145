package org.patchdesk.vendors;

import org.patchdesk.inventory.DeviceStatus;

/** An in-service device of the product a request is about. */
public record ProductDevice(long deviceId, String assetTag, String softwareVersion, String department, String location,
                            DeviceStatus status) {
}
