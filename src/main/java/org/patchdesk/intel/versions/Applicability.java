package org.patchdesk.intel.versions;

/** Whether a device version falls inside an affected-version statement. */
public enum Applicability {
    AFFECTED,
    NOT_AFFECTED,
    /** The statement or the device version cannot be compared reliably, so a person must decide. */
    NEEDS_REVIEW
}
