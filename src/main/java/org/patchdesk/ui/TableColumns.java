package org.patchdesk.ui;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** Builds read-only table columns. */
public final class TableColumns {

    private TableColumns() {
    }

    /** Returns a column of the given width that shows the text {@code text} gives for each row. */
    public static <T> TableColumn<T, String> text(String title, double width, Function<T, String> text) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(data -> new ReadOnlyStringWrapper(text.apply(data.getValue())));
        return column;
    }
}
