package org.patchdesk.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditVerification;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.testing.ScriptedDialogs;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AuditTrailViewTest {

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;
    private final List<AuditVerification> verifications = new ArrayList<>();
    private long pumpId;

    @Start
    void start(Stage stage) {
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        Device pump = services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "PUMP-1")
                .set(DeviceField.DEPARTMENT, "Oncology"), TestSites.TECHNICIAN);
        services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "MON-7").set(DeviceField.DEPARTMENT, "ICU"),
                TestSites.TECHNICIAN);
        services.devices().update(pump.id(), pump.values().copy().set(DeviceField.DEPARTMENT, "ICU"), TestSites.MANAGER);
        pumpId = pump.id();
        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        AuditTrailView view = new AuditTrailView(services.auditTrail(), services.auditVerifier(), tasks, dialogs, TestSites.CLOCK,
                verifications::add);
        stage.setScene(new Scene(view, 1200, 700));
        stage.show();
        view.refresh();
    }

    @AfterEach
    void close() {
        tasks.close();
        services.close();
    }

    private TableView<AuditEntry> table(FxRobot robot) {
        return robot.lookup("#auditTable").queryTableView();
    }

    @SuppressWarnings("unchecked")
    private static void choose(FxRobot robot, String id, String value) {
        robot.interact(() -> robot.lookup(id).queryAs(ComboBox.class).setValue(value));
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    private String summary(FxRobot robot) {
        return robot.lookup("#auditSummary").queryLabeled().getText();
    }

    @Test
    void userFilterShowsOnlyTheirEntries(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#auditUser").queryAs(ComboBox.class).getItems().contains("mmanager"));

        choose(robot, "#auditUser", "mmanager");
        waitFor(() -> summary(robot).equals("1 entry shown."));

        AuditEntry entry = table(robot).getItems().get(0);
        assertThat(entry.actor()).isEqualTo("mmanager");
        assertThat(entry.recordLabel()).isEqualTo("PUMP-1");
        assertThat(AuditTrailView.changes(entry)).isEqualTo("department: Oncology → ICU");
    }

    @Test
    void typeActionAndRecordFiltersCombine(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#auditRecordType").queryAs(ComboBox.class).getItems().contains("device"));

        choose(robot, "#auditRecordType", "device");
        choose(robot, "#auditAction", "create");
        waitFor(() -> summary(robot).equals("2 entries shown."));
        assertThat(table(robot).getItems()).extracting(AuditEntry::recordLabel).containsExactly("MON-7", "PUMP-1");

        robot.interact(() -> robot.lookup("#auditRecord").queryTextInputControl().setText("mon"));
        waitFor(() -> summary(robot).equals("1 entry shown."));
        assertThat(table(robot).getItems().get(0).recordLabel()).isEqualTo("MON-7");
        assertThat(AuditTrailView.changes(table(robot).getItems().get(0))).contains("asset_tag: MON-7").doesNotContain("→");
    }

    @Test
    void dateFilterLeavesOutOtherDays(FxRobot robot) throws Exception {
        waitFor(() -> !table(robot).getItems().isEmpty());

        robot.interact(() -> robot.lookup("#auditFrom").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 12, 5)));
        waitFor(() -> summary(robot).equals("0 entries shown."));

        robot.interact(() -> robot.lookup("#auditFrom").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 12, 4)));
        robot.interact(() -> robot.lookup("#auditTo").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 12, 4)));
        waitFor(() -> !table(robot).getItems().isEmpty());
        assertThat(table(robot).getItems()).allSatisfy(entry -> assertThat(entry.occurredAt()).isEqualTo(TestSites.CLOCK.instant()));
    }

    @Test
    void verifyShowsIntactThenDrift(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#verifyAuditButton").queryButton().fire());
        waitFor(() -> verifications.size() == 1);
        assertThat(robot.lookup("#auditVerification").queryLabeled().getText()).startsWith("Intact: ")
                .contains("\nCompared with their last audit entries: devices, manufacturers, device types");

        services.database().jdbi().useHandle(handle -> handle.execute("UPDATE device SET department = 'Radiology' WHERE id = ?", pumpId));
        robot.interact(() -> robot.lookup("#verifyAuditButton").queryButton().fire());
        waitFor(() -> verifications.size() == 2);

        assertThat(verifications.get(1).intact()).isFalse();
        assertThat(robot.lookup("#auditVerification").queryLabeled().getText()).startsWith("BROKEN: Device PUMP-1 (record " + pumpId
                + ") was changed outside PatchDesk: Department is 'Radiology'");
    }

    @Test
    void exportWritesTheFilteredEntries(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#auditUser").queryAs(ComboBox.class).getItems().contains("jtech"));
        choose(robot, "#auditUser", "jtech");
        waitFor(() -> summary(robot).equals(table(robot).getItems().size() + " entries shown.") && table(robot).getItems().stream()
                .allMatch(entry -> entry.actor().equals("jtech")));
        Path target = folder.resolve("audit-" + System.nanoTime() + ".xlsx");
        dialogs.answer(target);

        robot.interact(() -> robot.lookup("#exportAuditButton").queryButton().fire());
        waitFor(() -> !dialogs.shown().isEmpty());

        long expected = services.auditTrail().count(new org.patchdesk.audit.AuditFilter("jtech", null, null, null, null, null));
        assertThat(dialogs.shown()).containsExactly("Audit trail exported: Exported " + expected + " entries to " + target + ".");
        assertThat(Files.size(target)).isPositive();
    }
}
