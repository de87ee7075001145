package org.patchdesk.ui;

import java.time.LocalDate;
import java.util.Optional;

import javafx.application.Platform;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

import org.patchdesk.common.SpreadsheetDates;

/**
 * Date pickers that show ISO dates and read what a user types in the forms spreadsheets use
 * ({@code 2026-12-04}, {@code 12/4/2026}, {@code Dec 4, 2026}).
 */
public final class DateFields {

    private DateFields() {
    }

    /** Returns a date picker with this id and value that shows and reads dates as described above. */
    public static DatePicker picker(String id, LocalDate value) {
        DatePicker picker = new DatePicker(value);
        picker.setId(id);
        picker.setPrefWidth(140);
        picker.setPromptText("YYYY-MM-DD");
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : date.toString();
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                Optional<LocalDate> date = SpreadsheetDates.parse(text);
                if (date.isEmpty()) {
                    // The picker's skin empties the field after a text that is not a date. Putting the
                    // text back lets read() name it, instead of the form finding the field empty.
                    Platform.runLater(() -> {
                        if (picker.getValue() == null && picker.getEditor().getText().isEmpty()) {
                            picker.getEditor().setText(text);
                        }
                    });
                }
                return date.orElse(null);
            }
        });
        // A value set by code shows at once, so reading the typed text later cannot return an older date.
        picker.valueProperty().addListener((observable, old, date) -> picker.getEditor().setText(picker.getConverter().toString(date)));
        return picker;
    }

    /**
     * Returns the date typed or picked, or null when the field is empty. Typed text counts even
     * before the field loses focus.
     *
     * @throws IllegalArgumentException when the text is not a date
     */
    public static LocalDate read(DatePicker picker, String label) {
        String text = picker.getEditor().getText();
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate date = SpreadsheetDates.parse(text).orElseThrow(() -> new IllegalArgumentException(
                label + " '" + text.strip() + "' is not a date; write it as 2026-12-04"));
        picker.setValue(date);
        return date;
    }
}
