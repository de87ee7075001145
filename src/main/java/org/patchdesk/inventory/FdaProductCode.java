package org.patchdesk.inventory;

/**
 * One row of the FDA product classification: a three-letter product code, the FDA's device name
 * (such as "Pump, Infusion"), and the device class (1, 2, 3, or N, U and f for unclassified and
 * other cases). {@code lifeSustaining} is the FDA flag for life-sustaining or
 * life-supporting devices.
 */
public record FdaProductCode(String code, String deviceName, String deviceClass, boolean lifeSustaining) {
}
