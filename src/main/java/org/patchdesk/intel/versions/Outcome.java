package org.patchdesk.intel.versions;

/**
 * The result of testing a device version against a statement or one part of it.
 * {@code comparable} is false when the device version cannot be compared with the bound, so an
 * alternative with this outcome is ignored.
 */
record Outcome(Applicability applicability, boolean comparable, String explanation) {

    static Outcome affected(String explanation) {
        return new Outcome(Applicability.AFFECTED, true, explanation);
    }

    static Outcome notAffected(String explanation) {
        return new Outcome(Applicability.NOT_AFFECTED, true, explanation);
    }

    /** A comparable result that still needs a person, such as a device version extending an exact one. */
    static Outcome undecided(String explanation) {
        return new Outcome(Applicability.NEEDS_REVIEW, true, explanation);
    }

    static Outcome notComparable(String explanation) {
        return new Outcome(Applicability.NEEDS_REVIEW, false, explanation);
    }

    boolean is(Applicability expected) {
        return applicability == expected;
    }
}
