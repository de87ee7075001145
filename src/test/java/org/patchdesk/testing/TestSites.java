package org.patchdesk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.patchdesk.common.Actor;
import org.patchdesk.inventory.FdaProductClassification;
import org.patchdesk.risk.ssvc.SsvcTables;
import org.patchdesk.storage.Database;
import org.patchdesk.workspace.Services;

/** Real H2 databases built by the real migrations, in a test's temporary folder, with a fixed clock. */
public final class TestSites {

    /** 2026-12-04 07:00 in Chicago. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T13:00:00Z"), ZoneId.of("America/Chicago"));
    public static final Actor TECHNICIAN = new Actor("jtech");
    public static final Actor MANAGER = new Actor("mmanager");

    private static FdaProductClassification fda;
    private static SsvcTables ssvc;

    private TestSites() {
    }

    public static Services open(Path folder) {
        return open(folder, CLOCK);
    }

    public static Services open(Path folder, Clock clock) {
        return new Services(Database.open(folder, Database.DEFAULT_NAME), fdaClassification(), ssvcTables(), clock);
    }

    public static synchronized FdaProductClassification fdaClassification() {
        if (fda == null) {
            fda = FdaProductClassification.load();
        }
        return fda;
    }

    public static synchronized SsvcTables ssvcTables() {
        if (ssvc == null) {
            ssvc = SsvcTables.load();
        }
        return ssvc;
    }

    /** Copies a test resource into {@code folder} and returns the copy. */
    public static Path copyResource(String resource, Path folder) throws IOException {
        Path target = folder.resolve(Path.of(resource).getFileName().toString());
        try (InputStream in = TestSites.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Test resource " + resource + " is missing");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
