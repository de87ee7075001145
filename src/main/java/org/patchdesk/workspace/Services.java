package org.patchdesk.workspace;

import java.time.Clock;

import org.jdbi.v3.core.Jdbi;
import org.patchdesk.acceptance.AcceptanceAuditReader;
import org.patchdesk.acceptance.RiskAcceptanceService;
import org.patchdesk.audit.AuditChain;
import org.patchdesk.backup.BackupService;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.controls.ControlAuditReader;
import org.patchdesk.controls.ControlService;
import org.patchdesk.governance.segmentation.SegmentationCaseService;
import org.patchdesk.governance.DashboardService;
import org.patchdesk.governance.MetricSnapshotAuditReader;
import org.patchdesk.governance.MetricSnapshotService;
import org.patchdesk.governance.MetricsService;
import org.patchdesk.governance.SiteSettingsService;
import org.patchdesk.audit.AuditTrail;
import org.patchdesk.audit.AuditVerifier;
import org.patchdesk.audit.AuditedRecordReaders;
import org.patchdesk.intel.MatchService;
import org.patchdesk.inventory.DeviceAuditReader;
import org.patchdesk.inventory.DeviceService;
import org.patchdesk.inventory.DeviceTypeAuditReader;
import org.patchdesk.inventory.DeviceTypeService;
import org.patchdesk.inventory.FdaProductClassification;
import org.patchdesk.inventory.ManufacturerAuditReader;
import org.patchdesk.inventory.ManufacturerService;
import org.patchdesk.inventory.export.InventoryExportService;
import org.patchdesk.inventory.importing.InventoryImportService;
import org.patchdesk.inventory.importing.VersionConflictService;
import org.patchdesk.onboarding.FirstRunService;
import org.patchdesk.patchlog.PatchDecisionAuditReader;
import org.patchdesk.patchlog.PatchLogAuditReader;
import org.patchdesk.patchlog.PatchLogService;
import org.patchdesk.planning.DevicePatchabilityAuditReader;
import org.patchdesk.planning.Mds2Service;
import org.patchdesk.planning.OsSupportAuditReader;
import org.patchdesk.planning.OsSupportService;
import org.patchdesk.planning.PatchabilityService;
import org.patchdesk.planning.ProductFactAuditReader;
import org.patchdesk.planning.ProductFactService;
import org.patchdesk.planning.ProductPatchabilityAuditReader;
import org.patchdesk.planning.ProductSupportAuditReader;
import org.patchdesk.planning.ProductSupportService;
import org.patchdesk.playbooks.PlaybookAuditReader;
import org.patchdesk.playbooks.PlaybookService;
import org.patchdesk.recovery.RecoveryProtocolAuditReader;
import org.patchdesk.playbooks.PlaybookStepAuditReader;
import org.patchdesk.recovery.RecoveryProtocolService;
import org.patchdesk.reports.ReportSite;
import org.patchdesk.reports.department.DepartmentSummaryService;
import org.patchdesk.reports.packet.AuditPacket;
import org.patchdesk.reports.workbook.AuditWorkbook;
import org.patchdesk.risk.FeedStatusService;
import org.patchdesk.risk.FindingAuditReader;
import org.patchdesk.risk.FindingService;
import org.patchdesk.risk.IntelligenceService;
import org.patchdesk.risk.SettingAuditReader;
import org.patchdesk.risk.SettingsService;
import org.patchdesk.risk.ssvc.SsvcTables;
import org.patchdesk.storage.Database;
import org.patchdesk.users.AccountWriteCheck;
import org.patchdesk.users.PasswordHasher;
import org.patchdesk.users.SignatureAuditReader;
import org.patchdesk.users.SignatureService;
import org.patchdesk.users.UserAuditReader;
import org.patchdesk.users.UserService;
import org.patchdesk.vendors.ValidationRequestService;
import org.patchdesk.vendors.VendorContactService;
import org.patchdesk.vendors.ValidationDocumentAuditReader;
import org.patchdesk.vendors.ValidationRequestAuditReader;
import org.patchdesk.vendors.VendorContactAuditReader;
import org.patchdesk.windows.BlackoutAuditReader;
import org.patchdesk.windows.MinimumAuditReader;
import org.patchdesk.windows.WindowAuditReader;
import org.patchdesk.windows.WindowCalendarExport;
import org.patchdesk.windows.WindowRules;
import org.patchdesk.windows.WindowService;
import org.patchdesk.windows.WindowWorkOrders;

/**
 * The composition root: every service of one database, wired by constructor. The GUI and the
 * command line both work through an instance of this class.
 */
public final class Services implements AutoCloseable {

    private final Database database;
    private final boolean demo;
    private final Clock clock;
    private final AuditChain auditChain;
    private final AuditedRecordReaders auditReaders;
    private final AuditVerifier auditVerifier;
    private final AuditTrail auditTrail;
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
    private final WindowRules windowRules;
    private final WindowService windows;
    private final WindowCalendarExport windowCalendar;
    private final WindowWorkOrders workOrders;
    private final ProductFactService productFacts;
    private final ProductSupportService productSupport;
    private final VendorContactService vendorContacts;
    private final ValidationRequestService validationRequests;
    private final PlaybookService playbooks;
    private final PatchLogService patchLog;
    private final VersionConflictService versionConflicts;
    private final RecoveryProtocolService recoveryProtocols;
    private final ControlService controls;
    private final UserService users;
    private final SignatureService signatures;
    private final RiskAcceptanceService acceptances;
    private final DepartmentSummaryService departmentSummaries;
    private final SegmentationCaseService segmentationCases;
    private final AuditWorkbook auditWorkbook;
    private final AuditPacket auditPacket;
    private final SiteSettingsService siteSettings;
    private final MetricsService metrics;
    private final MetricSnapshotService metricSnapshots;
    private final DashboardService dashboard;
    private final BackupService backups;
    private final FirstRunService firstRun;

    /** Opens the services of a site database, one that is not the demo database. */
    public Services(Database database, FdaProductClassification fda, SsvcTables ssvc, Clock clock) {
        this(database, fda, ssvc, clock, false);
    }

    /** Opens the services of a database; {@code demo} is true for the demo database. */
    public Services(Database database, FdaProductClassification fda, SsvcTables ssvc, Clock clock, boolean demo) {
        this.database = database;
        this.demo = demo;
        this.clock = clock;
        Jdbi jdbi = database.jdbi();
        this.auditChain = new AuditChain(jdbi, AuditChain.anchorFileOf(database.file()), clock);
        auditChain.chainMigratedEntries();
        AuditLog auditLog = new AuditLog(auditChain, new AccountWriteCheck());
        this.backups = new BackupService(jdbi, auditLog, database.file().toAbsolutePath().getParent(), demo, clock);
        PasswordHasher passwords = new PasswordHasher();
        this.users = new UserService(jdbi, auditLog, passwords, clock);
        this.signatures = new SignatureService(jdbi, auditLog, passwords, clock);
        this.settings = new SettingsService(jdbi, auditLog, ssvc, clock);
        this.siteSettings = new SiteSettingsService(jdbi, auditLog, clock);
        this.firstRun = new FirstRunService(jdbi, auditLog, users, clock);
        this.intelligence = new IntelligenceService(jdbi, auditLog, new MatchService(auditLog), ssvc, settings, clock, backups::beforeImport);
        this.findings = new FindingService(jdbi, auditLog, ssvc, settings, clock);
        this.feedStatus = new FeedStatusService(jdbi, settings, clock);
        this.devices = new DeviceService(jdbi, auditLog, fda, clock, intelligence);
        this.manufacturers = new ManufacturerService(jdbi, auditLog, clock, intelligence);
        this.deviceTypes = new DeviceTypeService(jdbi, auditLog, fda, clock, intelligence);
        this.inventoryImport = new InventoryImportService(jdbi, auditLog, fda, clock, intelligence, backups::beforeImport);
        this.inventoryExport = new InventoryExportService();
        this.osSupport = new OsSupportService(jdbi, auditLog, clock);
        this.patchability = new PatchabilityService(jdbi, auditLog, osSupport, clock);
        this.productFacts = new ProductFactService(jdbi, auditLog, clock);
        this.productSupport = new ProductSupportService(jdbi, auditLog, clock);
        this.mds2 = new Mds2Service(jdbi, auditLog, patchability, productFacts, devices, clock, backups::beforeImport);
        this.patchLog = new PatchLogService(jdbi, auditLog, devices, findings, signatures, clock);
        this.versionConflicts = new VersionConflictService(jdbi, auditLog, devices, clock);
        this.windowRules = new WindowRules(jdbi, auditLog, clock);
        this.windows = new WindowService(jdbi, auditLog, windowRules, patchLog, signatures, clock);
        this.windowCalendar = new WindowCalendarExport(clock);
        this.vendorContacts = new VendorContactService(jdbi, auditLog, clock);
        this.validationRequests = new ValidationRequestService(jdbi, auditLog, patchability, clock);
        this.playbooks = new PlaybookService(jdbi, auditLog, clock);
        this.workOrders = new WindowWorkOrders(windows, playbooks, reportSite(), clock);
        this.recoveryProtocols = new RecoveryProtocolService(jdbi, auditLog, patchability, clock);
        this.controls = new ControlService(jdbi, auditLog, intelligence, clock);
        this.acceptances = new RiskAcceptanceService(jdbi, auditLog, findings, controls, recoveryProtocols, signatures, clock);
        this.departmentSummaries = new DepartmentSummaryService(jdbi, windows, acceptances, osSupport, productSupport, clock);
        this.segmentationCases = new SegmentationCaseService(jdbi, ssvc, settings, patchability, clock);
        this.metrics = new MetricsService(jdbi, auditLog, patchability, osSupport, productSupport, clock);
        this.metricSnapshots = new MetricSnapshotService(jdbi, auditLog, metrics, clock);
        this.dashboard = new DashboardService(jdbi, metrics, metricSnapshots, patchability, clock);
        this.auditReaders = new AuditedRecordReaders()
                .register(new DeviceAuditReader())
                .register(new ManufacturerAuditReader())
                .register(new DeviceTypeAuditReader())
                .register(new WindowAuditReader(windows))
                .register(new PatchLogAuditReader())
                .register(new SettingAuditReader())
                .register(new AcceptanceAuditReader())
                .register(new SignatureAuditReader())
                .register(new UserAuditReader())
                .register(new ControlAuditReader())
                .register(new RecoveryProtocolAuditReader())
                .register(new VendorContactAuditReader())
                .register(new ValidationRequestAuditReader())
                .register(new ValidationDocumentAuditReader())
                .register(new PlaybookAuditReader())
                .register(new PlaybookStepAuditReader())
                .register(new OsSupportAuditReader())
                .register(new ProductSupportAuditReader())
                .register(new ProductFactAuditReader())
                .register(new ProductPatchabilityAuditReader())
                .register(new DevicePatchabilityAuditReader())
                .register(new BlackoutAuditReader())
                .register(new MinimumAuditReader())
                .register(new FindingAuditReader())
                .register(new PatchDecisionAuditReader())
                .register(new MetricSnapshotAuditReader());
        this.auditVerifier = new AuditVerifier(jdbi, auditChain, auditReaders, clock);
        this.auditTrail = new AuditTrail(jdbi, auditChain, clock);
        this.auditWorkbook = new AuditWorkbook(jdbi, auditChain, auditVerifier, osSupport, metrics, clock);
        this.auditPacket = new AuditPacket(jdbi, auditChain, auditVerifier, feedStatus, metrics, metricSnapshots, siteSettings,
                patchability, acceptances, auditWorkbook, demo, clock);
    }

    public AuditChain auditChain() {
        return auditChain;
    }

    /** Returns the registry of audited record readers, where a feature adds the reader of a record type it audits. */
    public AuditedRecordReaders auditReaders() {
        return auditReaders;
    }

    public AuditVerifier auditVerifier() {
        return auditVerifier;
    }

    public AuditTrail auditTrail() {
        return auditTrail;
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

    public WindowRules windowRules() {
        return windowRules;
    }

    public WindowService windows() {
        return windows;
    }

    public WindowCalendarExport windowCalendar() {
        return windowCalendar;
    }

    public WindowWorkOrders workOrders() {
        return workOrders;
    }

    public ProductFactService productFacts() {
        return productFacts;
    }

    public ProductSupportService productSupport() {
        return productSupport;
    }

    public VendorContactService vendorContacts() {
        return vendorContacts;
    }

    public ValidationRequestService validationRequests() {
        return validationRequests;
    }

    public PlaybookService playbooks() {
        return playbooks;
    }

    public PatchLogService patchLog() {
        return patchLog;
    }

    public VersionConflictService versionConflicts() {
        return versionConflicts;
    }

    public RecoveryProtocolService recoveryProtocols() {
        return recoveryProtocols;
    }

    /** Returns the site name printed in report headers, from the site settings. */
    public String siteName() {
        return siteSettings.current().name();
    }

    /** True for the demo database, whose printed reports carry a demo mark on every page. */
    public boolean isDemo() {
        return demo;
    }

    /** Returns the site that reports printed from this database show in their header, with the demo mark for the demo database. */
    public ReportSite reportSite() {
        return new ReportSite(siteName(), demo);
    }

    public ControlService controls() {
        return controls;
    }

    public UserService users() {
        return users;
    }

    public SignatureService signatures() {
        return signatures;
    }

    public RiskAcceptanceService acceptances() {
        return acceptances;
    }

    public DepartmentSummaryService departmentSummaries() {
        return departmentSummaries;
    }

    public SegmentationCaseService segmentationCases() {
        return segmentationCases;
    }

    public AuditWorkbook auditWorkbook() {
        return auditWorkbook;
    }

    public AuditPacket auditPacket() {
        return auditPacket;
    }

    public SiteSettingsService siteSettings() {
        return siteSettings;
    }

    public MetricsService metrics() {
        return metrics;
    }

    public MetricSnapshotService metricSnapshots() {
        return metricSnapshots;
    }

    public DashboardService dashboard() {
        return dashboard;
    }

    /** Returns the backups of this database and their settings. */
    public BackupService backups() {
        return backups;
    }

    public FirstRunService firstRun() {
        return firstRun;
    }

    /** Closes the database. */
    @Override
    public void close() {
        database.close();
    }
}
