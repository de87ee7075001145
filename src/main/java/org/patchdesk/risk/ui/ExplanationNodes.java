package org.patchdesk.risk.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.patchdesk.risk.Explanation;

/** Lays out an explanation: for each section a heading, then its items as name, value and source. */
final class ExplanationNodes {

    private ExplanationNodes() {
    }

    static List<Node> of(Explanation explanation) {
        List<Node> nodes = new ArrayList<>();
        for (Explanation.Section section : explanation.sections()) {
            Label heading = new Label(section.heading());
            heading.getStyleClass().add("section-title");
            GridPane grid = new GridPane();
            grid.getStyleClass().add("explanation-grid");
            grid.setHgap(10);
            grid.setVgap(3);
            ColumnConstraints names = new ColumnConstraints();
            names.setMinWidth(120);
            names.setPrefWidth(150);
            ColumnConstraints values = new ColumnConstraints();
            values.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().setAll(names, values);
            int line = 0;
            for (Explanation.Item item : section.items()) {
                Label name = new Label(item.name());
                name.getStyleClass().add("explanation-name");
                name.setWrapText(true);
                Label value = new Label(item.value());
                value.setWrapText(true);
                value.getStyleClass().add("explanation-value");
                VBox cell = new VBox(1, value);
                if (!item.source().isEmpty()) {
                    Label source = new Label(item.source());
                    source.setWrapText(true);
                    source.getStyleClass().add("explanation-source");
                    cell.getChildren().add(source);
                }
                grid.addRow(line++, name, cell);
            }
            nodes.add(heading);
            nodes.add(grid);
        }
        return nodes;
    }
}
