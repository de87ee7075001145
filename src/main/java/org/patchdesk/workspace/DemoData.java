package org.patchdesk.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.inventory.importing.ImportException;
import org.patchdesk.inventory.importing.ImportRequest;
import org.patchdesk.inventory.importing.ImportResult;
import org.patchdesk.inventory.importing.InventoryImportService;
import org.patchdesk.inventory.importing.SheetPreview;
import org.patchdesk.tabular.TabularFileException;

/**
 * The sample inventory that "Open demo data" loads: a fictional CMMS export of about 500 devices
 * that ships inside the application, imported through the same import as a user's file.
 */
public final class DemoData {

    public static final String SAMPLE_RESOURCE = "/org/patchdesk/assets/sample-data/demo-inventory.xlsx";
    public static final String SAMPLE_FILE_NAME = "demo-inventory.xlsx";

    private DemoData() {
    }

    /** Imports the sample into the demo database when it has no devices yet; returns the import, or null when it had devices. */
    public static ImportResult loadIfEmpty(Services demo, Actor actor, ProgressMonitor monitor)
            throws IOException, ImportException, TabularFileException {
        if (demo.devices().count() > 0) {
            return null;
        }
        Path folder = demo.database().file().getParent();
        Path sample = folder.resolve(SAMPLE_FILE_NAME);
        try (InputStream in = DemoData.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IOException("The demo inventory " + SAMPLE_RESOURCE + " is missing from the application");
            }
            Files.copy(in, sample, StandardCopyOption.REPLACE_EXISTING);
        }
        InventoryImportService imports = demo.inventoryImport();
        SheetPreview preview = imports.preview(sample, null);
        ImportRequest request = new ImportRequest(sample, preview.sheet(), preview.headerRow().number(),
                imports.suggestMapping(preview.headers()));
        return imports.importFile(request, actor, monitor);
    }
}
