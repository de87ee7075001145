package org.patchdesk.about;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the list of bundled libraries and their licenses from {@value #RESOURCE}: one library a line,
 * with the coordinates, the license and its URL separated by tabs, and {@code #} comment lines.
 */
public final class BundledLibraries {

    public static final String RESOURCE = "/org/patchdesk/about/bundled-libraries.tsv";

    private BundledLibraries() {
    }

    /**
     * Returns the libraries in the order of the file.
     *
     * @throws UncheckedIOException     when the build lacks the list
     * @throws IllegalArgumentException naming the line that does not have three tab-separated fields
     */
    public static List<BundledLibrary> load() {
        try (InputStream in = BundledLibraries.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("The library list " + RESOURCE + " is missing from this PatchDesk build");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<BundledLibrary> parse(List<String> lines) {
        List<BundledLibrary> libraries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 3 || fields[0].split(":").length != 3 || fields[1].isBlank() || fields[2].isBlank()) {
                throw new IllegalArgumentException("Line " + (i + 1) + " of " + RESOURCE + " needs group:artifact:version, the license"
                        + " and its URL separated by tabs: " + line);
            }
            libraries.add(new BundledLibrary(fields[0].strip(), fields[1].strip(), fields[2].strip()));
        }
        return List.copyOf(libraries);
    }
}
