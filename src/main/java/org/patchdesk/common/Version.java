package org.patchdesk.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this PatchDesk build, which Maven writes into {@code version.properties}. */
public final class Version {

    private Version() {
    }

    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version", "");
                if (!version.isBlank() && !version.startsWith("${")) {
                    return version;
                }
            }
        } catch (IOException e) {
            // Fall back to the jar manifest below.
        }
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
