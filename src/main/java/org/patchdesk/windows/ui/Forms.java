package org.patchdesk.windows.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/** Layout helpers shared by the window dialogs. */
final class Forms {

    private Forms() {
    }

    /** Keeps the field names of a form at their full width, so a narrow dialog never cuts them. */
    static GridPane keepLabels(GridPane grid) {
        grid.getChildren().stream().filter(Label.class::isInstance).forEach(node -> ((Label) node).setMinWidth(Region.USE_PREF_SIZE));
        return grid;
    }
}
