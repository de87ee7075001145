package org.patchdesk.vendors;

/**
 * A manufacturer as the vendor screens list it: its contacts, its open validation requests, the
 * open requests whose follow-up date has passed, and its devices in the inventory.
 */
public record Vendor(long manufacturerId, String name, int contacts, int openRequests, int overdueFollowUps, int devices) {
}
