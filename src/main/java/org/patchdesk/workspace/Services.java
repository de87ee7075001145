package org.patchdesk.workspace;

import java.time.Clock;

import org.patchdesk.audit.AuditLog;
import org.patchdesk.inventory.DeviceService;
import org.patchdesk.inventory.DeviceTypeService;
import org.patchdesk.inventory.FdaProductClassification;
import org.patchdesk.inventory.ManufacturerService;
import org.patchdesk.inventory.export.InventoryExportService;
import org.patchdesk.inventory.importing.InventoryImportService;
import org.patchdesk.storage.Database;

/**
 * The composition root: every service of one database, wired by constructor. The GUI and the
 * command line both work through an instance of this class.
 */
public final class Services implements AutoCloseable {

    private final Database database;
    private final Clock clock;
    private final DeviceService devices;
    private final ManufacturerService manufacturers;
    private final DeviceTypeService deviceTypes;
    private final InventoryImportService inventoryImport;
    private final InventoryExportService inventoryExport;

    public Services(Database database, FdaProductClassification fda, Clock clock) {
        this.database = database;
        this.clock = clock;
        AuditLog auditLog = new AuditLog();
        this.devices = new DeviceService(database.jdbi(), auditLog, fda, clock);
        this.manufacturers = new ManufacturerService(database.jdbi(), auditLog, clock);
        this.deviceTypes = new DeviceTypeService(database.jdbi(), auditLog, fda, clock);
        this.inventoryImport = new InventoryImportService(database.jdbi(), auditLog, fda, clock);
        this.inventoryExport = new InventoryExportService();
    }

    public Database database() {
        return database;
    }

    public Clock clock() {
        return clock;
    }

    public DeviceService devices() {
        return devices;
    }

    public ManufacturerService manufacturers() {
        return manufacturers;
    }

    public DeviceTypeService deviceTypes() {
        return deviceTypes;
    }

    public InventoryImportService inventoryImport() {
        return inventoryImport;
    }

    public InventoryExportService inventoryExport() {
        return inventoryExport;
    }

    /** Closes the database. */
    @Override
    public void close() {
        database.close();
    }
}
