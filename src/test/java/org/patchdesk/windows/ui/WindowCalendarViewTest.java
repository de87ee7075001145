package org.patchdesk.windows.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchdesk.testing.DialogButtons.press;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

import com.calendarfx.model.Entry;
import com.calendarfx.view.CalendarView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.testing.ScriptedDialogs;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.windows.CabStatus;
import org.patchdesk.windows.PatchWindow;
import org.patchdesk.windows.WindowDevice;
import org.patchdesk.windows.WindowDraft;
import org.patchdesk.windows.WindowStatus;
import org.patchdesk.windows.WindowType;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class WindowCalendarViewTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;
    private WindowCalendarView view;
    private final List<Path> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        for (int i = 1; i <= 3; i++) {
            services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "PUMP-000" + i).set(DeviceField.DEVICE_TYPE,
                    "Infusion pump").set(DeviceField.DEPARTMENT, "ICU").set(DeviceField.MANUFACTURER, "BD")
                    .set(DeviceField.MODEL, "Alaris 8015"), TestSites.TECHNICIAN);
        }
        services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "MON-0100").set(DeviceField.DEVICE_TYPE,
                "Patient monitor").set(DeviceField.DEPARTMENT, "ICU"), TestSites.TECHNICIAN);
        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        view = new WindowCalendarView(services.windows(), services.windowRules(), services.windowCalendar(), services.playbooks(),
                services.workOrders(), services.patchLog(), services.validationRequests(), tasks, dialogs, opened::add, TestSites.MANAGER,
                TestSites.CLOCK, () -> { });
        stage.setScene(new Scene(view, 1240, 780));
        stage.show();
        view.refresh();
    }

    @AfterEach
    void close() {
        tasks.close();
        services.close();
    }

    private static void waitFor(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
    }

    private List<PatchWindow> stored() {
        return services.windows().between(LocalDate.of(2026, 1, 1).atStartOfDay(CHICAGO).toInstant(),
                LocalDate.of(2028, 1, 1).atStartOfDay(CHICAGO).toInstant());
    }

    private WindowStatus statusOf(long id) {
        return services.windows().find(id).orElseThrow().status();
    }

    @Test
    void windowPlannedApprovedAndCompleted(FxRobot robot) throws Exception {
        robot.clickOn("#newWindowButton");
        waitFor(robot, "#windowEditorDialog");
        robot.interact(() -> {
            robot.lookup("#windowTitle").queryTextInputControl().setText("ICU pumps, wave 1");
            robot.lookup("#windowStartDate").<DatePicker>query().setValue(LocalDate.of(2026, 12, 9));
            robot.lookup("#windowStartTime").queryTextInputControl().setText("22:00");
            robot.lookup("#windowEndDate").<DatePicker>query().setValue(LocalDate.of(2026, 12, 10));
            robot.lookup("#windowEndTime").queryTextInputControl().setText("1:30");
            robot.lookup("#windowDeviceSearch").queryTextInputControl().setText("pump");
        });
        ListView<WindowDevice> results = robot.lookup("#windowDeviceResults").queryListView();
        assertThat(results.getItems()).extracting(WindowDevice::assetTag).containsExactly("PUMP-0001", "PUMP-0002", "PUMP-0003");
        robot.interact(() -> {
            results.getSelectionModel().selectIndices(0, 1);
            robot.lookup("#addWindowDevicesButton").queryButton().fire();
        });
        robot.interact(() -> {
            org.controlsfx.control.CheckListView<org.patchdesk.playbooks.PlaybookSummary> playbooks = robot.lookup("#windowPlaybooks").query();
            playbooks.getCheckModel().check(0);
        });
        press(robot, "#windowEditorDialog", "Propose window");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stored().size() == 1);
        PatchWindow window = stored().get(0);
        assertThat(window.startsAt()).isEqualTo(LocalDateTime.of(2026, 12, 9, 22, 0).atZone(CHICAGO).toInstant());
        assertThat(window.endsAt()).isEqualTo(LocalDateTime.of(2026, 12, 10, 1, 30).atZone(CHICAGO).toInstant());
        assertThat(window.devices()).extracting(WindowDevice::assetTag).containsExactly("PUMP-0001", "PUMP-0002");
        assertThat(window.status()).isEqualTo(WindowStatus.PROPOSED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#submitWindowButton").tryQuery().isPresent());
        assertThat(robot.lookup("#windowDetailsTitle").queryLabeled().getText()).isEqualTo("ICU pumps, wave 1");
        CalendarView calendar = robot.lookup("#windowCalendar").query();
        assertThat(calendar.getDate()).isEqualTo(LocalDate.of(2026, 12, 9));

        robot.interact(() -> robot.lookup("#submitWindowButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#approveWindowButton").tryQuery().isPresent());
        assertThat(statusOf(window.id())).isEqualTo(WindowStatus.AWAITING_APPROVAL);

        robot.clickOn("#approveWindowButton");
        waitFor(robot, "#approveWindowDialog");
        press(robot, "#approveWindowDialog", "Record approval");
        assertThat(robot.lookup("#approvalProblem").queryLabeled().getText()).isEqualTo("Enter the name of the clinical approver");
        robot.interact(() -> {
            robot.lookup("#approverName").queryTextInputControl().setText("Dana Reyes, RN");
            robot.lookup("#approverRole").queryTextInputControl().setText("ICU nurse manager");
            robot.lookup("#approvalConditions").queryTextInputControl().setText("Keep one pump on standby per bed");
        });
        press(robot, "#approveWindowDialog", "Record approval");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#completeWindowButton").tryQuery().isPresent());
        PatchWindow approved = services.windows().find(window.id()).orElseThrow();
        assertThat(approved.status()).isEqualTo(WindowStatus.APPROVED);
        assertThat(approved.approval().name()).isEqualTo("Dana Reyes, RN");
        assertThat(approved.approval().conditions()).isEqualTo("Keep one pump on standby per bed");
        assertThat(approved.playbooks()).hasSize(1);

        Path workOrder = folder.resolve("work-order-" + System.nanoTime() + ".pdf");
        dialogs.answer(workOrder);
        robot.interact(() -> robot.lookup("#workOrderButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> opened.contains(workOrder));
        assertThat(java.nio.file.Files.size(workOrder)).isPositive();

        robot.clickOn("#completeWindowButton");
        waitFor(robot, "#completeWindowDialog");
        robot.interact(() -> robot.lookup("#windowOutcome").queryTextInputControl().setText("Update installed on both pumps"));
        press(robot, "#completeWindowDialog", "Complete window");
        assertThat(robot.lookup("#completeProblem").queryLabeled().getText())
                .startsWith("Entry 1 of 2: The update applied is required");
        robot.interact(() -> {
            robot.lookup("#completeUpdate").queryTextInputControl().setText("Alaris PCU firmware 12.3.1");
            robot.lookup("#completeVersionAfter").queryTextInputControl().setText("12.3.1");
        });
        press(robot, "#completeWindowDialog", "Complete window");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> statusOf(window.id()) == WindowStatus.COMPLETED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#openWindowsList").queryListView().getItems().isEmpty());
        assertThat(services.windows().history(window.id())).hasSize(4);
        assertThat(services.patchLog().search(org.patchdesk.patchlog.PatchLogQuery.everything())).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.patchWindowId()).isEqualTo(window.id());
            assertThat(entry.versionAfter()).isEqualTo("12.3.1");
        });
        assertThat(dialogs.shown()).contains("Window completed: Window " + window.id() + " is completed. The patch log has 2 entries:"
                + " 2 installed; 0 findings closed as patched.");
    }

    @Test
    void calendarMarksWindowWarnings(FxRobot robot) throws Exception {
        long typeId = services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT id FROM device_type WHERE name ="
                + " 'Infusion pump'").mapTo(Long.class).one());
        services.windowRules().setMinimum("ICU", typeId, 2, TestSites.MANAGER);
        List<WindowDevice> pumps = services.windows().searchDevices("PUMP", "ICU", 10);
        services.windows().create(new WindowDraft("Pumps 1 and 2", LocalDateTime.of(2026, 12, 7, 6, 0).atZone(CHICAGO).toInstant(),
                LocalDateTime.of(2026, 12, 7, 8, 0).atZone(CHICAGO).toInstant(), "ICU", null, WindowType.ROUTINE, null,
                List.of(new WindowDraft.Planned(pumps.get(0).deviceId(), 30), new WindowDraft.Planned(pumps.get(1).deviceId(), 30)),
                null, CabStatus.NOT_SUBMITTED, null), TestSites.TECHNICIAN);
        robot.interact(view::refresh);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#openWindowsList").queryListView().getItems().size() == 1);

        CalendarView calendar = robot.lookup("#windowCalendar").query();
        java.util.Set<String> titles = new java.util.TreeSet<>();
        for (var source : calendar.getCalendarSources()) {
            for (var shown : source.getCalendars()) {
                Map<LocalDate, List<Entry<?>>> entries = shown.findEntries(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), CHICAGO);
                entries.values().forEach(list -> list.forEach(entry -> titles.add(entry.getTitle())));
            }
        }
        assertThat(titles).containsExactly("\u26A0 Pumps 1 and 2");
        robot.interact(() -> robot.lookup("#openWindowsList").queryListView().getSelectionModel().select(0));
        assertThat(robot.lookup("#windowDetailsWarnings").queryLabeled().getText())
                .isEqualTo("\u26A0 Too few left in service: ICU keeps at least 2 Infusion pump in service; taking 2 of 3 out leaves 1");
    }
}
