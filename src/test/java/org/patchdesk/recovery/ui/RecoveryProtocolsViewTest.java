package org.patchdesk.recovery.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchdesk.testing.DialogButtons.press;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.planning.Patchability;
import org.patchdesk.planning.PatchabilityService;
import org.patchdesk.recovery.ProductWithoutProtocol;
import org.patchdesk.recovery.RecoveryProtocol;
import org.patchdesk.recovery.RecoveryProtocolValues;
import org.patchdesk.reports.ReportSite;
import org.patchdesk.testing.ScriptedDialogs;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class RecoveryProtocolsViewTest {

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;
    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private RecoveryProtocol overdue;

    @Start
    void start(Stage stage) {
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        Device server = device("EMS-1", "Example Medical Systems", "EMS-900");
        device("EMS-2", "Example Medical Systems", "EMS-900");
        services.patchability().setForProduct(productId(server), null, Patchability.VENDOR_ONLY, "MDS2 CSUP-2.2 says vendor only",
                PatchabilityService.Source.MDS2, null, TestSites.MANAGER);
        Device pump = device("PUMP-1", "Baxter", "Sigma Spectrum");
        overdue = services.recoveryProtocols().create(new RecoveryProtocolValues(productId(pump), null, "Spare pumps from biomed",
                null, null, null, null, "Charge nurse", null, LocalDate.of(2025, 12, 1), "jtech", LocalDate.of(2026, 12, 1),
                List.of()), TestSites.TECHNICIAN);
        RecoveryProtocolsView view = new RecoveryProtocolsView(services.recoveryProtocols(), tasks, dialogs, opened::add,
                TestSites.TECHNICIAN, TestSites.CLOCK, ReportSite.of("General Hospital"));
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
        view.refresh();
    }

    @AfterEach
    void close() {
        tasks.close();
        services.close();
    }

    private Device device(String tag, String manufacturer, String model) {
        return services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, tag).set(DeviceField.MANUFACTURER, manufacturer)
                .set(DeviceField.MODEL, model), TestSites.TECHNICIAN);
    }

    private long productId(Device device) {
        return services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT product_id FROM device WHERE id = :id")
                .bind("id", device.id()).mapTo(Long.class).one());
    }

    private static TableView<RecoveryProtocol> protocolTable(FxRobot robot) {
        return robot.lookup("#protocolTable").queryTableView();
    }

    private static TableView<ProductWithoutProtocol> productTable(FxRobot robot) {
        return robot.lookup("#productGapTable").queryTableView();
    }

    @Test
    void protocolIsCreatedFromGapList(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> productTable(robot).getItems().size() == 1);
        ProductWithoutProtocol gap = productTable(robot).getItems().get(0);
        assertThat(gap.label()).isEqualTo("Example Medical Systems EMS-900");
        assertThat(gap.devices()).isEqualTo(2);

        robot.interact(() -> productTable(robot).getSelectionModel().select(0));
        robot.clickOn("#createForProductButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#downtimeField").tryQuery().isPresent());
        assertThat(robot.lookup("#protocolProduct").queryComboBox().getValue().toString()).contains("Example Medical Systems EMS-900");
        robot.interact(() -> robot.lookup("#deciderRoleField").queryTextInputControl().setText("Lab director"));
        press(robot, "#protocolDialog", "Create protocol");
        assertThat(robot.lookup("#dialogProblem").queryLabeled().getText()).isEqualTo("The clinical downtime procedure is required:"
                + " how the unit cares for patients while the device is out of use.");
        robot.interact(() -> {
            robot.lookup("#downtimeField").queryTextInputControl().setText("Send samples to the core lab analyzer");
            robot.lookup("#isolationField").queryTextInputControl().setText("Disable switch port Gi1/0/14");
            robot.lookup("#restoreField").queryTextInputControl().setText("Vendor reimages from the golden image");
            robot.lookup("#backupsField").queryTextInputControl().setText("Vendor keeps the golden image");
            robot.lookup("#vendorContactField").queryTextInputControl().setText("EMS service 1-800-555-0142");
            robot.lookup("#deciderNameField").queryTextInputControl().setText("Dr. Ada Lin");
            robot.lookup("#reviewedOnField").<javafx.scene.control.DatePicker>query().getEditor().setText("12/1/2026");
            robot.lookup("#reviewedByField").queryTextInputControl().setText("jtech");
            robot.lookup("#nextReviewField").<javafx.scene.control.DatePicker>query().getEditor().setText("2027-12-01");
            robot.lookup("#documentList").<String>queryListView().getItems().add("/srv/lab/downtime.pdf");
        });
        press(robot, "#protocolDialog", "Create protocol");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> protocolTable(robot).getItems().size() == 2
                && productTable(robot).getItems().isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> protocolTable(robot).getSelectionModel().getSelectedItem() != null);
        RecoveryProtocol created = protocolTable(robot).getSelectionModel().getSelectedItem();
        assertThat(created.target()).isEqualTo("Example Medical Systems EMS-900");
        RecoveryProtocol stored = services.recoveryProtocols().get(created.id()).orElseThrow();
        assertThat(stored.downtimeProcedure()).isEqualTo("Send samples to the core lab analyzer");
        assertThat(stored.isolationSteps()).isEqualTo("Disable switch port Gi1/0/14");
        assertThat(stored.restoreSteps()).isEqualTo("Vendor reimages from the golden image");
        assertThat(stored.backupLocation()).isEqualTo("Vendor keeps the golden image");
        assertThat(stored.vendorEmergencyContact()).isEqualTo("EMS service 1-800-555-0142");
        assertThat(stored.returnToServiceDecider()).isEqualTo("Dr. Ada Lin (Lab director)");
        assertThat(stored.lastReviewedOn()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(stored.lastReviewedBy()).isEqualTo("jtech");
        assertThat(stored.nextReviewOn()).isEqualTo(LocalDate.of(2027, 12, 1));
        assertThat(stored.documentPaths()).containsExactly("/srv/lab/downtime.pdf");
        assertThat(stored.updatedBy()).isEqualTo("jtech");
        assertThat(robot.lookup("#protocolSummary").queryLabeled().getText()).isEqualTo("2 protocols; 1 review overdue");
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void overdueReviewIsHighlightedAndPrinted(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> protocolTable(robot).getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();

        List<TableRow<?>> highlighted = robot.lookup(".table-row-cell." + RecoveryProtocolsView.OVERDUE_STYLE).queryAllAs(TableRow.class)
                .stream().<TableRow<?>>map(row -> row).toList();
        assertThat(highlighted).singleElement().satisfies(row -> assertThat(row.getItem()).isEqualTo(overdue));
        assertThat(protocolTable(robot).getColumns().get(4).getCellData(0)).isEqualTo("2026-12-01 overdue");
        assertThat(robot.lookup("#protocolSummary").queryLabeled().getText()).isEqualTo("1 protocol; 1 review overdue");

        Path pdf = folder.resolve("protocol-" + System.nanoTime() + ".pdf");
        dialogs.answer(pdf);
        robot.interact(() -> protocolTable(robot).getSelectionModel().select(0));
        robot.interact(() -> robot.lookup("#printProtocolButton").queryButton().fire());

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> opened.contains(pdf));
        assertThat(Files.size(pdf)).isPositive();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("General Hospital", "Incident recovery protocol: Baxter Sigma Spectrum", "Spare pumps from biomed",
                    "Next review 2026-12-01", "Printed 2026-12-04 07:00 CST by jtech");
        }
        assertThat(dialogs.shown()).isEmpty();
    }
}
