package org.patchdesk.acceptance;

import java.time.LocalDate;
import java.util.List;

/**
 * The fields of a risk acceptance that its requester fills in while it is a draft.
 *
 * @param reasonDetail    free text, required for {@link AcceptanceReason#OTHER}
 * @param replacementDate the date the device is to be replaced, required for {@link AcceptanceReason#END_OF_LIFE}
 * @param likelihood      1 (rare) to 5 (almost certain), after the linked controls
 * @param severity        1 (negligible) to 5 (catastrophic harm to patients)
 * @param durationMonths  the requested duration; the end date is the day before start date plus this many months
 * @param deviceIds       the devices in scope: each of their open findings is held when the acceptance becomes active
 * @param findingIds      findings in scope chosen one by one
 * @param controlIds      the compensating controls the acceptance relies on
 */
public record AcceptanceValues(String title, AcceptanceReason reason, String reasonDetail, LocalDate replacementDate, String riskStatement,
                               int likelihood, int severity, RiskDecision decision, int durationMonths, LocalDate startDate,
                               List<Long> deviceIds, List<Long> findingIds, List<Long> controlIds) {

    public AcceptanceValues {
        deviceIds = deviceIds == null ? List.of() : List.copyOf(deviceIds.stream().distinct().toList());
        findingIds = findingIds == null ? List.of() : List.copyOf(findingIds.stream().distinct().toList());
        controlIds = controlIds == null ? List.of() : List.copyOf(controlIds.stream().distinct().toList());
    }

    /** Returns the end date: the last day the acceptance covers. */
    public LocalDate endDate() {
        return startDate.plusMonths(durationMonths).minusDays(1);
    }
}
