package org.patchdesk.risk;

/** A finding with the device and vulnerability facts the worklist shows beside it. */
public record WorklistRow(Finding finding, String assetTag, String manufacturer, String model, String department, String deviceType,
                          String vulnerabilityTitle) {
}
