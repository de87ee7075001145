package org.patchdesk.governance.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.governance.Metric;
import org.patchdesk.governance.MetricsReport;
import org.patchdesk.governance.MetricsService;
import org.patchdesk.testing.ScriptedDialogs;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DashboardViewTest {

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;
    private final List<String> opened = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Path data = folder.resolve("data-" + System.nanoTime());
        services = TestSites.open(data);
        DashboardFixture.load(services, data.resolveSibling(data.getFileName() + "-files"));
        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        DashboardView view = new DashboardView(services.dashboard(), services.metrics(), services.metricSnapshots(), tasks, dialogs,
                TestSites.MANAGER, TestSites.CLOCK.getZone(), new RecordingNavigation());
        stage.setScene(new Scene(view, 1300, 900));
        stage.show();
        view.refresh();
    }

    @AfterEach
    void close() {
        tasks.close();
        services.close();
    }

    /** Records the screens the dashboard requests. */
    private final class RecordingNavigation implements DashboardView.Navigation {
        @Override
        public void openWorklist(boolean kevOnly, boolean overdueOnly, String department) {
            opened.add("worklist kev=" + kevOnly + " overdue=" + overdueOnly + " department=" + department);
        }

        @Override
        public void openPatchability() {
            opened.add("patchability");
        }

        @Override
        public void openRiskAcceptances() {
            opened.add("risk acceptances");
        }

        @Override
        public void openVendors() {
            opened.add("vendors");
        }

        @Override
        public void openInventory(String department) {
            opened.add("inventory department=" + department);
        }

        @Override
        public void openPatchLog() {
            opened.add("patch log");
        }
    }

    private static void waitForTiles(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#tile-" + MetricsService.KEV_DEVICES).tryQuery().isPresent());
    }

    /** Returns the text of the labeled node with the id, or "" while the tiles are being replaced. */
    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).tryQuery().map(node -> ((javafx.scene.control.Labeled) node).getText()).orElse("");
    }

    @Test
    void tilesShowTheServiceValues(FxRobot robot) throws Exception {
        waitForTiles(robot);
        MetricsReport report = services.metrics().compute(services.dashboard().defaultQuery());

        assertThat(text(robot, "tileValue-" + MetricsService.KEV_DEVICES)).isEqualTo("3");
        assertThat(text(robot, "tileValue-" + MetricsService.UNSUPPORTED_OS)).isEqualTo("1");
        Metric complete = report.get(MetricsService.INVENTORY_COMPLETE);
        assertThat(text(robot, "tileValue-" + MetricsService.INVENTORY_COMPLETE)).isEqualTo("75.0 %");
        assertThat(text(robot, "tileDetail-" + MetricsService.INVENTORY_COMPLETE))
                .startsWith(complete.numerator() + " of " + complete.denominator() + " devices");
        assertThat(text(robot, "tileValue-" + MetricsService.TIME_TO_PATCH_MEDIAN)).isEqualTo("no data");
        assertThat(text(robot, "tileTrend-" + MetricsService.KEV_DEVICES)).isEqualTo("no earlier snapshot");
        assertThat(text(robot, "dashboardStatus")).startsWith("Whole site, 2025-12-05 to 2026-12-04.");
    }

    @Test
    void departmentFilterNarrowsTheTiles(FxRobot robot) throws Exception {
        waitForTiles(robot);

        robot.interact(() -> {
            robot.lookup("#dashboardDepartment").<String>queryComboBox().setValue("NICU");
            robot.lookup("#dashboardShowButton").queryButton().fire();
        });

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "dashboardStatus").startsWith("NICU,"));
        assertThat(text(robot, "tileValue-" + MetricsService.KEV_DEVICES)).isEqualTo("1");
        assertThat(text(robot, "tileValue-" + MetricsService.UNSUPPORTED_OS)).isEqualTo("0");
    }

    /** Returns the text of the cell that shows a combo box's value, which is the box's own child, not a cell of its list. */
    private static String shownText(ComboBox<String> box) {
        return box.lookupAll(".list-cell").stream().filter(node -> node.getParent() == box).map(node -> ((ListCell<?>) node).getText())
                .findFirst().orElseThrow();
    }

    @Test
    void departmentBoxKeepsTheChoiceAfterShow(FxRobot robot) throws Exception {
        waitForTiles(robot);
        ComboBox<String> box = robot.lookup("#dashboardDepartment").queryComboBox();

        robot.interact(() -> {
            box.getSelectionModel().select("NICU");
            robot.lookup("#dashboardShowButton").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "dashboardStatus").startsWith("NICU,"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(box.getValue()).isEqualTo("NICU");
        assertThat(box.getSelectionModel().getSelectedItem()).isEqualTo("NICU");
        assertThat(box.getSelectionModel().getSelectedIndex()).isEqualTo(box.getItems().indexOf("NICU"));
        assertThat(shownText(box)).isEqualTo("NICU");
    }

    @Test
    void shareAxisLabelsEveryTwentyPercent(FxRobot robot) throws Exception {
        waitForTiles(robot);
        LineChart<?, ?> chart = robot.lookup("#shareTrendChart").queryAs(LineChart.class);
        NumberAxis axis = (NumberAxis) chart.getYAxis();

        List<String> labels = new ArrayList<>();
        robot.interact(() -> axis.getTickMarks().stream().filter(tick -> tick.isTextVisible())
                .map(tick -> Long.toString(Math.round(tick.getValue().doubleValue())))
                .forEach(labels::add));

        assertThat(labels).containsExactly("0", "20", "40", "60", "80", "100");
        assertThat(axis.getUpperBound()).isEqualTo(100);
        assertThat(axis.getLowerBound()).isZero();
        assertThat(chart.lookup(".plot-content").getParent().getClip()).as("points at 0 and 100 % are not cut").isNull();
    }

    @Test
    void inventoryTileKeepsTheDepartment(FxRobot robot) throws Exception {
        waitForTiles(robot);
        robot.interact(() -> {
            robot.lookup("#dashboardDepartment").<String>queryComboBox().setValue("NICU");
            robot.lookup("#dashboardShowButton").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "dashboardStatus").startsWith("NICU,"));

        robot.interact(() -> robot.lookup("#tile-" + MetricsService.INVENTORY_COMPLETE).queryButton().fire());

        assertThat(opened).containsExactly("inventory department=NICU");
    }

    @Test
    void rangeEndingBeforeItStartsIsRejected(FxRobot robot) throws Exception {
        waitForTiles(robot);

        robot.interact(() -> {
            robot.lookup("#dashboardTo").<javafx.scene.control.DatePicker>query().setValue(java.time.LocalDate.of(2025, 1, 1));
            robot.lookup("#dashboardShowButton").queryButton().fire();
        });

        assertThat(text(robot, "dashboardProblem")).isEqualTo("The last day 2025-01-01 is before the first day 2025-12-05");
    }

    @Test
    void tilesOpenTheScreensBehindThem(FxRobot robot) throws Exception {
        waitForTiles(robot);

        for (String key : List.of(MetricsService.KEV_DEVICES, MetricsService.UNPATCHABLE_UNCONTROLLED,
                MetricsService.ACTIVE_ACCEPTANCES)) {
            robot.interact(() -> robot.lookup("#tile-" + key).queryButton().fire());
        }

        assertThat(opened).containsExactly("worklist kev=true overdue=false department=null", "patchability", "risk acceptances");
    }

    @Test
    void departmentBarOpensItsWorklist(FxRobot robot) throws Exception {
        waitForTiles(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#departmentBar-NICU").tryQuery().isPresent());

        Node bar = robot.lookup("#departmentBar-NICU").query();
        robot.interact(() -> Event.fireEvent(bar, new MouseEvent(MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0, MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, true, false, false, null)));

        assertThat(opened).containsExactly("worklist kev=false overdue=false department=NICU");
    }

    @Test
    void snapshotButtonTakesASnapshot(FxRobot robot) throws Exception {
        waitForTiles(robot);
        assertThat(services.metricSnapshots().list()).isEmpty();

        robot.interact(() -> robot.lookup("#takeSnapshotButton").queryButton().fire());

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "tileTrend-" + MetricsService.KEV_DEVICES)
                .equals("no change since December 2026"));
        assertThat(services.metricSnapshots().list()).hasSize(1);
        assertThat(services.metricSnapshots().list().get(0).takenBy()).isEqualTo(TestSites.MANAGER.name());
        assertThat(dialogs.shown()).anySatisfy(message -> assertThat(message).startsWith("Snapshot taken: Stored "));
        assertThat(robot.lookup("#shareTrendEmpty").queryLabeled().getText()).isEmpty();
    }

    @Test
    void patchWindowSettingIsSaved(FxRobot robot) throws Exception {
        waitForTiles(robot);

        robot.interact(() -> {
            robot.lookup("#windowDays").queryTextInputControl().setText("30");
            robot.lookup("#saveWindowDaysButton").queryButton().fire();
        });

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "dashboardStatus").endsWith("patch window 30 days."));
        assertThat(services.metrics().windowDays()).isEqualTo(30);
        assertThat(text(robot, "tileTitle-" + MetricsService.PATCHED_WITHIN_WINDOW)).isEqualTo("Devices patched within 30 days");
    }
}
