package org.patchdesk.recovery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The values of a recovery protocol to create or change. Exactly one of {@code productId} and
 * {@code deviceId} is set. The texts are free text; blank texts count as not recorded.
 * {@code documentPaths} lists the paths of the documents kept with the protocol, in order; null
 * means none, and the service skips blank and repeated paths.
 */
public record RecoveryProtocolValues(Long productId, Long deviceId, String downtimeProcedure, String isolationSteps,
                                     String restoreSteps, String backupLocation, String vendorEmergencyContact,
                                     String returnDeciderRole, String returnDeciderName, LocalDate lastReviewedOn,
                                     String lastReviewedBy, LocalDate nextReviewOn, List<String> documentPaths) {

    public RecoveryProtocolValues {
        documentPaths = documentPaths == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(documentPaths));
    }

    /** Returns empty values that name no product or device yet, for an editor to fill in. */
    public static RecoveryProtocolValues empty() {
        return new RecoveryProtocolValues(null, null, null, null, null, null, null, null, null, null, null, null, List.of());
    }

    /** Returns empty values for a product's protocol, for an editor to fill in. */
    public static RecoveryProtocolValues forProduct(long productId) {
        return new RecoveryProtocolValues(productId, null, null, null, null, null, null, null, null, null, null, null, List.of());
    }

    /** Returns empty values for one device's own protocol, for an editor to fill in. */
    public static RecoveryProtocolValues forDevice(long deviceId) {
        return new RecoveryProtocolValues(null, deviceId, null, null, null, null, null, null, null, null, null, null, List.of());
    }
}
