package org.patchdesk.planning.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchdesk.testing.DialogButtons.press;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.planning.Patchability;
import org.patchdesk.planning.PatchabilityService;
import org.patchdesk.testing.ScriptedDialogs;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PatchabilityViewTest {

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;
    private Path files;

    @Start
    void start(Stage stage) throws Exception {
        files = Files.createDirectories(folder.resolve("files-" + System.nanoTime()));
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        device("EMS-1", "Example Medical Systems", "EMS-900", null);
        device("EMS-2", "Example Medical Systems", "EMS-900", null);
        device("WS-7", "Dell", "OptiPlex 7050", "Windows 7");
        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        PatchabilityView view = new PatchabilityView(services.patchability(), services.mds2(), services.osSupport(),
                services.productSupport(), services.productFacts(), tasks, dialogs,
                TestSites.MANAGER);
        stage.setScene(new Scene(view, 1200, 700));
        stage.show();
        view.refresh();
    }

    @AfterEach
    void close() {
        tasks.close();
        services.close();
    }

    private void device(String tag, String manufacturer, String model, String os) {
        DeviceValues values = new DeviceValues().set(DeviceField.ASSET_TAG, tag).set(DeviceField.MANUFACTURER, manufacturer)
                .set(DeviceField.MODEL, model);
        if (os != null) {
            values.set(DeviceField.OS_NAME, os);
        }
        services.devices().create(values, TestSites.TECHNICIAN);
    }

    private TableView<PatchabilityService.DevicePatchability> table(FxRobot robot) {
        return robot.lookup("#patchabilityTable").queryTableView();
    }

    private Patchability of(FxRobot robot, String tag) {
        return table(robot).getItems().stream().filter(row -> row.assetTag().equals(tag)).findFirst().orElseThrow()
                .resolved().patchability();
    }

    @Test
    void unsupportedOperatingSystemIsShownWithItsReason(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 3);

        robot.interact(() -> robot.lookup("#patchabilityFilter").<String>queryComboBox().setValue("Not patchable by the owner"));

        assertThat(of(robot, "WS-7")).isEqualTo(Patchability.UNSUPPORTED);
        assertThat(table(robot).getItems().stream().filter(row -> row.assetTag().equals("WS-7")).findFirst().orElseThrow()
                .resolved().reason()).startsWith("Windows 7 reached its end of support on 2020-01-14");
        assertThat(robot.lookup("#patchabilitySummary").queryAs(Label.class).getText()).startsWith("3 of 3 devices shown.")
                .contains("Unsupported: 1").contains("Unknown: 2");
    }

    @Test
    void changedEndOfSupportResolvesDevicesAgain(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 3);
        robot.clickOn("#osSupportButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#osSupportTable").tryQuery().isPresent()
                && !robot.lookup("#osSupportTable").queryTableView().getItems().isEmpty());

        robot.interact(() -> {
            robot.lookup("#osName").queryTextInputControl().setText("Windows 7");
            robot.lookup("#osEnd").<javafx.scene.control.DatePicker>query().setValue(java.time.LocalDate.of(2030, 1, 1));
            robot.lookup("#osSource").queryTextInputControl().setText(" ");
        });
        robot.interact(() -> robot.lookup("#saveOsSupportButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#osSupportProblem").queryLabeled().getText().isEmpty());
        assertThat(robot.lookup("#osSupportProblem").queryLabeled().getText()).startsWith("A source is required");

        robot.interact(() -> robot.lookup("#osSource").queryTextInputControl().setText("site ESU contract to 2030"));
        robot.interact(() -> robot.lookup("#saveOsSupportButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> services.osSupport().match("Windows 7").orElseThrow().endOfSupport()
                .getYear() == 2030);
        press(robot, "#osSupportDialog", "Close");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> of(robot, "WS-7") == Patchability.UNKNOWN);
        assertThat(robot.lookup("#osSupportProblem").tryQuery()).isEmpty();
    }

    @Test
    void importedFormSetsTheProductOnceAccepted(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 3);
        dialogs.answer(TestSites.copyResource("/mds2/Example-MDS2-Worksheet-filled.xlsx", files));

        robot.clickOn("#importMds2Button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#mds2Product").tryQuery().isPresent());
        robot.interact(() -> {
            ComboBox<PatchabilityService.ProductRef> product = robot.lookup("#mds2Product").queryComboBox();
            product.setValue(product.getItems().stream().filter(ref -> ref.model().equals("EMS-900")).findFirst().orElseThrow());
        });
        press(robot, "#mds2ProductDialog", "Import");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#mds2ResultText").tryQuery().isPresent());
        assertThat(robot.lookup("#mds2ResultText").queryTextInputControl().getText())
                .contains("Patchability: vendor-only (CSUP-2.2, CSUP-2.3)");
        press(robot, "#mds2ResultDialog", "Accept the patchability");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> of(robot, "EMS-1") == Patchability.VENDOR_ONLY);
        assertThat(of(robot, "EMS-2")).isEqualTo(Patchability.VENDOR_ONLY);
        assertThat(of(robot, "WS-7")).isEqualTo(Patchability.UNSUPPORTED);
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void productEndOfSupportIsEditedAndApplied(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 3);
        robot.clickOn("#productSupportButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#productSupportProduct").tryQuery().isPresent()
                && !robot.lookup("#productSupportProduct").queryComboBox().getItems().isEmpty());

        robot.interact(() -> {
            ComboBox<PatchabilityService.ProductRef> product = robot.lookup("#productSupportProduct").queryComboBox();
            product.setValue(product.getItems().stream().filter(ref -> ref.model().equals("EMS-900")).findFirst().orElseThrow());
            robot.lookup("#productEnd").<javafx.scene.control.DatePicker>query().setValue(java.time.LocalDate.of(2026, 6, 30));
            robot.lookup("#productSale").<javafx.scene.control.DatePicker>query().setValue(java.time.LocalDate.of(2026, 9, 1));
            robot.lookup("#productSource").queryTextInputControl().setText("vendor notice of 2024-01-15");
        });
        robot.interact(() -> robot.lookup("#saveProductSupportButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#productSupportProblem").queryLabeled().getText().isEmpty());
        assertThat(robot.lookup("#productSupportProblem").queryLabeled().getText())
                .startsWith("End of sale 2026-09-01 is after the end of support 2026-06-30");

        robot.interact(() -> robot.lookup("#productSale").<javafx.scene.control.DatePicker>query().setValue(null));
        robot.interact(() -> robot.lookup("#saveProductSupportButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#productSupportTable").queryTableView().getItems().size() == 1);
        press(robot, "#productSupportDialog", "Close");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> of(robot, "EMS-1") == Patchability.UNSUPPORTED);
        assertThat(of(robot, "EMS-2")).isEqualTo(Patchability.UNSUPPORTED);
        assertThat(table(robot).getItems().stream().filter(row -> row.assetTag().equals("EMS-1")).findFirst().orElseThrow()
                .resolved().reason()).isEqualTo("Example Medical Systems EMS-900 reached its end of support on 2026-06-30"
                        + " (vendor notice of 2024-01-15)");
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void productDetailsShowAcceptedFacts(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 3);
        long formId = services.mds2().importForm(TestSites.copyResource("/mds2/Example-MDS2-Worksheet-filled.xlsx", files),
                "Example Medical Systems", "EMS-900", null, TestSites.TECHNICIAN).formId();
        services.mds2().suggestionsOf(formId).stream().filter(row -> row.topic().equals("SBOM")).findFirst()
                .ifPresent(row -> services.mds2().decide(row.id(), true, TestSites.MANAGER));

        robot.interact(() -> table(robot).getSelectionModel().select(table(robot).getItems().stream()
                .filter(row -> row.assetTag().equals("EMS-2")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#productDetails").queryTextInputControl().getText()
                .isEmpty());

        assertThat(robot.lookup("#productDetails").queryTextInputControl().getText()).startsWith("Example Medical Systems EMS-900\n"
                        + "End of support: not recorded\n")
                .contains("\nSBOM: available (SBOM-1, MDS2 EMS-900-MDS2-r3, accepted by mmanager on 2026-12-04)\n")
                .contains("\nVendor remote access: unknown\n")
                .endsWith("\nMDS2 forms: 1");
    }

    @Test
    void storedFormOpensFromTheList(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 3);
        services.mds2().importForm(TestSites.copyResource("/mds2/Example-MDS2-Worksheet-filled.xlsx", files),
                "Example Medical Systems", "EMS-900", null, TestSites.TECHNICIAN);

        robot.clickOn("#mds2FormsButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#mds2FormsTable").tryQuery().isPresent()
                && robot.lookup("#mds2FormsTable").queryTableView().getItems().size() == 1);
        robot.interact(() -> robot.lookup("#mds2FormsTable").queryTableView().getSelectionModel().select(0));
        robot.interact(() -> robot.lookup("#openMds2FormButton").queryButton().fire());

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#mds2FormTree").tryQuery().isPresent()
                && !robot.lookup("#mds2FormTree").<javafx.scene.control.TreeTableView<?>>query().getRoot().getChildren().isEmpty());
        assertThat(robot.lookup("#mds2SuggestionTable").queryTableView().getItems()).hasSize(6);
        press(robot, "#mds2FormDialog", "Close");
        press(robot, "#mds2FormsDialog", "Close");
        assertThat(dialogs.shown()).isEmpty();
    }
}
