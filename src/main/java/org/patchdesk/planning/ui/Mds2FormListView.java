package org.patchdesk.planning.ui;

import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import org.patchdesk.planning.Mds2Dao;
import org.patchdesk.planning.Mds2Service;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.TableColumns;

/** The stored MDS2 forms by product, with the number of suggestions waiting for a decision, and a command to open one. */
public final class Mds2FormListView extends BorderPane {

    private final Mds2Service mds2;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final TableView<Mds2Dao.FormSummary> table = new TableView<>();

    /** {@code open} is called with the form the user opens. */
    public Mds2FormListView(Mds2Service mds2, BackgroundTasks tasks, DialogService dialogs, Consumer<Mds2Dao.FormSummary> open) {
        this.mds2 = mds2;
        this.tasks = tasks;
        this.dialogs = dialogs;
        setId("mds2FormListView");

        table.setId("mds2FormsTable");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No MDS2 form is stored. Import one with Import MDS2 form."));
        table.getColumns().setAll(List.<TableColumn<Mds2Dao.FormSummary, String>>of(
                TableColumns.text("Product", 220, Mds2Dao.FormSummary::product),
                TableColumns.text("Document ID", 150, form -> form.documentId() == null ? "" : form.documentId()),
                TableColumns.text("File", 220, Mds2Dao.FormSummary::fileName),
                TableColumns.text("Software versions", 120, form -> form.versionText() == null ? "every version" : form.versionText()),
                TableColumns.text("Questions", 80, form -> Integer.toString(form.questions())),
                TableColumns.text("Imported", 170, form -> form.importedAt().toLocalDate() + " by " + form.importedBy()),
                TableColumns.text("Waiting for a decision", 150, form -> form.proposed() == 0 ? "none"
                        : form.proposed() + (form.proposed() == 1 ? " suggestion" : " suggestions"))));
        table.setRowFactory(view -> {
            TableRow<Mds2Dao.FormSummary> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        setCenter(table);

        Button openButton = new Button("Open");
        openButton.setId("openMds2FormButton");
        openButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        openButton.setOnAction(event -> open.accept(table.getSelectionModel().getSelectedItem()));
        HBox bar = new HBox(8, openButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 0, 0, 0));
        setBottom(bar);
    }

    /** Reads the stored forms again. */
    public void refresh() {
        tasks.submit("Reading the MDS2 forms", monitor -> mds2.forms(), table.getItems()::setAll,
                error -> dialogs.showFailure("MDS2 forms not shown", "Reading the MDS2 forms failed.", error));
    }

    public TableView<Mds2Dao.FormSummary> table() {
        return table;
    }
}
