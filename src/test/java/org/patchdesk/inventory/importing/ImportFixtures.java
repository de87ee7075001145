package org.patchdesk.inventory.importing;

import java.nio.file.Path;

import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.workspace.Services;

/** Imports a file the way the wizard does by default: first sheet, detected header row, suggested mapping. */
public final class ImportFixtures {

    private ImportFixtures() {
    }

    public static ImportRequest defaultRequest(Services services, Path file) throws Exception {
        SheetPreview preview = services.inventoryImport().preview(file, null);
        return new ImportRequest(file, preview.sheet(), preview.headerRow().number(),
                services.inventoryImport().suggestMapping(preview.headers()));
    }

    public static ImportResult importFile(Services services, Path file, Actor actor) throws Exception {
        return services.inventoryImport().importFile(defaultRequest(services, file), actor, ProgressMonitor.NONE);
    }
}
