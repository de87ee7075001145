package org.patchdesk.vendors;

import java.time.LocalDate;

/** The manufacturer's response to a request: the day it came, the vendor's own reference, and notes. */
public record VendorResponse(LocalDate respondedOn, String vendorReference, String notes) {
}
