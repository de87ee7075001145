package org.patchdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DateFieldsTest {

    private DatePicker picker;
    private TextField other;

    @Start
    void start(Stage stage) {
        picker = DateFields.picker("day", LocalDate.of(2026, 12, 4));
        other = new TextField();
        stage.setScene(new Scene(new VBox(picker, other), 300, 120));
        stage.show();
    }

    /** Types the text into the picker's field, then moves the focus to the other field, as a user tabbing on would. */
    private void typeAndLeave(FxRobot robot, String text) {
        robot.interact(() -> {
            picker.requestFocus();
            picker.getEditor().setText(text);
        });
        robot.interact(other::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void invalidTextStaysAfterFocusLoss(FxRobot robot) {
        typeAndLeave(robot, "2026-13-01");

        assertThat(picker.getEditor().getText()).isEqualTo("2026-13-01");
        assertThatThrownBy(() -> robot.interact(() -> DateFields.read(picker, "From")))
                .hasRootCauseMessage("From '2026-13-01' is not a date; write it as 2026-12-04");
    }

    @Test
    void spreadsheetDateShowsAsIso(FxRobot robot) {
        typeAndLeave(robot, "12/31/2026");

        assertThat(picker.getValue()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(picker.getEditor().getText()).isEqualTo("2026-12-31");
    }

    @Test
    void valueSetByCodeReplacesText(FxRobot robot) {
        robot.interact(() -> picker.setValue(null));

        assertThat(picker.getEditor().getText()).isEmpty();
        assertThat(DateFields.read(picker, "From")).isNull();
    }
}
