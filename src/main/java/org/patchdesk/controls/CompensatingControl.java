package org.patchdesk.controls;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A compensating control in place at the site, with its type, the devices and findings it covers
 * and the paths of its evidence documents.
 */
public record CompensatingControl(long id, ControlType type, String title, String description, String owner, LocalDate verifiedOn,
                                  LocalDate nextVerificationOn, String evidenceRuleIds, Instant createdAt, String createdBy,
                                  Instant updatedAt, String updatedBy, List<DeviceRef> devices, List<FindingRef> findings,
                                  List<ControlDocument> documents) {

    public CompensatingControl {
        devices = List.copyOf(devices);
        findings = List.copyOf(findings);
        documents = List.copyOf(documents);
    }

    public VerificationState state(LocalDate today) {
        return VerificationState.of(verifiedOn, nextVerificationOn, today);
    }

    /** True when the control counts for scoring on {@code today}: verified and not overdue. */
    public boolean effective(LocalDate today) {
        return state(today) == VerificationState.VERIFIED;
    }

    /** Returns the first day the verification is overdue, the day after the next verification date, or null when not verified. */
    public LocalDate overdueSince() {
        return nextVerificationOn == null ? null : nextVerificationOn.plusDays(1);
    }

    /** Returns the state in words, such as "verified 2026-11-02, next 2027-05-02" or "verification overdue since 2026-12-02". */
    public String stateText(LocalDate today) {
        return switch (state(today)) {
            case NOT_VERIFIED -> "not verified";
            case VERIFIED -> "verified " + verifiedOn + ", next " + nextVerificationOn;
            case OVERDUE -> "verification overdue since " + overdueSince();
        };
    }
}
