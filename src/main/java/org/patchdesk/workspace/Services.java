package org.patchdesk.workspace;

import java.time.Clock;

import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.intel.MatchService;
import org.patchdesk.inventory.DeviceService;
import org.patchdesk.inventory.DeviceTypeService;
import org.patchdesk.inventory.FdaProductClassification;
import org.patchdesk.inventory.ManufacturerService;
import org.patchdesk.inventory.export.InventoryExportService;
import org.patchdesk.inventory.importing.InventoryImportService;
import org.patchdesk.inventory.importing.VersionConflictService;
import org.patchdesk.patchlog.PatchLogService;
import org.patchdesk.planning.Mds2Service;
import org.patchdesk.planning.OsSupportService;
import org.patchdesk.planning.PatchabilityService;
import org.patchdesk.risk.FeedStatusService;
import org.patchdesk.risk.FindingService;
import org.patchdesk.risk.IntelligenceService;
import org.patchdesk.risk.SettingsService;
import org.patchdesk.risk.ssvc.SsvcTables;
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
    private final SettingsService settings;
    private final IntelligenceService intelligence;
    private final FindingService findings;
    private final FeedStatusService feedStatus;
    private final Mds2Service mds2;
    private final OsSupportService osSupport;
    private final PatchabilityService patchability;
    private final PatchLogService patchLog;
    private final VersionConflictService versionConflicts;

    public Services(Database database, FdaProductClassification fda, SsvcTables ssvc, Clock clock) {
        this.database = database;
        this.clock = clock;
        Jdbi jdbi = database.jdbi();
        AuditLog auditLog = new AuditLog();
        this.settings = new SettingsService(jdbi, auditLog, ssvc, clock);
        this.intelligence = new IntelligenceService(jdbi, auditLog, new MatchService(auditLog), ssvc, settings, clock);
        this.findings = new FindingService(jdbi, auditLog, ssvc, settings, clock);
        this.feedStatus = new FeedStatusService(jdbi, settings, clock);
        this.devices = new DeviceService(jdbi, auditLog, fda, clock, intelligence);
        this.manufacturers = new ManufacturerService(jdbi, auditLog, clock, intelligence);
        this.deviceTypes = new DeviceTypeService(jdbi, auditLog, fda, clock, intelligence);
        this.inventoryImport = new InventoryImportService(jdbi, auditLog, fda, clock, intelligence);
        this.inventoryExport = new InventoryExportService();
        this.osSupport = new OsSupportService(jdbi, auditLog, clock);
        this.patchability = new PatchabilityService(jdbi, auditLog, osSupport, clock);
        this.mds2 = new Mds2Service(jdbi, auditLog, patchability, clock);
        this.patchLog = new PatchLogService(jdbi, auditLog, devices, findings, clock);
        this.versionConflicts = new VersionConflictService(jdbi, auditLog, devices, clock);
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

    public SettingsService settings() {
        return settings;
    }

    public IntelligenceService intelligence() {
        return intelligence;
    }

    public FindingService findings() {
        return findings;
    }

    public FeedStatusService feedStatus() {
        return feedStatus;
    }

    public Mds2Service mds2() {
        return mds2;
    }

    public OsSupportService osSupport() {
        return osSupport;
    }

    public PatchabilityService patchability() {
        return patchability;
    }

    public PatchLogService patchLog() {
        return patchLog;
    }

    public VersionConflictService versionConflicts() {
        return versionConflicts;
    }

    /** Closes the database. */
    @Override
    public void close() {
        database.close();
    }
}
