package org.patchdesk.about;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.patchdesk.common.Version;

/**
 * The facts the About dialog shows about this PatchDesk and the machine it runs on.
 *
 * @param version      the PatchDesk version
 * @param buildDate    the day Maven built it, or empty when unknown
 * @param java         the Java runtime's version and vendor
 * @param javafx       the JavaFX runtime's version, or "not loaded" before the JavaFX toolkit starts
 * @param dataFolder   the data folder in use
 * @param libraries    the bundled libraries with their licenses
 */
public record AboutFacts(String version, Optional<String> buildDate, String java, String javafx, Path dataFolder,
                         List<BundledLibrary> libraries) {

    /** The license of PatchDesk itself, as an SPDX identifier. */
    public static final String LICENSE = "Apache-2.0";

    /** Returns the facts of this process for the data folder. */
    public static AboutFacts of(Path dataFolder) {
        String java = System.getProperty("java.version", "unknown") + " (" + System.getProperty("java.vendor", "unknown vendor") + ")";
        String javafx = System.getProperty("javafx.runtime.version", "not loaded");
        return new AboutFacts(Version.current(), Version.buildDate(), java, javafx, dataFolder, BundledLibraries.load());
    }
}
