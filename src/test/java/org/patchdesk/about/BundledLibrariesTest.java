package org.patchdesk.about;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Compares the library list of the About dialog with the runtime dependencies, which the build
 * writes to {@code target/runtime-dependencies.txt} with {@code dependency:list} before the tests.
 */
class BundledLibrariesTest {

    private static final Path DEPENDENCY_LIST = Path.of("target", "runtime-dependencies.txt");

    /** Returns group:artifact:version of each line such as {@code org.openjfx:javafx-base:jar:linux:21.0.11:compile -- module x}. */
    static Set<String> runtimeDependencies() throws Exception {
        assertThat(DEPENDENCY_LIST).as("the dependency list that mvn generate-test-resources writes").exists();
        Set<String> coordinates = new TreeSet<>();
        for (String raw : Files.readAllLines(DEPENDENCY_LIST, StandardCharsets.UTF_8)) {
            String line = raw.replaceAll("\u001B\\[[0-9;]*m", "").strip();
            String[] parts = line.split("\\s+")[0].split(":");
            if (parts.length < 5) {
                continue;
            }
            coordinates.add(parts[0] + ":" + parts[1] + ":" + parts[parts.length - 2]);
        }
        return coordinates;
    }

    @Test
    void listMatchesRuntimeDependencies() throws Exception {
        Set<String> runtime = runtimeDependencies();
        Set<String> listed = BundledLibraries.load().stream().map(BundledLibrary::coordinates).collect(Collectors.toCollection(TreeSet::new));

        assertThat(runtime).as("runtime dependencies").isNotEmpty();
        assertThat(runtime).as("runtime dependencies missing from " + BundledLibraries.RESOURCE).isSubsetOf(listed);
        assertThat(listed).as("entries of " + BundledLibraries.RESOURCE + " that are no runtime dependency").isSubsetOf(runtime);
    }

    @Test
    void everyEntryHasLicenseAndUrl() {
        for (BundledLibrary library : BundledLibraries.load()) {
            assertThat(library.license()).as(library.coordinates()).isNotBlank();
            assertThat(library.url()).as(library.coordinates()).startsWith("http");
        }
    }

    @Test
    void parseRejectsLineWithoutLicense() {
        assertThatThrownBy(() -> BundledLibraries.parse(List.of("# comment", "org.example:lib:1.0\t\thttps://example.org")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Line 2 of");
    }

    @Test
    void moduleDropsVersion() {
        assertThat(new BundledLibrary("com.h2database:h2:2.5.252", "MPL-2.0 or EPL-1.0", "https://h2database.com").module())
                .isEqualTo("com.h2database:h2");
    }
}
