package org.patchdesk.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * Labels for sentences in forms: they wrap at a fixed width and always take the height their lines
 * need, so that a grid or a dialog never cuts a help text or an error message short.
 */
public final class WrappingText {

    private WrappingText() {
    }

    /** Returns a label that wraps {@code text} at {@code width} pixels. */
    public static Label label(String text, double width) {
        return wrap(new Label(text), width);
    }

    /** Makes {@code label} wrap at {@code width} pixels and take the height of all its lines; returns it. */
    public static Label wrap(Label label, double width) {
        label.setWrapText(true);
        label.setPrefWidth(width);
        label.setMaxWidth(width);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
