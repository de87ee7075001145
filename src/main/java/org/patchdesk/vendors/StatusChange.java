package org.patchdesk.vendors;

import java.time.Instant;
import java.time.LocalDate;

/** One status a request reached: the day it took effect, the note, and who recorded it when. */
public record StatusChange(long id, long requestId, RequestStatus status, LocalDate statusOn, String note, String changedBy,
                           Instant changedAt) {
}
