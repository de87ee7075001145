package org.patchdesk.vendors;

import java.time.Instant;

/**
 * A person to reach at a manufacturer. Every field but the name may be null. {@code requests} is
 * the number of validation requests that name the contact.
 */
public record VendorContact(long id, long manufacturerId, String manufacturer, String name, String role, String email, String phone,
                            String portalUrl, String supportContract, int requests, String changedBy, Instant changedAt) {

    /** Returns the details as a form shows and saves them. */
    public ContactDetails details() {
        return new ContactDetails(name, role, email, phone, portalUrl, supportContract);
    }

    /** Returns the name with the role, such as "Dana Smith (field service engineer)". */
    public String label() {
        return role == null ? name : name + " (" + role + ")";
    }
}
