package org.patchdesk.vendors;

import java.time.LocalDate;

/** A validation request to record: the product, the day it was sent, an optional follow-up date, and its details. */
public record NewRequest(long productId, LocalDate requestedOn, LocalDate followUpOn, RequestDetails details) {
}
