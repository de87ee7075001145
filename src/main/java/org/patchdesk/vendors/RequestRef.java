package org.patchdesk.vendors;

import java.time.LocalDate;

/**
 * A validation request as other features refer to it. {@code validatedOn} is the day the request
 * became validated, or null when it is not validated.
 */
public record RequestRef(long id, long productId, RequestStatus status, LocalDate requestedOn, LocalDate validatedOn) {
}
