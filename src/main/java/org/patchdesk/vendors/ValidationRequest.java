package org.patchdesk.vendors;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A validation request as stored, with what PatchDesk works out when it reads it:
 * {@code followUpOverdue} (open, with a follow-up date before today) and {@code fdaClock}, which is
 * null unless the request is about a CVE its manufacturer calls uncontrolled. {@code statusOn} is
 * the day the current status took effect. Text fields and dates other than {@code requestedOn} and
 * {@code statusOn} may be null.
 */
public record ValidationRequest(long id, long productId, long manufacturerId, String manufacturer, String model, String updateName,
                                String cveId, LocalDate requestedOn, Long contactId, String contactName, RequestStatus status,
                                LocalDate statusOn, LocalDate respondedOn, String vendorReference, String responseNotes, String notes,
                                LocalDate followUpOn, boolean uncontrolled, LocalDate learnedOn, LocalDate advisoryReleasedOn,
                                int documents, String createdBy, Instant createdAt, boolean followUpOverdue, FdaClock fdaClock) {

    public boolean isOpen() {
        return status.isOpen();
    }

    /** Returns the manufacturer and model, such as "BD Alaris 8015". */
    public String product() {
        return manufacturer + " " + model;
    }

    /** Returns what the request is about, such as "Service Pack 4 for CVE-2024-12248". */
    public String subject() {
        if (updateName == null) {
            return cveId;
        }
        return cveId == null ? updateName : updateName + " for " + cveId;
    }

    /** Returns the day the request was validated, or null when it is not validated. */
    public LocalDate validatedOn() {
        return status == RequestStatus.VALIDATED ? statusOn : null;
    }

    /** Returns the days from the requested date to the validated date, or null when the request is not validated. */
    public Long daysToValidation() {
        return status == RequestStatus.VALIDATED ? ChronoUnit.DAYS.between(requestedOn, statusOn) : null;
    }

    public RequestDetails details() {
        return new RequestDetails(updateName, cveId, contactId, uncontrolled, learnedOn, advisoryReleasedOn, notes);
    }

    public RequestRef ref() {
        return new RequestRef(id, productId, status, requestedOn, validatedOn());
    }
}
