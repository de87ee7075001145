package org.patchdesk.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One vulnerability on one device as stored: the record (status, review, the basis on which it
 * applies, overrides, when it was found and when its clock started) and the values the last
 * scoring derived. SSVC values are stored as their words, such as "public poc" or "out-of-cycle".
 */
public record Finding(long id, long deviceId, String cveId, String status, String review, String applicability, String basis,
                      String statusNote, OffsetDateTime statusChangedAt, String statusChangedBy, String exposureOverride,
                      String automatableOverride, OffsetDateTime firstFoundAt, LocalDate clockStartedOn, String cvssVersion,
                      BigDecimal cvssScore, Double epss, Double epssPercentile, Boolean kev, LocalDate kevDueDate, String exploitation,
                      String exposure, String automatable, String humanImpact, String decision, int decisionRank, double priority,
                      LocalDate dueDate, OffsetDateTime scoredAt) {

    public FindingStatus statusValue() {
        return FindingStatus.fromStored(status);
    }

    public ReviewFlag reviewValue() {
        return ReviewFlag.fromStored(review);
    }

    /** True when the finding is open and its due date has passed. */
    public boolean overdue(LocalDate today) {
        return statusValue() == FindingStatus.OPEN && dueDate != null && dueDate.isBefore(today);
    }

    /** Returns the KEV column as exports write it: yes, no, or "not checked" when no catalog was ever imported. */
    public String kevWord() {
        return kev == null ? "not checked" : kev ? "yes" : "no";
    }
}
