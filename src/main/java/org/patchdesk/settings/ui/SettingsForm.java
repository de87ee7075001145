package org.patchdesk.settings.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

import org.patchdesk.ui.WrappingText;

/**
 * A settings page's grid: rows of a label, a field and a unit, with each field's problem shown in
 * red under it, and section titles and notes across the grid.
 */
final class SettingsForm {

    private static final double TEXT_WIDTH = 560;

    private final GridPane grid = new GridPane();
    private final Map<Node, Label> problems = new LinkedHashMap<>();
    private int row;

    SettingsForm() {
        grid.setHgap(10);
        grid.setVgap(6);
    }

    GridPane node() {
        return grid;
    }

    void section(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("section-title");
        grid.add(title, 0, row++, 3, 1);
    }

    void note(String text) {
        grid.add(WrappingText.label(text, TEXT_WIDTH), 0, row++, 3, 1);
    }

    /** Adds a row of a label, the field and a unit or hint (null for none), with a line for the field's problem under the row. */
    <T extends Node> T row(String label, T field, String unit) {
        Label name = new Label(label);
        if (field instanceof javafx.scene.control.Control control) {
            name.setLabelFor(control);
        }
        grid.add(name, 0, row);
        grid.add(field, 1, row);
        if (unit != null) {
            grid.add(new Label(unit), 2, row);
        }
        row++;
        Label problem = WrappingText.wrap(new Label(), TEXT_WIDTH);
        problem.getStyleClass().add("field-error");
        if (field.getId() != null) {
            problem.setId(field.getId() + "Problem");
        }
        show(problem, "");
        grid.add(problem, 0, row++, 3, 1);
        problems.put(field, problem);
        return field;
    }

    /** Adds a node across the grid, such as a check box or a button. */
    void wide(Node node) {
        grid.add(node, 0, row++, 3, 1);
    }

    void clearProblems() {
        problems.forEach((field, label) -> {
            field.getStyleClass().remove("invalid");
            show(label, "");
        });
    }

    /** Shows the problem under the field and outlines the field in red. */
    void problem(Node field, String message) {
        if (!field.getStyleClass().contains("invalid")) {
            field.getStyleClass().add("invalid");
        }
        show(problems.get(field), sentence(message));
    }

    /**
     * Runs one of the owning service's checks; when it throws IllegalArgumentException, marks the
     * field with the message and adds the message to {@code found}. Returns whether the check passed.
     */
    boolean check(Node field, List<String> found, Runnable check) {
        try {
            check.run();
            return true;
        } catch (IllegalArgumentException e) {
            problem(field, e.getMessage());
            found.add(sentence(e.getMessage()));
            return false;
        }
    }

    static TextField numberField(String id, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        return field;
    }

    /**
     * Returns the whole number typed in a field.
     *
     * @throws IllegalArgumentException naming the field and the text when it is not a whole number
     */
    static int wholeNumber(TextField field, String name) {
        String text = text(field);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, not '" + text + "'", e);
        }
    }

    /** Returns the field's text without surrounding spaces, "" when empty. */
    static String text(TextField field) {
        return field.getText() == null ? "" : field.getText().strip();
    }

    /** Ends a service message with a period, as the dialog shows it. */
    static String sentence(String message) {
        return message.endsWith(".") ? message : message + ".";
    }

    private static void show(Label label, String text) {
        label.setText(text);
        label.setVisible(!text.isEmpty());
        label.setManaged(!text.isEmpty());
    }
}
