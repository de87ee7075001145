package org.patchdesk.vendors.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchdesk.testing.DialogButtons.press;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.planning.Patchability;
import org.patchdesk.planning.PatchabilityService;
import org.patchdesk.testing.ScriptedDialogs;
import org.patchdesk.testing.TestSites;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.vendors.RequestDocument;
import org.patchdesk.vendors.RequestStatus;
import org.patchdesk.vendors.ValidationRequest;
import org.patchdesk.vendors.VendorContact;
import org.patchdesk.vendors.VendorStatistics;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Vendors screen on a real database; the test clock's today is 2026-12-04. */
@ExtendWith(ApplicationExtension.class)
class VendorsViewTest {

    @TempDir
    static Path folder;

    private Services services;
    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;
    private VendorsView view;
    private Device pump;
    private final List<Path> opened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        pump = device("BD-1");
        device("BD-2");
        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        view = new VendorsView(services.vendorContacts(), services.validationRequests(), tasks, dialogs, opened::add,
                TestSites.MANAGER, TestSites.CLOCK);
        stage.setScene(new Scene(view, 1200, 700));
        stage.show();
        view.refresh();
    }

    @AfterEach
    void close() {
        tasks.close();
        services.close();
    }

    private Device device(String tag) {
        return services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, tag).set(DeviceField.MANUFACTURER, "BD")
                .set(DeviceField.MODEL, "Alaris 8015").set(DeviceField.SOFTWARE_VERSION, "12.1"), TestSites.TECHNICIAN);
    }

    private static void waitFor(FxRobot robot, String selector) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(selector).tryQuery().isPresent());
    }

    private static void type(FxRobot robot, String selector, String text) {
        robot.interact(() -> robot.lookup(selector).queryTextInputControl().setText(text));
    }

    private static void date(FxRobot robot, String selector, String text) {
        robot.interact(() -> robot.lookup(selector).<DatePicker>query().getEditor().setText(text));
    }

    private TableView<ValidationRequest> requests(FxRobot robot) {
        return robot.lookup("#requestsTable").queryTableView();
    }

    private void chooseBd(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#vendorList").<ListView<?>>query().getItems().size() == 2);
        robot.interact(() -> view.selectVendor("BD"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#vendorTitle").queryLabeled().getText().startsWith("BD:"));
    }

    private ValidationRequest recordRequest(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#vendorTabs").<TabPane>query().getSelectionModel().select(1));
        robot.clickOn("#newRequestButton");
        waitFor(robot, "#requestUpdate");
        date(robot, "#requestedOn", "11/2/2026");
        type(robot, "#requestUpdate", "Service Pack 4");
        type(robot, "#requestCve", "cve-2026-40001");
        robot.interact(() -> robot.lookup("#requestUncontrolled").<CheckBox>query().setSelected(true));
        date(robot, "#requestLearnedOn", "2026-11-10");
        date(robot, "#requestFollowUp", "2026-11-20");
        press(robot, "#requestDialog", "Record request");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> requests(robot).getItems().size() == 1);
        return requests(robot).getItems().get(0);
    }

    @Test
    void contactAndRequestAreRecordedAndValidated(FxRobot robot) throws Exception {
        chooseBd(robot);
        robot.clickOn("#addContactButton");
        waitFor(robot, "#contactName");
        type(robot, "#contactName", "Dana Smith");
        type(robot, "#contactRole", "Field service engineer");
        type(robot, "#contactEmail", "dana.smith@bd");
        type(robot, "#contactPortal", "https://support.bd.example");
        press(robot, "#contactDialog", "Add contact");
        assertThat(robot.lookup("#contactDialogProblem").queryLabeled().getText())
                .isEqualTo("Email 'dana.smith@bd' is not an email address; write it as name@example.com");
        type(robot, "#contactEmail", "dana.smith@bd.example");
        press(robot, "#contactDialog", "Add contact");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#contactsTable").<VendorContact>queryTableView()
                .getItems().size() == 1);
        assertThat(robot.lookup("#contactDialog").tryQuery()).isEmpty();
        assertThat(services.vendorContacts().list(null)).singleElement().satisfies(contact -> {
            assertThat(contact.email()).isEqualTo("dana.smith@bd.example");
            assertThat(contact.changedBy()).isEqualTo("mmanager");
        });

        robot.interact(() -> robot.lookup("#vendorTabs").<TabPane>query().getSelectionModel().select(1));
        robot.clickOn("#newRequestButton");
        waitFor(robot, "#requestContact");
        robot.interact(() -> {
            ComboBox<Object> contact = robot.lookup("#requestContact").queryComboBox();
            contact.setValue(contact.getItems().get(1));
        });
        press(robot, "#requestDialog", "Cancel");
        ValidationRequest request = recordRequest(robot);
        assertThat(request.subject()).isEqualTo("Service Pack 4 for CVE-2026-40001");
        assertThat(request.requestedOn()).isEqualTo(java.time.LocalDate.of(2026, 11, 2));
        assertThat(request.followUpOverdue()).isTrue();
        assertThat(VendorsView.clockText(request.fdaClock(), true)).isEqualTo("2026-12-10, 6 days left");
        assertThat(robot.lookup("#overdueTable").queryTableView().getItems()).hasSize(1);

        robot.interact(() -> requests(robot).getSelectionModel().select(0));
        dialogs.answer(0);
        robot.clickOn("#statusButton");
        waitFor(robot, "#newStatus");
        robot.interact(() -> robot.lookup("#newStatus").<RequestStatus>queryComboBox().setValue(RequestStatus.VALIDATED));
        date(robot, "#statusOn", "2026-11-30");
        type(robot, "#statusNote", "validation letter received");
        type(robot, "#vendorReference", "BD-VAL-118");
        press(robot, "#statusDialog", "Save");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> services.patchability().resolve(pump.id()).patchability()
                == Patchability.OWNER_AFTER_VALIDATION);
        PatchabilityService.Resolved resolved = services.patchability().resolve(pump.id());
        assertThat(resolved.source()).isEqualTo(PatchabilityService.Source.VENDOR_LETTER);
        assertThat(resolved.reason()).contains("vendor reference BD-VAL-118");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialogs.shown().size() == 2);
        assertThat(dialogs.shown().get(0)).startsWith("Record patchability: BD validated Service Pack 4 for CVE-2026-40001.");
        assertThat(dialogs.shown().get(1)).isEqualTo("Patchability recorded: BD Alaris 8015 is owner-installable after vendor validation.");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> requests(robot).getItems().get(0).status() == RequestStatus.VALIDATED);
        assertThat(robot.lookup("#overdueTable").queryTableView().getItems()).isEmpty();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#requestDetail").queryTextInputControl().getText()
                .contains("validated (after 28 days)"));
        assertThat(robot.lookup("#requestDetail").queryTextInputControl().getText())
                .contains("2026-11-30  validated (after 28 days), recorded by mmanager on 2026-12-04 07:00: validation letter received")
                .contains("Fix by day 60: 2027-01-09, 40 days left").contains("BD-1, version 12.1");
        TableView<VendorStatistics> statistics = robot.lookup("#statisticsTable").queryTableView();
        assertThat(statistics.getItems()).singleElement().satisfies(row -> {
            assertThat(row.medianDaysToValidation()).isEqualTo(28.0);
            assertThat(row.longestDaysToValidation()).isEqualTo(28);
        });
    }

    @Test
    void documentsAreAddedAndOpened(FxRobot robot) throws Exception {
        chooseBd(robot);
        ValidationRequest request = recordRequest(robot);
        Path letter = Files.writeString(folder.resolve("bd-letter-" + System.nanoTime() + ".pdf"), "letter");
        robot.interact(() -> requests(robot).getSelectionModel().select(0));

        dialogs.answer(List.of(letter));
        robot.clickOn("#documentsButton");
        waitFor(robot, "#documentsList");
        robot.interact(() -> robot.lookup("#addDocumentButton").queryButton().fire());
        ListView<RequestDocument> list = robot.lookup("#documentsList").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.interact(() -> robot.lookup("#openDocumentButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> opened.size() == 1);
        press(robot, "#documentsDialog", "Close");

        assertThat(opened).containsExactly(letter.toAbsolutePath());
        assertThat(services.validationRequests().documents(request.id())).extracting(RequestDocument::path)
                .containsExactly(letter.toAbsolutePath());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> requests(robot).getItems().get(0).documents() == 1);
    }
}
