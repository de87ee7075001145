package org.patchdesk.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DataDirectoriesTest {

    @Test
    void linuxUsesXdgDataHome() {
        DataDirectories directories = new DataDirectories(Map.of("XDG_DATA_HOME", "/home/ann/.data"), "Linux", "/home/ann");

        assertThat(directories.resolve(null)).isEqualTo(Path.of("/home/ann/.data/patchdesk"));
    }

    @Test
    void linuxFallsBackToLocalShare() {
        DataDirectories directories = new DataDirectories(Map.of(), "Linux", "/home/ann");

        assertThat(directories.resolve(null)).isEqualTo(Path.of("/home/ann/.local/share/patchdesk"));
    }

    @Test
    void linuxIgnoresRelativeXdgDataHome() {
        DataDirectories directories = new DataDirectories(Map.of("XDG_DATA_HOME", "relative/data"), "Linux", "/home/ann");

        assertThat(directories.resolve(null)).isEqualTo(Path.of("/home/ann/.local/share/patchdesk"));
    }

    @Test
    void windowsUsesAppData() {
        DataDirectories directories = new DataDirectories(Map.of("APPDATA", "/users/ann/AppData/Roaming"), "Windows 11", "/users/ann");

        assertThat(directories.resolve(null)).isEqualTo(Path.of("/users/ann/AppData/Roaming/PatchDesk"));
    }

    @Test
    void macUsesApplicationSupport() {
        DataDirectories directories = new DataDirectories(Map.of(), "Mac OS X", "/Users/ann");

        assertThat(directories.resolve(null)).isEqualTo(Path.of("/Users/ann/Library/Application Support/PatchDesk"));
    }

    @Test
    void environmentVariableOverridesDefault() {
        DataDirectories directories = new DataDirectories(Map.of("PATCHDESK_DATA_DIR", "/srv/patchdesk"), "Linux", "/home/ann");

        assertThat(directories.resolve(null)).isEqualTo(Path.of("/srv/patchdesk"));
    }

    @Test
    void optionOverridesEnvironmentVariable() {
        DataDirectories directories = new DataDirectories(Map.of("PATCHDESK_DATA_DIR", "/srv/patchdesk"), "Linux", "/home/ann");

        assertThat(directories.resolve(Path.of("/tmp/site-b"))).isEqualTo(Path.of("/tmp/site-b"));
    }
}
