package org.patchdesk.about.ui;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.patchdesk.about.AboutFacts;
import org.patchdesk.about.BundledLibrary;
import org.patchdesk.ui.TableColumns;

/**
 * The About dialog: the version and build date, the Java and JavaFX versions, the data folder with
 * a Copy button, PatchDesk's license, and a scrollable table of the bundled libraries' licenses.
 */
public final class AboutDialog {

    private final Dialog<ButtonType> dialog = new Dialog<>();

    public AboutDialog(AboutFacts facts, Window owner) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("About PatchDesk");
        dialog.setHeaderText("PatchDesk " + facts.version());
        dialog.getDialogPane().setId("aboutDialog");
        dialog.getDialogPane().setContent(new VBox(10, facts(facts), libraries(facts)));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.setResizable(true);
    }

    private static GridPane facts(AboutFacts facts) {
        TextField folder = new TextField(facts.dataFolder().toString());
        folder.setId("aboutDataFolder");
        folder.setEditable(false);
        folder.setPrefColumnCount(40);
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setId("aboutCopyDataFolder");
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(folder.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int row = 0;
        grid.addRow(row++, new Label("Version"), value("aboutVersion", facts.version()));
        grid.addRow(row++, new Label("Built"), value("aboutBuildDate", facts.buildDate().orElse("not recorded in this build")));
        grid.addRow(row++, new Label("Java"), value("aboutJava", facts.java()));
        grid.addRow(row++, new Label("JavaFX"), value("aboutJavaFx", facts.javafx()));
        grid.addRow(row++, new Label("Data folder"), new HBox(6, folder, copy));
        grid.addRow(row, new Label("License"), value("aboutLicense", "PatchDesk is licensed under the Apache License 2.0 ("
                + AboutFacts.LICENSE + "). It ships the libraries below under their own licenses."));
        return grid;
    }

    private static Label value(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(560);
        return label;
    }

    private static VBox libraries(AboutFacts facts) {
        TableView<BundledLibrary> table = new TableView<>();
        table.setId("aboutLibraries");
        table.getColumns().setAll(
                TableColumns.text("Library", 330, BundledLibrary::coordinates),
                TableColumns.text("License", 190, BundledLibrary::license),
                TableColumns.text("License text", 300, BundledLibrary::url));
        table.getItems().setAll(facts.libraries());
        table.setPrefHeight(260);
        return new VBox(4, new Label("Bundled libraries (" + facts.libraries().size() + ")"), table);
    }

    /** Shows the dialog and waits until it is closed. */
    public void showAndWait() {
        dialog.showAndWait();
    }

    /** Shows the dialog without waiting, for tests. */
    public void show() {
        dialog.show();
    }
}
