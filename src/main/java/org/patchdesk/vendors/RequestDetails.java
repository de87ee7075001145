package org.patchdesk.vendors;

import java.time.LocalDate;

/**
 * The subject and editable fields of a validation request, as a form edits them. A request names an update or patch,
 * a CVE id, or both. {@code uncontrolled}, {@code learnedOn} and {@code advisoryReleasedOn} apply
 * to a CVE only: whether the manufacturer calls it an uncontrolled risk, the day the manufacturer
 * learned of it, and the initial release date of an advisory that PatchDesk does not store.
 * Blank text and a null contact are allowed.
 */
public record RequestDetails(String updateName, String cveId, Long contactId, boolean uncontrolled, LocalDate learnedOn,
                             LocalDate advisoryReleasedOn, String notes) {
}
