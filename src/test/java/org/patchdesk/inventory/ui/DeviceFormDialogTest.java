package org.patchdesk.inventory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DeviceFormDialogTest {

    @TempDir
    static Path folder;

    private Services services;
    private DeviceFormDialog dialog;

    @Start
    void start(Stage stage) {
        services = TestSites.open(folder.resolve("data-" + System.nanoTime()));
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
        dialog = new DeviceFormDialog(stage, new DeviceFormViewModel(services.devices(), null), TestSites.TECHNICIAN,
                services.devices().knownValues());
        dialog.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> dialog.close());
        services.close();
    }

    private String error(FxRobot robot, DeviceField field) {
        return robot.lookup("#error-" + field.key()).queryAs(Label.class).getText();
    }

    @Test
    void invalidAddressIsShownUnderItsField(FxRobot robot) {
        robot.clickOn("#field-ip_addresses").write("10.1.1.300");
        robot.clickOn("#field-hostname");

        assertThat(error(robot, DeviceField.IP_ADDRESSES)).isEqualTo("'10.1.1.300' is not a valid IP address");
        assertThat(robot.lookup("#field-ip_addresses").queryAs(Node.class).getStyleClass()).contains("invalid");
    }

    @Test
    void validMacIsRewrittenInNormalForm(FxRobot robot) {
        robot.clickOn("#field-mac_addresses").write("001a.2b3c.4d5e");
        robot.clickOn("#field-hostname");

        assertThat(robot.lookup("#field-mac_addresses").queryTextInputControl().getText()).isEqualTo("00:1A:2B:3C:4D:5E");
        assertThat(error(robot, DeviceField.MAC_ADDRESSES)).isEmpty();
    }

    @Test
    void saveWithProblemsStaysOpenAndCountsThem(FxRobot robot) {
        robot.clickOn("#field-acquisition_date").write("31/12/2019");

        robot.clickOn("#saveDeviceButton");

        assertThat(dialog.isShowing()).isTrue();
        assertThat(error(robot, DeviceField.ASSET_TAG)).isEqualTo("An asset tag is required");
        assertThat(error(robot, DeviceField.ACQUISITION_DATE)).isEqualTo("'31/12/2019' is not a date (use YYYY-MM-DD or M/D/YYYY)");
        assertThat(robot.lookup("#formSummary").queryAs(Label.class).getText()).isEqualTo("2 fields need attention.");
        assertThat(services.devices().count()).isZero();
    }

    @Test
    void validDeviceIsSaved(FxRobot robot) {
        robot.clickOn("#field-asset_tag").write("BME-9001");
        robot.clickOn("#field-manufacturer").write("Becton Dickinson");
        robot.clickOn("#field-model").write("Alaris PCU 8015");
        robot.clickOn("#field-ip_addresses").write("10.1.1.30, 10.1.1.31");

        robot.clickOn("#saveDeviceButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialog.isShowing()).isFalse();
        Device saved = services.devices().findByAssetTag("BME-9001").orElseThrow();
        assertThat(saved.values().get(DeviceField.MANUFACTURER)).isEqualTo("BD");
        assertThat(saved.values().get(DeviceField.IP_ADDRESSES)).isEqualTo(List.of("10.1.1.30", "10.1.1.31"));
        assertThat(dialog.getResult().id()).isEqualTo(saved.id());
    }

    @Test
    void takenAssetTagIsReportedUnderTheField(FxRobot robot) {
        services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "BME-1"), TestSites.TECHNICIAN);

        robot.clickOn("#field-asset_tag").write("bme-1");
        robot.clickOn("#saveDeviceButton");

        assertThat(dialog.isShowing()).isTrue();
        assertThat(error(robot, DeviceField.ASSET_TAG)).isEqualTo("Asset tag BME-1 is already used by another device");
    }
}
