package org.patchdesk.acceptance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.patchdesk.controls.DeviceRef;
import org.patchdesk.controls.FindingRef;
import org.patchdesk.users.Role;

/**
 * A stored risk acceptance with its scope, linked controls and the findings it holds.
 *
 * @param storedState   the stored state, never {@link AcceptanceState#EXPIRING}; see {@link #state(LocalDate, int)}
 * @param level         the residual risk level from likelihood × severity under the settings in force when it was read
 * @param requiredRoles the roles that must sign: fixed at submission, and those the current settings give while a draft
 * @param previousId    the acceptance this one renews, or null
 * @param activatedOn   the day it became active, or null
 * @param endedOn       the day it expired or was closed, or null
 * @param endNote       the reason given for closing it early, or the rejection comment
 * @param heldFindings  the findings it holds at "risk accepted" while active, or held when it ended
 */
public record RiskAcceptance(long id, AcceptanceState storedState, String title, AcceptanceReason reason, String reasonDetail,
                             LocalDate replacementDate, String riskStatement, int likelihood, int severity, RiskLevel level,
                             RiskDecision decision, String requester, String requesterName, int durationMonths, LocalDate startDate,
                             LocalDate endDate, List<Role> requiredRoles, Long previousId, Instant submittedAt, String submittedBy,
                             Instant decidedAt, LocalDate activatedOn, LocalDate endedOn, String endedBy, String endNote,
                             Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, List<DeviceRef> devices,
                             List<FindingRef> findings, List<Long> controlIds, List<FindingRef> heldFindings) {

    public RiskAcceptance {
        requiredRoles = List.copyOf(requiredRoles);
        devices = List.copyOf(devices);
        findings = List.copyOf(findings);
        controlIds = List.copyOf(controlIds);
        heldFindings = List.copyOf(heldFindings);
    }

    /** Returns the number printed on forms and lists, such as "RA-12". */
    public String number() {
        return "RA-" + id;
    }

    /** Returns likelihood × severity, 1 to 25. */
    public int residualScore() {
        return likelihood * severity;
    }

    /** Returns the state on {@code today}: an active acceptance is expiring when its end date is at most {@code warningDays} away. */
    public AcceptanceState state(LocalDate today, int warningDays) {
        if (storedState == AcceptanceState.ACTIVE && !endDate.isAfter(today.plusDays(warningDays))) {
            return AcceptanceState.EXPIRING;
        }
        return storedState;
    }

    /** Returns the days from {@code today} to the end date, 0 on the end date itself. */
    public long daysLeft(LocalDate today) {
        return java.time.temporal.ChronoUnit.DAYS.between(today, endDate);
    }

    /** Returns the values as the draft form holds them, for editing or renewing. */
    public AcceptanceValues values() {
        return new AcceptanceValues(title, reason, reasonDetail, replacementDate, riskStatement, likelihood, severity, decision,
                durationMonths, startDate, devices.stream().map(DeviceRef::id).toList(), findings.stream().map(FindingRef::id).toList(),
                controlIds);
    }

    /** Returns the departments of the devices in scope, distinct and sorted, ignoring devices without one. */
    public List<String> departments() {
        return devices.stream().map(DeviceRef::department).filter(d -> d != null && !d.isBlank()).map(String::strip).distinct().sorted()
                .toList();
    }
}
