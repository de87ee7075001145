package org.patchdesk.windows;

/** The fewest devices of a type a department keeps in service while others are patched. */
public record MinimumInService(String department, long deviceTypeId, String deviceType, int minimum) {
}
