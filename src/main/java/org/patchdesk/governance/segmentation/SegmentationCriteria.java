package org.patchdesk.governance.segmentation;

import java.util.ArrayList;
import java.util.List;

import org.patchdesk.risk.ssvc.SystemExposure;

/**
 * The devices a segmentation case covers and the System Exposure the segmentation gives them. A
 * device is covered when it is in service and matches every criterion given: its department, its
 * device type, and its product written as "manufacturer model" or as the model alone. Matching
 * ignores case and surrounding spaces. A blank criterion matches every device.
 */
public record SegmentationCriteria(String department, String deviceType, String product, SystemExposure target) {

    /**
     * Checks the criteria and strips their spaces.
     *
     * @throws IllegalArgumentException when no criterion is given, or the target is missing or open
     */
    public SegmentationCriteria {
        department = blankToNull(department);
        deviceType = blankToNull(deviceType);
        product = blankToNull(product);
        if (department == null && deviceType == null && product == null) {
            throw new IllegalArgumentException("Choose the devices to segment: give a department, a device type or a product");
        }
        if (target == null) {
            throw new IllegalArgumentException("Choose the target System Exposure: small or controlled");
        }
        if (target == SystemExposure.OPEN) {
            throw new IllegalArgumentException("The target System Exposure must be small or controlled; open is what segmentation"
                    + " removes, so it cannot be a target");
        }
    }

    /** Describes the devices in words, such as "department ICU, device type Infusion Pump". */
    public String describeDevices() {
        List<String> parts = new ArrayList<>();
        if (department != null) {
            parts.add("department " + department);
        }
        if (deviceType != null) {
            parts.add("device type " + deviceType);
        }
        if (product != null) {
            parts.add("product " + product);
        }
        return String.join(", ", parts);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
