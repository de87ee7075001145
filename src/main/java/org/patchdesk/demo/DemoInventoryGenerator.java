package org.patchdesk.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

import org.patchdesk.common.ProgressMonitor;

/**
 * Writes a realistic CMMS inventory export of a fictional hospital for demonstrations and load
 * tests. The workbook mimics real exports: title rows above the header, numeric and zero-padded asset
 * tags, dates as date cells and as text, MAC addresses in several notations, inconsistent
 * manufacturer spellings, and a totals row. Every value is valid, so PatchDesk's importer accepts
 * every row. The devices include products that CISA advisories name, with software versions inside
 * and outside the affected ranges (see {@link AdvisoryProducts}); once the inventory has at least
 * {@link #minimumCountForAllAdvisoryVersions()} devices, every one of those versions appears.
 *
 * <p>The same seed and the same clock reading give the same devices, because all choices come from
 * one random number generator seeded with {@code seed}, and the clock's date is the export date.
 */
public final class DemoInventoryGenerator {

    /** Excel's 1,048,576 rows a sheet, less the title rows, the header row, the blank row and the totals row. */
    public static final int MAX_DEVICES = 1_048_576 - 6;

    private static final String TITLE = "Cedar Prairie Regional Hospital - Clinical Engineering Equipment Inventory";
    private static final DateTimeFormatter GENERATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final int PROGRESS_EVERY = 1000;

    private final long seed;
    private final Clock clock;

    public DemoInventoryGenerator(long seed, Clock clock) {
        this.seed = seed;
        this.clock = clock;
    }

    /** Returns the device count from which every advisory product version in the demo data has a row. */
    public static int minimumCountForAllAdvisoryVersions() {
        return DemoDeviceFactory.reservedRowCount();
    }

    /**
     * Writes a CMMS-style inventory export of {@code deviceCount} devices to {@code target} (.xlsx),
     * replacing it. The workbook is written to a temporary file in the target's folder and then moved
     * into place, so a failed or cancelled run leaves any earlier file as it was.
     *
     * @throws IllegalArgumentException when {@code deviceCount} is negative or above {@link #MAX_DEVICES}
     * @throws org.patchdesk.common.OperationCancelledException when the monitor is cancelled, and then no file is written
     */
    public void write(int deviceCount, Path target, ProgressMonitor monitor) throws IOException {
        if (deviceCount < 0 || deviceCount > MAX_DEVICES) {
            throw new IllegalArgumentException("The device count must be between 0 and " + MAX_DEVICES + ", not " + deviceCount);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        DemoDeviceFactory devices = new DemoDeviceFactory(new SplittableRandom(seed), now.toLocalDate(), deviceCount);

        try (EquipmentExportSheet sheet = new EquipmentExportSheet()) {
            sheet.writeTitle(TITLE, "Report generated " + now.format(GENERATED_AT) + " by CMMS (Nuvolo)");
            sheet.writeHeader();
            for (int i = 0; i < deviceCount; i++) {
                sheet.writeDevice(devices.create(i));
                int done = i + 1;
                if (done % PROGRESS_EVERY == 0) {
                    monitor.checkCancelled();
                    monitor.progress(done, deviceCount, "Writing device " + done + " of " + deviceCount);
                }
            }
            sheet.writeTotals(deviceCount);

            monitor.checkCancelled();
            monitor.progress(deviceCount, deviceCount, "Saving " + target.getFileName());
            sheet.save(target);
        }
    }
}
