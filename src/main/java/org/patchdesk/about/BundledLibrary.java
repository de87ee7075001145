package org.patchdesk.about;

/**
 * A library that the PatchDesk build ships in {@code lib/}, with its license.
 *
 * @param coordinates the Maven coordinates, {@code group:artifact:version}
 * @param license     the SPDX identifier of the license, or two joined by "or" for a dual license
 * @param url         where the license text is published
 */
public record BundledLibrary(String coordinates, String license, String url) {

    /** Returns the Maven group and artifact without the version, such as {@code com.h2database:h2}. */
    public String module() {
        return coordinates.substring(0, coordinates.lastIndexOf(':'));
    }
}
