package org.patchdesk.windows;

/** A device in a window, with what a work order and the conflict rules need to know about it. */
public record WindowDevice(long deviceId, String assetTag, Long productId, Long deviceTypeId, String deviceType, String manufacturer, String model,
                           String department, String location, String softwareVersion, Integer downtimeMinutes) {
}
