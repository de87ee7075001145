package org.patchdesk.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/** The version and build date of this PatchDesk build, which Maven writes into {@code version.properties}. */
public final class Version {

    private Version() {
    }

    public static String current() {
        Optional<String> version = property("version");
        if (version.isPresent()) {
            return version.get();
        }
        String fromManifest = Version.class.getPackage().getImplementationVersion();
        return fromManifest == null ? "development" : fromManifest;
    }

    /** Returns the day Maven built this version, as YYYY-MM-DD, or empty when it runs from classes Maven did not filter. */
    public static Optional<String> buildDate() {
        return property("build.date");
    }

    private static Optional<String> property(String key) {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String value = properties.getProperty(key, "");
                if (!value.isBlank() && !value.startsWith("${")) {
                    return Optional.of(value);
                }
            }
        } catch (IOException e) {
            // The caller falls back to the jar manifest or shows no date.
        }
        return Optional.empty();
    }
}
