package org.patchdesk.common;

/** The version of this PatchDesk build, from the jar manifest; "development" when run from classes. */
public final class Version {

    private Version() {
    }

    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
