package org.patchdesk.workspace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.intel.feeds.FeedFormatException;
import org.patchdesk.inventory.importing.ImportException;
import org.patchdesk.inventory.importing.ImportRequest;
import org.patchdesk.inventory.importing.ImportResult;
import org.patchdesk.inventory.importing.InventoryImportService;
import org.patchdesk.inventory.importing.SheetPreview;
import org.patchdesk.risk.IntelligenceService;
import org.patchdesk.tabular.TabularFileException;

/**
 * The data that "Open demo data" loads: a fictional CMMS export of about 500 devices, and public
 * vulnerability feeds (the CISA KEV catalog, CISA ICS medical advisories in CSAF and CVE records)
 * with an EPSS file whose scores are invented for the demo, as its model_version line states. All
 * ship inside the application and are imported through the same imports as a user's files.
 */
public final class DemoData {

    public static final String SAMPLE_RESOURCE = "/org/patchdesk/assets/sample-data/demo-inventory.xlsx";
    public static final String SAMPLE_FILE_NAME = "demo-inventory.xlsx";
    static final String FEEDS_RESOURCE = "/org/patchdesk/assets/sample-data/feeds/";

    private DemoData() {
    }

    /** The result of loading the demo: the inventory import, and one line per feed import. */
    public record Loaded(ImportResult inventory, List<String> feeds) {
    }

    /**
     * Imports the sample inventory and feeds into the demo database when it has no devices yet.
     * Returns what was loaded, or null when the database already had devices.
     */
    public static Loaded loadIfEmpty(Services demo, Actor actor, ProgressMonitor monitor)
            throws IOException, ImportException, TabularFileException, FeedFormatException {
        if (demo.devices().count() > 0) {
            return null;
        }
        Path folder = demo.database().file().getParent();
        Path sample = folder.resolve(SAMPLE_FILE_NAME);
        copy(SAMPLE_RESOURCE, sample);
        InventoryImportService imports = demo.inventoryImport();
        SheetPreview preview = imports.preview(sample, null);
        ImportRequest request = new ImportRequest(sample, preview.sheet(), preview.headerRow().number(),
                imports.suggestMapping(preview.headers()));
        ImportResult inventory = imports.importFile(request, actor, monitor);
        List<String> lines = new ArrayList<>(loadFeeds(demo, folder.resolve("feeds"), actor, monitor));
        int requests = DemoVendors.record(demo, actor);
        lines.add(requests + " vendor validation requests");
        int windows = DemoWindows.plan(demo, actor);
        lines.add(windows + " patch windows with department rules");
        return new Loaded(inventory, lines);
    }

    private static List<String> loadFeeds(Services demo, Path folder, Actor actor, ProgressMonitor monitor)
            throws IOException, FeedFormatException {
        Map<String, List<Path>> files = new LinkedHashMap<>();
        try (InputStream in = DemoData.class.getResourceAsStream(FEEDS_RESOURCE + "index.txt")) {
            if (in == null) {
                throw new IOException("The demo feed list " + FEEDS_RESOURCE + "index.txt is missing from the application");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.strip().split("\\s+", 2);
                Path target = folder.resolve(parts[1]);
                copy(FEEDS_RESOURCE + parts[1], target);
                files.computeIfAbsent(parts[0], kind -> new ArrayList<>()).add(target);
            }
        }
        IntelligenceService intel = demo.intelligence();
        List<String> lines = new ArrayList<>();
        for (Path kev : files.getOrDefault("kev", List.of())) {
            lines.add(intel.importKev(kev, actor, monitor).feedImport().summary());
        }
        List<Path> advisories = files.getOrDefault("csaf", List.of());
        if (!advisories.isEmpty()) {
            lines.add(advisories.size() + " CSAF advisories: " + intel.importCsaf(advisories, actor, monitor).findings().describe());
        }
        List<Path> records = files.getOrDefault("cve", List.of());
        if (!records.isEmpty()) {
            lines.add(records.size() + " CVE records: " + intel.importCveRecords(records, actor, monitor).findings().describe());
        }
        for (Path epss : files.getOrDefault("epss", List.of())) {
            lines.add(intel.importEpss(epss, actor, monitor).feedImport().summary());
        }
        return lines;
    }

    private static void copy(String resource, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = DemoData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("The demo file " + resource + " is missing from the application");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
