package org.patchdesk.recovery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The documented incident recovery protocol of a product or of one device: how the clinical unit
 * works while the device is out of use, how the device is isolated, how it is restored or
 * reimaged, where its backups are, how to reach the manufacturer in an emergency, and who decides
 * that it returns to clinical use.
 *
 * <p>For a product's protocol {@code deviceId} and {@code assetTag} are null and
 * {@code productLabel} names the product, such as "BD Alaris 8100". For a device's own protocol
 * {@code productId} is null, {@code assetTag} names the device and {@code productLabel} names
 * the device's product, or is null when the device has no model recorded. Optional texts are null
 * when not recorded.
 */
public record RecoveryProtocol(long id, Long productId, Long deviceId, String productLabel, String assetTag,
                               String downtimeProcedure, String isolationSteps, String restoreSteps, String backupLocation,
                               String vendorEmergencyContact, String returnDeciderRole, String returnDeciderName,
                               LocalDate lastReviewedOn, String lastReviewedBy, LocalDate nextReviewOn, List<String> documentPaths,
                               Instant updatedAt, String updatedBy) {

    public static final String DOWNTIME_PROCEDURE = "Clinical downtime procedure";
    public static final String ISOLATION = "Isolating the device";
    public static final String RESTORE = "Restore or reimage";
    public static final String BACKUPS = "Backups";
    public static final String VENDOR_CONTACT = "Vendor emergency contact";
    public static final String RETURN_TO_SERVICE = "Return to service decided by";

    /** One titled part of a protocol's text, for printing; {@code text} is null when the part is not recorded. */
    public record Section(String title, String text) {
    }

    public RecoveryProtocol {
        documentPaths = documentPaths == null ? List.of() : List.copyOf(documentPaths);
    }

    public boolean isForDevice() {
        return deviceId != null;
    }

    /** Returns "Device" for a device's own protocol, else "Product". */
    public String scope() {
        return isForDevice() ? "Device" : "Product";
    }

    /**
     * Returns what the protocol is for, such as "BD Alaris 8100" or "Device 100234 (BD Alaris 8100)".
     */
    public String target() {
        if (!isForDevice()) {
            return productLabel;
        }
        return "Device " + assetTag + (productLabel == null ? "" : " (" + productLabel + ")");
    }

    /**
     * Returns who decides the return to service, such as "Jane Roe (ICU nurse manager)", "ICU nurse
     * manager" or "Jane Roe".
     */
    public String returnToServiceDecider() {
        if (returnDeciderName != null && returnDeciderRole != null) {
            return returnDeciderName + " (" + returnDeciderRole + ")";
        }
        return returnDeciderName != null ? returnDeciderName : returnDeciderRole;
    }

    /** Returns true when the next review date is before {@code today}. */
    public boolean isReviewOverdue(LocalDate today) {
        return nextReviewOn != null && nextReviewOn.isBefore(today);
    }

    /** Returns the text parts in printing order, the parts not recorded included with a null text. */
    public List<Section> sections() {
        return List.of(new Section(DOWNTIME_PROCEDURE, downtimeProcedure), new Section(ISOLATION, isolationSteps),
                new Section(RESTORE, restoreSteps), new Section(BACKUPS, backupLocation),
                new Section(VENDOR_CONTACT, vendorEmergencyContact));
    }

    /** Lists the titles of the optional parts not recorded yet, and "next review date" when none is set. */
    public List<String> missingParts() {
        List<String> missing = new ArrayList<>();
        for (Section section : sections()) {
            if (section.text() == null) {
                missing.add(section.title());
            }
        }
        if (nextReviewOn == null) {
            missing.add("Next review date");
        }
        return missing;
    }

    /** Returns the protocol's values, for an editor to change. */
    public RecoveryProtocolValues values() {
        return new RecoveryProtocolValues(productId, deviceId, downtimeProcedure, isolationSteps, restoreSteps, backupLocation,
                vendorEmergencyContact, returnDeciderRole, returnDeciderName, lastReviewedOn, lastReviewedBy, nextReviewOn,
                documentPaths);
    }
}
