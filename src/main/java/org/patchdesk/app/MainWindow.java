package org.patchdesk.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.Preferences;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.patchdesk.audit.AuditVerification;
import org.patchdesk.audit.ui.AuditTrailView;
import org.patchdesk.common.Actor;
import org.patchdesk.reports.packet.AuditPacket;
import org.patchdesk.reports.packet.PacketRequest;
import org.patchdesk.reports.workbook.AuditWorkbook;
import org.patchdesk.reports.workbook.WorkbookRequest;
import org.patchdesk.acceptance.ui.AcceptancesView;
import org.patchdesk.controls.ui.ControlsView;
import org.patchdesk.governance.segmentation.ui.SegmentationCaseDialog;
import org.patchdesk.governance.ui.DashboardView;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.ui.DeviceFormDialog;
import org.patchdesk.inventory.ui.DeviceFormViewModel;
import org.patchdesk.inventory.ui.DeviceRow;
import org.patchdesk.inventory.ui.DeviceTypesView;
import org.patchdesk.inventory.ui.ImportHistoryView;
import org.patchdesk.inventory.ui.ImportWizard;
import org.patchdesk.inventory.ui.ImportWizardViewModel;
import org.patchdesk.inventory.ui.InventoryView;
import org.patchdesk.inventory.ui.InventoryViewModel;
import org.patchdesk.inventory.ui.ManufacturersView;
import org.patchdesk.onboarding.ui.GettingStartedGuide;
import org.patchdesk.onboarding.ui.GettingStartedViewModel;
import org.patchdesk.patchlog.ui.PatchLogView;
import org.patchdesk.planning.ui.PatchabilityView;
import org.patchdesk.playbooks.ui.PlaybooksView;
import org.patchdesk.recovery.ui.RecoveryProtocolsView;
import org.patchdesk.reports.department.ui.DepartmentSummaryDialog;
import org.patchdesk.windows.ui.WindowCalendarView;
import org.patchdesk.risk.ui.DeviceFindingsPane;
import org.patchdesk.risk.ui.FeedsView;
import org.patchdesk.risk.ui.MatchReviewView;
import org.patchdesk.risk.ui.WorklistView;
import org.patchdesk.risk.ui.WorklistViewModel;
import org.patchdesk.settings.ui.SettingsDialog;
import org.patchdesk.settings.ui.SettingsPage;
import org.patchdesk.settings.ui.SettingsPages;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.ProgressDialog;
import org.patchdesk.ui.DocumentOpener;
import org.patchdesk.users.Role;
import org.patchdesk.users.User;
import org.patchdesk.users.ui.SignInDialog;
import org.patchdesk.users.ui.UsersView;
import org.patchdesk.vendors.ui.VendorsView;
import org.patchdesk.backup.BackupReason;
import org.patchdesk.backup.RestoreCandidate;
import org.patchdesk.workspace.DemoData;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application window: a menu, a navigation list of the areas, the current area, the signed-in
 * user, and a banner while the demo database is open. The window works on one database at a time,
 * the site's or the demo's, and rebuilds its areas when it switches or another user signs in.
 * Changes are recorded under the signed-in user in both databases. The demo database has no user
 * accounts of its own, so it takes changes as a database without accounts does, and its window
 * approvals are typed names.
 */
public final class MainWindow implements InventoryView.InventoryActions {

    private static final Logger log = LoggerFactory.getLogger(MainWindow.class);

    static final String DASHBOARD = "Dashboard";
    static final String WORKLIST = "Worklist";
    static final String INVENTORY = "Inventory";
    static final String FEEDS = "Vulnerability feeds";
    static final String MATCHES = "Match review";
    static final String PATCHABILITY = "Patchability";
    static final String CONTROLS = "Controls";
    static final String WINDOWS = "Patch windows";
    static final String VENDORS = "Vendors";
    static final String PLAYBOOKS = "Playbooks";
    static final String PATCH_LOG = "Patch log";
    static final String RECOVERY = "Recovery protocols";
    static final String RISK_ACCEPTANCES = "Risk acceptances";
    static final String IMPORT_HISTORY = "Import history";
    static final String MANUFACTURERS = "Manufacturers";
    static final String DEVICE_TYPES = "Device types";
    static final String USERS = "Users";
    static final String AUDIT_TRAIL = "Audit trail";

    /** The areas in the navigation, in order; administrators also see Users. */
    private static final List<String> AREAS = List.of(DASHBOARD, WORKLIST, INVENTORY, FEEDS, MATCHES, PATCHABILITY, CONTROLS, RISK_ACCEPTANCES,
            VENDORS, WINDOWS, PATCH_LOG, PLAYBOOKS, RECOVERY, IMPORT_HISTORY, MANUFACTURERS, DEVICE_TYPES, AUDIT_TRAIL);

    private final Stage stage;
    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Preferences preferences;
    private User user;
    private Actor actor;

    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final ListView<String> navigation = new ListView<>();
    private final HBox demoBanner = new HBox(12);
    private final HBox auditBanner = new HBox(12);
    private final Label auditBannerText = new Label();
    private final MenuItem demoMenuItem = new MenuItem();
    private final MenuItem resetDemoMenuItem = new MenuItem("Reset demo data…");
    private final Label dataFolderLabel = new Label();
    private final Label signedInLabel = new Label();
    private final InactivityLock lock;

    private Services site;
    private Services demo;
    private Services current;
    private InventoryViewModel inventoryModel;
    private InventoryView inventoryView;
    private ImportHistoryView historyView;
    private ManufacturersView manufacturersView;
    private DeviceTypesView deviceTypesView;
    private WorklistView worklistView;
    private DashboardView dashboardView;
    private FeedsView feedsView;
    private MatchReviewView matchReviewView;
    private PatchabilityView patchabilityView;
    private ControlsView controlsView;
    private WindowCalendarView windowsView;
    private VendorsView vendorsView;
    private PlaybooksView playbooksView;
    private PatchLogView patchLogView;
    private RecoveryProtocolsView recoveryView;
    private AcceptancesView acceptancesView;
    private UsersView usersView;
    private AuditTrailView auditTrailView;

    /** Creates the window for the user who signed in to the site database. */
    public MainWindow(Stage stage, Workspace workspace, Services site, BackgroundTasks tasks, DialogService dialogs,
                      Preferences preferences, User user) {
        this.stage = stage;
        this.workspace = workspace;
        this.site = site;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.preferences = preferences;
        this.user = user;
        this.actor = new Actor(user.userName());

        lock = new InactivityLock(root, () -> this.site.users(), () -> this.user, this::signedIn);
        root.setId("mainWindow");
        root.setTop(new VBox(menuBar(), demoBanner(), auditBanner()));
        root.setLeft(navigationPane());
        root.setCenter(content);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(new StackPane(root, lock.pane()), Math.min(1440, screen.getWidth()), Math.min(880, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource("/org/patchdesk/ui/patchdesk.css").toExternalForm());
        lock.guard(scene);
        stage.setScene(scene);
        stage.setTitle("PatchDesk");
        AppIcon.apply(stage);
        lock.setMinutes(site.users().lockAfterMinutes());
        use(site);
        showBackupProblems(site);
    }

    /** Shows each problem of an automatic backup of the site database, such as a failed daily backup or second copy. */
    private void showBackupProblems(Services services) {
        services.backups().addProblemListener(problem -> Platform.runLater(() -> {
            if (site == services) {
                dialogs.showError("Backup problem", problem);
            }
        }));
    }

    /** Returns the account changes are recorded under. */
    public User user() {
        return user;
    }

    InactivityLock lock() {
        return lock;
    }

    private void signedIn(User account) {
        user = account;
        actor = new Actor(account.userName());
        use(current);
    }

    /** Returns the services of the database the window shows now. */
    public Services current() {
        return current;
    }

    public boolean isDemo() {
        return current == demo && demo != null;
    }

    private MenuBar menuBar() {
        MenuItem importItem = item("Import inventory…", this::importInventory);
        importItem.setAccelerator(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN));
        MenuItem exportItem = item("Export inventory…", () -> exportInventory(inventoryView.table().getItems(), inventoryModel.isFiltered()));
        exportItem.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        demoMenuItem.setId("demoMenuItem");
        demoMenuItem.setOnAction(event -> toggleDemo());
        resetDemoMenuItem.setOnAction(event -> resetDemo());
        MenuItem exit = item("Exit", stage::close);
        MenuItem backUp = item("Back up now", this::backUpNow);
        backUp.setId("backUpNowMenuItem");
        MenuItem restore = item("Restore from backup…", this::restoreFromBackup);
        restore.setId("restoreMenuItem");
        MenuItem backupSettings = item("Backup settings…", this::editBackupSettings);
        backupSettings.setId("backupSettingsMenuItem");
        Menu file = new Menu("File", null, importItem, exportItem, new SeparatorMenuItem(), backUp, restore, backupSettings,
                new SeparatorMenuItem(), demoMenuItem, resetDemoMenuItem, new SeparatorMenuItem(), exit);

        MenuItem add = item("Add device…", this::addDevice);
        add.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        MenuItem copy = item("Copy selected rows", () -> inventoryView.copySelection());
        MenuItem settings = item("Settings…", () -> openSettings(SettingsPages.SITE));
        settings.setId("settingsMenuItem");
        settings.setAccelerator(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN));
        Menu edit = new Menu("Edit", null, add, copy, new SeparatorMenuItem(), settings);

        MenuItem lockNow = item("Lock now", lock::lock);
        lockNow.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        MenuItem password = item("Change my password…", this::changePassword);
        MenuItem other = item("Sign in as another user…", this::switchUser);
        Menu account = new Menu("Account", null, lockNow, password, other);

        MenuBar bar = new MenuBar(file, edit, account, reportsMenu());
        Menu help = new HelpMenu(workspace.folder(), tasks, dialogs, DocumentOpener.desktop(), stage, this::openGettingStarted)
                .build(() -> bar);
        bar.getMenus().add(help);
        bar.setId("menuBar");
        return bar;
    }

    /** Returns the Reports menu: the audit workbook, the leadership reports, and the site name and logo they print. */
    private Menu reportsMenu() {
        MenuItem departmentSummary = item("Department summary…", () -> new DepartmentSummaryDialog(current.departmentSummaries(),
                current.reportSite(), actor, tasks, dialogs, DocumentOpener.desktop(), stage).open());
        departmentSummary.setId("departmentSummaryMenuItem");
        MenuItem segmentation = item("Segmentation case…", () -> new SegmentationCaseDialog(current.segmentationCases(), tasks, dialogs,
                current.reportSite(), actor.name()).show(stage));
        segmentation.setId("segmentationCaseMenuItem");
        MenuItem site = item("Site name and logo…", () -> openSettings(SettingsPages.SITE));
        site.setId("siteSettingsMenuItem");
        Menu reports = new Menu("Reports", null, auditWorkbookItem(), auditPacketItem(), new SeparatorMenuItem(), departmentSummary, segmentation,
                new SeparatorMenuItem(), site);
        reports.setId("reportsMenu");
        return reports;
    }

    /**
     * Opens the Settings dialog on a page for the database shown. After a save, the inactivity lock
     * takes the stored minutes and the area shown reads its data again.
     */
    void openSettings(String page) {
        List<SettingsPage> pages = SettingsPages.standard(current, site.users(), dialogs);
        pages.add(new BackupSettingsPage(site.backups(), dialogs));
        new SettingsDialog(pages, tasks, dialogs, actor, stage).show(page, saved -> {
            log.info("Settings saved by {}: {}", actor.name(), saved);
            lock.setMinutes(site.users().lockAfterMinutes());
            showArea(navigation.getSelectionModel().getSelectedItem());
        });
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(event -> action.run());
        return item;
    }

    private HBox demoBanner() {
        Label text = new Label("Demo data: fictional devices in a separate database. Nothing here mixes with your site's records.");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button leave = new Button("Return to site data");
        leave.setId("leaveDemoButton");
        // Focus returning from a dialog must not land here, where Enter would leave the demo.
        leave.setFocusTraversable(false);
        leave.setOnAction(event -> toggleDemo());
        demoBanner.getChildren().setAll(text, spacer, leave);
        demoBanner.setAlignment(Pos.CENTER_LEFT);
        demoBanner.getStyleClass().add("demo-banner");
        demoBanner.setId("demoBanner");
        return demoBanner;
    }

    /** Builds the warning shown while the last verification of the audit trail found a problem. */
    private HBox auditBanner() {
        auditBannerText.setId("auditBannerText");
        auditBannerText.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button open = new Button("Open audit trail");
        open.setId("openAuditTrailButton");
        open.setOnAction(event -> navigation.getSelectionModel().select(AUDIT_TRAIL));
        auditBanner.getChildren().setAll(auditBannerText, spacer, open);
        auditBanner.setAlignment(Pos.CENTER_LEFT);
        auditBanner.getStyleClass().add("audit-banner");
        auditBanner.setId("auditBanner");
        showAuditBanner(null);
        return auditBanner;
    }

    /** Shows the banner with the first problem of a failed verification, or hides it. */
    private void showAuditBanner(String problem) {
        auditBannerText.setText(problem == null ? "" : "Audit trail check failed: " + problem);
        auditBanner.setVisible(problem != null);
        auditBanner.setManaged(problem != null);
    }

    private void showVerification(AuditVerification result) {
        showAuditBanner(result.intact() ? null : result.summary());
    }

    /** Verifies the audit trail of the database shown, in the background, as each database is opened. */
    private void verifyAuditTrail(Services services) {
        showAuditBanner(null);
        tasks.submit("Verifying the audit trail", monitor -> services.auditVerifier().verify(monitor), result -> {
            if (current == services) {
                showVerification(result);
            }
            if (!result.intact()) {
                log.warn("Audit trail check of {} failed: {}", services.database().file(), result.problems());
            }
        }, error -> {
            log.error("Verifying the audit trail of {} failed", services.database().file(), error);
            if (current == services) {
                showAuditBanner("the check could not run (" + error.getMessage() + ")");
            }
        });
    }

    private Node navigationPane() {
        navigation.setId("navigation");
        navigation.getStyleClass().add("navigation");
        navigation.getItems().setAll(AREAS);
        navigation.getSelectionModel().selectedItemProperty().addListener((observable, old, area) -> showArea(area));
        dataFolderLabel.getStyleClass().add("data-folder");
        dataFolderLabel.setWrapText(true);
        signedInLabel.setId("signedInUser");
        signedInLabel.getStyleClass().add("data-folder");
        signedInLabel.setWrapText(true);
        VBox box = new VBox(navigation, signedInLabel, dataFolderLabel);
        VBox.setVgrow(navigation, Priority.ALWAYS);
        VBox.setMargin(signedInLabel, new Insets(6, 6, 0, 6));
        VBox.setMargin(dataFolderLabel, new Insets(6));
        box.setPrefWidth(180);
        return box;
    }

    /** Shows the areas of one database, replacing those of the other. */
    private void use(Services services) {
        current = services;
        boolean demoOpen = isDemo();
        demoBanner.setVisible(demoOpen);
        demoBanner.setManaged(demoOpen);
        demoMenuItem.setText(demoOpen ? "Return to site data" : "Open demo data");
        resetDemoMenuItem.setVisible(demoOpen);
        stage.setTitle(demoOpen ? "PatchDesk (demo data)" : "PatchDesk");
        dataFolderLabel.setText("Data: " + services.database().file().getParent());
        signedInLabel.setText("Signed in: " + user.displayName() + "\n" + Role.labels(user.roles()));
        List<String> areas = new java.util.ArrayList<>(AREAS);
        if (user.has(Role.ADMINISTRATOR)) {
            areas.add(USERS);
        }
        navigation.getItems().setAll(areas);
        usersView = new UsersView(site.users(), tasks, dialogs, actor, site.clock().getZone(), lock::setMinutes, this::copyAccountsToDemo);

        inventoryModel = new InventoryViewModel(services.devices(), tasks);
        inventoryView = new InventoryView(inventoryModel, preferences.node("inventory"), this);
        historyView = new ImportHistoryView(services.inventoryImport(), tasks, dialogs, actor, services.clock().getZone(),
                this::reloadInventory);
        manufacturersView = new ManufacturersView(services.manufacturers(), dialogs, actor, this::reloadInventory);
        deviceTypesView = new DeviceTypesView(services.deviceTypes(), dialogs, actor, this::reloadInventory);
        worklistView = new WorklistView(new WorklistViewModel(services.findings(), services.feedStatus(), tasks), dialogs, actor, services.clock());
        dashboardView = new DashboardView(services.dashboard(), services.metrics(), services.metricSnapshots(), tasks, dialogs, actor,
                services.clock().getZone(), dashboardNavigation());
        feedsView = new FeedsView(services.intelligence(), services.feedStatus(), services.settings(), tasks, dialogs, actor,
                services.clock().getZone(), () -> { });
        matchReviewView = new MatchReviewView(services.intelligence(), tasks, dialogs, actor, () -> { });
        patchabilityView = new PatchabilityView(services.patchability(), services.mds2(), services.osSupport(),
                services.productSupport(), services.productFacts(), tasks, dialogs, actor);
        windowsView = new WindowCalendarView(services.windows(), services.windowRules(), services.windowCalendar(), services.playbooks(),
                services.workOrders(), services.patchLog(), services.validationRequests(), tasks, dialogs, DocumentOpener.desktop(), actor,
                services.clock(), this::reloadInventory);
        controlsView = new ControlsView(services.controls(), tasks, dialogs, actor);
        vendorsView = new VendorsView(services.vendorContacts(), services.validationRequests(), tasks, dialogs, DocumentOpener.desktop(),
                actor, services.clock());
        playbooksView = new PlaybooksView(services.playbooks(), tasks, dialogs, actor);
        patchLogView = new PatchLogView(services.patchLog(), services.versionConflicts(), services.patchability(), tasks, dialogs,
                actor, services.clock(), this::reloadInventory);
        recoveryView = new RecoveryProtocolsView(services.recoveryProtocols(), tasks, dialogs, DocumentOpener.desktop(), actor,
                services.clock(), services.reportSite());
        auditTrailView = new AuditTrailView(services.auditTrail(), services.auditVerifier(), tasks, dialogs, services.clock(),
                this::showVerification);
        acceptancesView = new AcceptancesView(services.acceptances(), tasks, dialogs, DocumentOpener.desktop(), actor, services.clock(),
                services.reportSite());
        reloadInventory();
        navigation.getSelectionModel().select(INVENTORY);
        showArea(INVENTORY);
        verifyAuditTrail(services);
    }

    private void showArea(String area) {
        if (area == null) {
            return;
        }
        Node view = switch (area) {
            case IMPORT_HISTORY -> {
                historyView.refresh();
                yield historyView;
            }
            case MANUFACTURERS -> {
                manufacturersView.refresh();
                yield manufacturersView;
            }
            case DEVICE_TYPES -> {
                deviceTypesView.refresh();
                yield deviceTypesView;
            }
            case DASHBOARD -> {
                dashboardView.refresh();
                yield dashboardView;
            }
            case WORKLIST -> {
                worklistView.refresh();
                yield worklistView;
            }
            case FEEDS -> {
                feedsView.refresh();
                yield feedsView;
            }
            case MATCHES -> {
                matchReviewView.refresh();
                yield matchReviewView;
            }
            case WINDOWS -> {
                windowsView.refresh();
                yield windowsView;
            }
            case PATCHABILITY -> {
                patchabilityView.refresh();
                yield patchabilityView;
            }
            case CONTROLS -> {
                controlsView.refresh();
                yield controlsView;
            }
            case VENDORS -> {
                vendorsView.refresh();
                yield vendorsView;
            }
            case PLAYBOOKS -> {
                playbooksView.refresh();
                yield playbooksView;
            }
            case RISK_ACCEPTANCES -> {
                acceptancesView.refresh();
                yield acceptancesView;
            }
            case RECOVERY -> {
                recoveryView.refresh();
                yield recoveryView;
            }
            case PATCH_LOG -> {
                patchLogView.refresh();
                yield patchLogView;
            }
            case USERS -> {
                usersView.refresh();
                yield usersView;
            }
            case AUDIT_TRAIL -> {
                auditTrailView.refresh();
                yield auditTrailView;
            }
            default -> inventoryModel.rows().isEmpty() && !inventoryModel.loadingProperty().get() ? welcomePane() : inventoryView;
        };
        content.getChildren().setAll(view);
    }

    /** Returns the screens the dashboard's tiles and bars open, with the filters they request. */
    private DashboardView.Navigation dashboardNavigation() {
        return new DashboardView.Navigation() {
            @Override
            public void openWorklist(boolean kevOnly, boolean overdueOnly, String department) {
                navigation.getSelectionModel().select(WORKLIST);
                worklistView.showFiltered(kevOnly, overdueOnly, department);
            }

            @Override
            public void openPatchability() {
                navigation.getSelectionModel().select(PATCHABILITY);
            }

            @Override
            public void openRiskAcceptances() {
                navigation.getSelectionModel().select(RISK_ACCEPTANCES);
            }

            @Override
            public void openVendors() {
                navigation.getSelectionModel().select(VENDORS);
            }

            @Override
            public void openInventory(String department) {
                inventoryModel.clearFilters();
                if (department != null) {
                    inventoryModel.columnFilterProperty(DeviceField.DEPARTMENT).set(department);
                    inventoryModel.applyFilter();
                }
                navigation.getSelectionModel().select(INVENTORY);
            }

            @Override
            public void openPatchLog() {
                navigation.getSelectionModel().select(PATCH_LOG);
            }
        };
    }

    private void reloadInventory() {
        inventoryModel.reload(count -> {
            if (INVENTORY.equals(navigation.getSelectionModel().getSelectedItem())) {
                showArea(INVENTORY);
            }
        }, error -> dialogs.showFailure("Inventory not loaded", "Loading the devices failed.", error));
    }

    /** Builds the first screen of an empty database: what PatchDesk is, and the ways to start. */
    private Node welcomePane() {
        Label title = new Label("Welcome to PatchDesk");
        title.getStyleClass().add("welcome-title");
        Label text = new Label("PatchDesk keeps your medical device inventory, links it to public vulnerability data (CISA KEV,"
                + " FIRST EPSS, CISA medical advisories, CVE records) and ranks what to patch first, with every decision explained."
                + " Start by importing a CMMS export or vendor spreadsheet, or look around with demo data first.");
        text.setWrapText(true);
        text.setMaxWidth(640);
        Button importButton = new Button("Import inventory…");
        importButton.setId("welcomeImportButton");
        importButton.setOnAction(event -> importInventory());
        Button demoButton = new Button(isDemo() ? "Reset demo data…" : "Open demo data");
        demoButton.setId("welcomeDemoButton");
        demoButton.setOnAction(event -> {
            if (isDemo()) {
                resetDemo();
            } else {
                toggleDemo();
            }
        });
        Button addButton = new Button("Add a device by hand…");
        addButton.setId("welcomeAddButton");
        addButton.setOnAction(event -> addDevice());
        VBox box = new VBox(title, text, importButton, demoButton, addButton);
        box.getStyleClass().add("welcome");
        box.setId("welcomePane");
        return box;
    }

    @Override
    public void addDevice() {
        openForm(null);
    }

    @Override
    public void editDevice(DeviceRow row) {
        Device fresh = current.devices().findById(row.id()).orElse(null);
        if (fresh == null) {
            dialogs.showError("Device not found", "Device " + row.device().assetTag() + " no longer exists; the list is reloaded.");
            reloadInventory();
            return;
        }
        openForm(fresh);
    }

    private void openForm(Device device) {
        DeviceFormViewModel model = new DeviceFormViewModel(current.devices(), device);
        DeviceFormDialog form = new DeviceFormDialog(stage, model, actor, current.devices().knownValues(),
                device == null ? null : new DeviceFindingsPane(current.findings(), tasks, device.id(), current.clock()));
        form.showAndWait().ifPresent(saved -> {
            inventoryModel.put(saved);
            if (INVENTORY.equals(navigation.getSelectionModel().getSelectedItem())) {
                showArea(INVENTORY);
            }
            inventoryView.select(saved.id());
        });
    }

    @Override
    public void deleteDevices(List<DeviceRow> rows) {
        String what = rows.size() == 1 ? "device " + rows.get(0).device().assetTag() : rows.size() + " devices";
        String message = "Delete " + what + " from the inventory? The deletion is kept in the audit trail."
                + " To keep a device's history in the inventory, set its status to Retired instead.";
        if (!dialogs.confirm("Delete devices", message, "Delete " + what)) {
            return;
        }
        for (DeviceRow row : rows) {
            current.devices().delete(row.id(), actor);
            inventoryModel.remove(row.id());
        }
    }

    @Override
    public void importInventory() {
        ImportWizardViewModel model = new ImportWizardViewModel(current.inventoryImport(), tasks, current.clock().getZone());
        ImportWizard wizard = new ImportWizard(stage, model, dialogs, actor, isDemo(), this::reloadInventory);
        wizard.show();
    }

    @Override
    public void exportInventory(List<DeviceRow> shown, boolean filtered) {
        List<DeviceRow> rows = shown;
        if (filtered) {
            int total = inventoryModel.rows().size();
            var choice = dialogs.choose("Export inventory", "The grid shows " + shown.size() + " of " + total
                    + " devices. Which devices should the workbook hold?", List.of("The " + shown.size() + " shown", "All " + total));
            if (choice.isEmpty()) {
                return;
            }
            rows = choice.get() == 0 ? shown : List.copyOf(inventoryModel.rows());
        }
        List<Device> devices = rows.stream().map(DeviceRow::device).toList();
        String suggested = (isDemo() ? "demo-" : "") + "inventory-" + LocalDate.now(current.clock()) + ".xlsx";
        dialogs.chooseFileToSave("Export inventory", suggested, "xlsx").ifPresent(target -> export(devices, target));
    }

    private void export(List<Device> devices, Path target) {
        ProgressDialog.show(stage, tasks.submit("Exporting " + devices.size() + " devices", monitor -> {
            current.inventoryExport().exportXlsx(devices, target, monitor);
            return target;
        }, written -> dialogs.showInformation("Inventory exported", "Exported " + devices.size() + " devices to " + written + "."),
                error -> dialogs.showFailure("Export failed", "Exporting to " + target + " failed; no file was written.", error)));
    }

    /** Returns the Reports item that writes the audit workbook for a period the user chooses. */
    private MenuItem auditWorkbookItem() {
        MenuItem item = item("Audit workbook…", this::writeAuditWorkbook);
        item.setId("auditWorkbookMenuItem");
        return item;
    }

    /** The first day of a report's period, which ends today; null for a period from the first record. */
    private record ReportStart(LocalDate from) {
    }

    /**
     * Asks which period a report covers, ending today: the last 12 months, this year, or every
     * record. Returns an empty value when the user cancels.
     */
    private Optional<ReportStart> reportStart(String title, String question) {
        LocalDate today = LocalDate.now(current.clock());
        List<String> periods = List.of("The last 12 months", "This year, " + today.getYear(), "Every record");
        return dialogs.choose(title, question, periods).map(period -> switch (period) {
            case 0 -> new ReportStart(today.minusYears(1).plusDays(1));
            case 1 -> new ReportStart(today.withDayOfYear(1));
            default -> new ReportStart(null);
        });
    }

    private void writeAuditWorkbook() {
        LocalDate today = LocalDate.now(current.clock());
        Optional<ReportStart> chosen = reportStart("Audit workbook", "Which period should the workbook cover? Inventory, findings and"
                + " controls are listed as they stand today; patch log, windows, requests, acceptances and audit entries by the period.");
        if (chosen.isEmpty()) {
            return;
        }
        LocalDate from = chosen.get().from();
        String suggested = (isDemo() ? "demo-" : "") + "audit-workbook-" + today + ".xlsx";
        dialogs.chooseFileToSave("Audit workbook", suggested, "xlsx").ifPresent(target -> {
            WorkbookRequest request = new WorkbookRequest(current.siteName(), isDemo(), from, today, actor, List.of(), user.describe());
            AuditWorkbook workbook = current.auditWorkbook();
            ProgressDialog.show(stage, tasks.submit("Writing the audit workbook", monitor -> workbook.write(request, target, monitor),
                    written -> dialogs.showInformation("Audit workbook written", String.format(Locale.US,
                            "Wrote the audit workbook to %s: %,d devices, %,d findings and %,d audit entries. Audit trail check: %s.",
                            written.file(), written.rows("Inventory"), written.rows("Findings"), written.rows("Audit trail"),
                            written.check().outcome())),
                    error -> dialogs.showFailure("Audit workbook failed", "Writing " + target + " failed; no file was written.", error)));
        });
    }

    /** Returns the Reports item that writes the audit packet (PDF) for a period the user chooses. */
    private MenuItem auditPacketItem() {
        MenuItem item = item("Audit packet…", this::writeAuditPacket);
        item.setId("auditPacketMenuItem");
        return item;
    }

    private void writeAuditPacket() {
        LocalDate today = LocalDate.now(current.clock());
        Optional<ReportStart> chosen = reportStart("Audit packet", "Which period should the packet cover? Open findings, unpatchable"
                + " devices and risk acceptances are shown as they stand today; the metrics and the patch log cover the period.");
        if (chosen.isEmpty()) {
            return;
        }
        LocalDate from = chosen.get().from();
        String suggested = (isDemo() ? "demo-" : "") + "audit-packet-" + today + ".pdf";
        dialogs.chooseFileToSave("Audit packet", suggested, "pdf").ifPresent(target -> {
            PacketRequest request = new PacketRequest(from, today, actor, user.describe());
            AuditPacket packet = current.auditPacket();
            ProgressDialog.show(stage, tasks.submit("Writing the audit packet", monitor -> packet.write(request, target, monitor),
                    written -> dialogs.showInformation("Audit packet written", "Wrote the audit packet to " + written.file() + ": "
                            + written.pages() + " pages. Audit trail check: " + written.check().outcome() + "."),
                    error -> dialogs.showFailure("Audit packet failed", "Writing " + target + " failed; no file was written.", error)));
        });
    }

    private void backUpNow() {
        Services services = current;
        String which = isDemo() ? "demo" : "site";
        ProgressDialog.show(stage, tasks.submit("Backing up the " + which + " database",
                monitor -> services.backups().backUp(BackupReason.MANUAL, actor),
                result -> dialogs.showInformation("Backup written", "Backed up the " + which + " database to " + result.file() + " ("
                        + result.manifest().auditHead().describe() + ")." + (result.secondCopy() == null ? ""
                        : "\nCopy: " + result.secondCopy()) + (result.secondCopyProblem() == null ? ""
                        : "\n\n" + result.secondCopyProblem())),
                error -> dialogs.showFailure("Backup failed", "Backing up the " + which + " database failed; no backup file was written.",
                        error)));
    }

    private void editBackupSettings() {
        openSettings(BackupSettingsPage.TITLE);
    }

    /**
     * Checks a backup file off the JavaFX thread, asks to confirm with its summary, then replaces
     * the site database with it and shows the restored data.
     */
    private void restoreFromBackup() {
        if (isDemo()) {
            dialogs.showInformation("Restore from backup", "Restores replace the site database. Return to site data first.");
            return;
        }
        Optional<String> rejection = site.backups().administratorRejection(actor);
        if (rejection.isPresent()) {
            dialogs.showError("Restore from backup", rejection.get());
            return;
        }
        Optional<Path> file = dialogs.chooseFileToOpen("Restore from backup", List.of("zip"),
                site.backups().settings().folder());
        if (file.isEmpty()) {
            return;
        }
        ProgressDialog.show(stage, tasks.submit("Checking the backup", monitor -> workspace.checkBackup(file.get(), monitor),
                this::confirmRestore,
                error -> dialogs.showFailure("Backup not restored", "The backup " + file.get() + " was not restored; your data was not"
                        + " changed.", error)));
    }

    private void confirmRestore(RestoreCandidate candidate) {
        String summary = String.join("\n", candidate.summaryLines(site.clock().getZone()));
        List<String> losses = site.backups().lossesOnRestore(candidate);
        if (!losses.isEmpty()) {
            summary += "\n\nCheck before restoring:\n" + String.join("\n", losses);
        }
        boolean confirmed = dialogs.confirm("Restore from backup", summary + "\n\nRestoring replaces the site database in "
                + workspace.folder() + " (" + site.auditChain().head().describe() + ") with this backup. The current database is backed"
                + " up first, and the restore is recorded in the audit trail.", "Replace the site data");
        if (!confirmed) {
            candidate.close();
            return;
        }
        Services replaced = site;
        closeDemo();
        ProgressDialog.show(stage, tasks.submit("Restoring the backup", monitor -> workspace.restoreSite(replaced, candidate, actor),
                restored -> {
                    candidate.close();
                    site = restored.services();
                    use(site);
                    showBackupProblems(site);
                    dialogs.showInformation("Backup restored", "Restored " + candidate.file() + ". The replaced data is kept in the backup "
                            + restored.replacedBackup().file() + ".");
                },
                error -> {
                    candidate.close();
                    reopenSite();
                    dialogs.showFailure("Backup not restored", "Restoring " + candidate.file() + " failed; the site data was put back as"
                            + " it was.", error);
                }));
    }

    /** Opens the site database again after a failed restore closed it. */
    private void reopenSite() {
        try {
            site = workspace.openSite();
            use(site);
            showBackupProblems(site);
        } catch (RuntimeException e) {
            log.error("Opening the site database again after a failed restore failed", e);
            dialogs.showFailure("Site data not opened", "The site database could not be opened again; close PatchDesk and start it again.",
                    e);
        }
    }

    /** Returns the services of the site database, which a restore replaces. */
    public Services site() {
        return site;
    }

    /** Opens the demo data, or returns to the site data when the demo is shown. */
    void toggleDemo() {
        if (isDemo()) {
            use(site);
            return;
        }
        try {
            if (demo == null) {
                demo = workspace.openDemo();
            }
        } catch (RuntimeException e) {
            dialogs.showFailure("Demo data not opened", "Opening the demo database failed.", e);
            return;
        }
        use(demo);
        loadDemoSample();
    }

    private void loadDemoSample() {
        Services services = demo;
        Services siteServices = site;
        ProgressDialog.show(stage, tasks.submit("Loading demo data", monitor -> {
                    DemoData.Loaded loaded = DemoData.loadIfEmpty(services, actor, monitor);
                    // The demo signs with the site's accounts, copied after the sample so its typed approvals load first.
                    services.users().copyAccounts(siteServices.users().storedAccounts(), Actor.SYSTEM);
                    return loaded;
                },
                result -> {
                    if (result != null) {
                        reloadInventory();
                    }
                },
                error -> dialogs.showFailure("Demo data not loaded", "Loading the demo inventory failed.", error)));
    }

    /**
     * Copies the site's accounts into the open demo database again, so that an account added or
     * changed while the demo is open can sign and change demo records at once.
     */
    private void copyAccountsToDemo() {
        if (demo == null) {
            return;
        }
        Services services = demo;
        Services siteServices = site;
        tasks.submit("Copying the accounts into the demo data", monitor -> services.users().copyAccounts(siteServices.users()
                .storedAccounts(), Actor.SYSTEM), copied -> { }, error -> dialogs.showFailure("Accounts not copied", "The demo data"
                + " could not take the changed accounts; return to site data and open the demo again.", error));
    }

    private void resetDemo() {
        if (!dialogs.confirm("Reset demo data", "Delete every change made to the demo data and load the sample again?"
                + " Your site's records are not affected.", "Reset demo data")) {
            return;
        }
        demo.close();
        demo = null;
        try {
            workspace.deleteDemo();
            demo = workspace.openDemo();
        } catch (IOException | RuntimeException e) {
            dialogs.showFailure("Demo data not reset", "Resetting the demo database failed.", e);
            use(site);
            return;
        }
        use(demo);
        loadDemoSample();
    }

    private void changePassword() {
        var dialog = org.patchdesk.users.ui.UsersView.passwordDialog(site.users(), user, actor);
        dialog.initOwner(stage);
        dialog.showAndWait().filter(Boolean::booleanValue).ifPresent(saved -> {
            copyAccountsToDemo();
            dialogs.showInformation("Password changed", "Your password is changed. Use the new one from now on.");
        });
    }

    private void switchUser() {
        SignInDialog dialog = new SignInDialog(site.users(), "Sign in", "Sign in as another user. Changes from now on are recorded"
                + " under that user.", "", "Cancel");
        dialog.initOwner(stage);
        dialog.showAndWait().ifPresent(this::signedIn);
    }

    /**
     * Opens the getting-started guide for the site database. Its start actions work on the site
     * data, so importing leaves the demo first.
     */
    public void openGettingStarted() {
        GettingStartedViewModel model = new GettingStartedViewModel(site.firstRun(), site.siteSettings(),
                () -> workspace.describeFolder(site.backups().settings().folder()), actor);
        new GettingStartedGuide(model, dialogs, new GettingStartedGuide.StartActions() {
            @Override
            public void importInventory() {
                if (isDemo()) {
                    use(site);
                }
                MainWindow.this.importInventory();
            }

            @Override
            public void openDemo() {
                if (!isDemo()) {
                    toggleDemo();
                }
            }
        }, stage).show();
    }

    /** Closes the demo database if it was opened; the site database belongs to the caller. */
    public void closeDemo() {
        if (demo != null) {
            try {
                demo.close();
            } catch (RuntimeException e) {
                log.warn("Closing the demo database failed", e);
            }
            demo = null;
        }
    }

    public Stage stage() {
        return stage;
    }
}
