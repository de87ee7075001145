package org.patchdesk.onboarding.ui;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.patchdesk.onboarding.ui.GettingStartedViewModel.Step;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.TableColumns;
import org.patchdesk.ui.WrappingText;
import org.patchdesk.storage.DataFolderContents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The getting-started guide that follows the creation of the administrator account: the site name
 * and logo, where the data is kept, and how to start (import an inventory, open the demo data, or
 * start empty). Every step can be skipped. Leaving the guide in any way records it as done.
 */
public final class GettingStartedGuide {

    /** The main-window actions that the last step starts once the guide is closed. */
    public interface StartActions {

        void importInventory();

        void openDemo();
    }

    private static final Logger log = LoggerFactory.getLogger(GettingStartedGuide.class);
    private static final double TEXT_WIDTH = 680;

    private final GettingStartedViewModel model;
    private final DialogService dialogs;
    private final StartActions actions;
    private final Stage stage = new Stage();
    private final BorderPane root = new BorderPane();
    private final Label stepLabel = new Label();
    private final Label titleLabel = new Label();
    private final Button back = new Button("Back");
    private final Button skip = new Button("Skip");
    private final Button next = new Button();
    private boolean finished;
    /** The control of the step shown that takes the focus, so that Enter never lands on Back after a step changes. */
    private Node focusTarget;

    public GettingStartedGuide(GettingStartedViewModel model, DialogService dialogs, StartActions actions, Window owner) {
        this.model = model;
        this.dialogs = dialogs;
        this.actions = actions;
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("Getting started with PatchDesk");
        root.setId("gettingStartedGuide");
        root.setPadding(new Insets(16));
        stepLabel.setId("guideStepLabel");
        titleLabel.setId("guideStepTitle");
        titleLabel.getStyleClass().add("welcome-title");
        root.setTop(new VBox(4, stepLabel, titleLabel));
        root.setBottom(buttons());
        stage.setScene(new Scene(root, 760, 540));
        stage.getScene().getStylesheets().add(GettingStartedGuide.class.getResource("/org/patchdesk/ui/patchdesk.css").toExternalForm());
        stage.setOnCloseRequest(event -> finish(null));
        model.stepProperty().addListener((observable, before, after) -> showStep());
        showStep();
    }

    /** Shows the guide without waiting. */
    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    private HBox buttons() {
        back.setId("guideBack");
        back.setOnAction(event -> model.back());
        skip.setId("guideSkip");
        skip.setOnAction(event -> {
            if (model.isLastStep()) {
                finish(null);
            } else {
                model.skip();
            }
        });
        next.setId("guideNext");
        next.setDefaultButton(true);
        next.setOnAction(event -> {
            if (model.step() == Step.SITE && model.siteRejection().isEmpty()) {
                model.saveSiteAndContinue();
            } else {
                model.skip();
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(8, back, spacer, skip, next);
        box.setAlignment(Pos.CENTER_RIGHT);
        box.setPadding(new Insets(12, 0, 0, 0));
        return box;
    }

    private void showStep() {
        Step step = model.step();
        stepLabel.setText("Step " + (step.ordinal() + 1) + " of " + Step.values().length);
        titleLabel.setText(step.title());
        back.setDisable(step.ordinal() == 0);
        next.setVisible(!model.isLastStep());
        next.setManaged(!model.isLastStep());
        skip.setText(model.isLastStep() ? "Close" : "Skip");
        Node content = switch (step) {
            case SITE -> sitePane();
            case DATA_FOLDER -> dataFolderPane();
            case START -> startPane();
        };
        root.setCenter(content);
        BorderPane.setMargin(content, new Insets(12, 0, 0, 0));
        Node focused = focusTarget;
        Platform.runLater(focused::requestFocus);
    }

    private Node sitePane() {
        Label about = WrappingText.label("Reports and audit packets print the site name in their header and the logo on their cover."
                + " You can change both later under Reports › Site name and logo.", TEXT_WIDTH);
        Label problem = WrappingText.label("", TEXT_WIDTH);
        problem.setId("guideSiteProblem");
        problem.getStyleClass().add("field-error");
        problem.textProperty().bind(model.problemProperty());

        TextField name = new TextField();
        name.setId("guideSiteName");
        name.setPromptText("Such as St. Anne Medical Center");
        name.setPrefColumnCount(32);
        name.textProperty().bindBidirectional(model.siteNameProperty());
        TextField logo = new TextField();
        logo.setId("guideSiteLogo");
        logo.setPromptText("No logo");
        logo.setPrefColumnCount(26);
        logo.textProperty().bindBidirectional(model.logoProperty());
        Button choose = new Button("Choose…");
        choose.setId("guideSiteLogoChoose");
        choose.setOnAction(event -> dialogs.chooseFileToOpen("Choose the site logo", List.of("png", "jpg", "jpeg"))
                .ifPresent(file -> model.logoProperty().set(file.toString())));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Site name"), name);
        grid.addRow(1, new Label("Logo (optional)"), new HBox(6, logo, choose));
        grid.add(WrappingText.label("A PNG or JPEG image of at most 2 MB. PatchDesk keeps the file's path, so leave the file where it is.",
                440), 1, 2);

        focusTarget = name;
        VBox box = new VBox(10, about, problem, grid);
        model.siteRejection().ifPresent(rejection -> {
            grid.setDisable(true);
            box.getChildren().add(1, WrappingText.label(rejection, TEXT_WIDTH));
        });
        next.setText(model.siteRejection().isPresent() ? "Next" : "Save and continue");
        if (model.siteRejection().isPresent()) {
            focusTarget = next;
        }
        return box;
    }

    private Node dataFolderPane() {
        next.setText("Next");
        focusTarget = next;
        DataFolderContents.Summary summary;
        try {
            summary = model.dataFolder();
        } catch (UncheckedIOException e) {
            log.warn("Listing the data folder failed", e);
            return WrappingText.label(e.getMessage(), TEXT_WIDTH);
        }
        TextField folder = new TextField(summary.folder().toString());
        folder.setId("guideDataFolder");
        folder.setEditable(false);
        HBox.setHgrow(folder, Priority.ALWAYS);

        TableView<DataFolderContents.Entry> entries = new TableView<>();
        entries.setId("guideDataFolderEntries");
        entries.getColumns().setAll(
                TableColumns.text("Name", 170, entry -> entry.folder() ? entry.name() + "/" : entry.name()),
                TableColumns.text("What it is", 460, DataFolderContents.Entry::description),
                TableColumns.text("Size", 80, entry -> size(entry.bytes())));
        entries.getItems().setAll(summary.entries());
        entries.setPrefHeight(170);

        Label backups = WrappingText.label("PatchDesk backs up the site database at the first start of each day and"
                + " before every import, into " + summary.backups() + ". The Backup page of Edit › Settings… changes the folder and"
                + " can add a second one, such as a network share.", TEXT_WIDTH);
        backups.setId("guideBackupFolder");
        Label choose = WrappingText.label(DataFolderContents.howToChoose(), TEXT_WIDTH);
        return new VBox(10, WrappingText.label("PatchDesk keeps all of the site's records on this computer, in this folder:",
                TEXT_WIDTH), folder, entries, backups, choose);
    }

    private Node startPane() {
        Label about = WrappingText.label("Start with your own inventory, or look around first with the demo data: about 500 fictional"
                + " devices with findings, patch windows and a patch log, in a separate database that never mixes with your records."
                + " Both stay on the File menu, and Help › Getting started opens this guide again.", TEXT_WIDTH);
        Button importButton = new Button("Import inventory…");
        importButton.setId("guideImport");
        importButton.setOnAction(event -> finish(actions::importInventory));
        Label importText = WrappingText.label("Choose a CMMS export or vendor spreadsheet (.xlsx, .xls, .csv, .txt). The wizard shows the"
                + " first rows and the column mapping before anything is imported.", 420);
        Button demoButton = new Button("Open demo data");
        demoButton.setId("guideDemo");
        demoButton.setOnAction(event -> finish(actions::openDemo));
        Label demoText = WrappingText.label("A yellow banner shows while the demo is open; Return to site data goes back.", 420);
        Button emptyButton = new Button("Start empty");
        emptyButton.setId("guideStartEmpty");
        emptyButton.setOnAction(event -> finish(null));
        Label emptyText = WrappingText.label("Add devices one by one with Edit › Add device, or import later with File › Import"
                + " inventory.", 420);
        focusTarget = importButton;
        for (Button button : List.of(importButton, demoButton, emptyButton)) {
            button.setMinWidth(170);
        }
        GridPane choices = new GridPane();
        choices.setHgap(12);
        choices.setVgap(12);
        choices.addRow(0, importButton, importText);
        choices.addRow(1, demoButton, demoText);
        choices.addRow(2, emptyButton, emptyText);
        return new VBox(14, about, choices);
    }

    /** Records the guide as done, closes it, then runs the chosen start action, if any. */
    private void finish(Runnable then) {
        if (!finished) {
            finished = true;
            try {
                model.finish();
            } catch (IllegalStateException e) {
                log.warn("The getting-started guide could not be recorded as done: {}", e.getMessage());
            }
        }
        stage.hide();
        if (then != null) {
            then.run();
        }
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.US, "%.0f KB", bytes / 1024.0);
        }
        return String.format(Locale.US, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
