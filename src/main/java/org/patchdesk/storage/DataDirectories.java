package org.patchdesk.storage;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the folder that contains a site's database, logs and backups. An explicit folder (the
 * {@code --data-dir} option) wins over the {@code PATCHDESK_DATA_DIR} variable, which wins over
 * the operating system's usual place for application data.
 */
public final class DataDirectories {

    public static final String ENVIRONMENT_VARIABLE = "PATCHDESK_DATA_DIR";

    private final Map<String, String> environment;
    private final String osName;
    private final String userHome;

    public DataDirectories(Map<String, String> environment, String osName, String userHome) {
        this.environment = environment;
        this.osName = osName;
        this.userHome = userHome;
    }

    public static DataDirectories ofThisMachine() {
        return new DataDirectories(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    /** Returns the data folder, given the {@code --data-dir} value or null when the option is absent. */
    public Path resolve(Path explicitFolder) {
        if (explicitFolder != null) {
            return explicitFolder.toAbsolutePath().normalize();
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment.trim()).toAbsolutePath().normalize();
        }
        return defaultFolder();
    }

    Path defaultFolder() {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = environment.get("APPDATA");
            Path base = appData != null && !appData.isBlank()
                    ? Path.of(appData)
                    : Path.of(userHome, "AppData", "Roaming");
            return base.resolve("PatchDesk");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "PatchDesk");
        }
        // The XDG Base Directory specification defines a relative XDG_DATA_HOME is invalid and must be ignored.
        String xdgDataHome = environment.get("XDG_DATA_HOME");
        if (xdgDataHome != null && !xdgDataHome.isBlank() && Path.of(xdgDataHome).isAbsolute()) {
            return Path.of(xdgDataHome, "patchdesk");
        }
        return Path.of(userHome, ".local", "share", "patchdesk");
    }
}
