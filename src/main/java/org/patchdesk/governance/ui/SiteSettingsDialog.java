package org.patchdesk.governance.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.patchdesk.common.Actor;
import org.patchdesk.governance.SiteSettings;
import org.patchdesk.governance.SiteSettingsService;
import org.patchdesk.ui.DialogService;

/**
 * The dialog that sets the site name and logo printed on reports. The service checks the name and
 * the image and that the actor is an administrator; the dialog shows its message and stays open.
 */
public final class SiteSettingsDialog {

    private final SiteSettingsService service;
    private final DialogService dialogs;
    private final Actor actor;
    private final Window owner;

    public SiteSettingsDialog(SiteSettingsService service, DialogService dialogs, Actor actor, Window owner) {
        this.service = service;
        this.dialogs = dialogs;
        this.actor = actor;
        this.owner = owner;
    }

    /** Shows the dialog, or explains why the actor may not change the settings; returns the saved settings, or empty. */
    public Optional<SiteSettings> show() {
        Optional<String> rejection = service.changeRejection(actor);
        if (rejection.isPresent()) {
            dialogs.showError("Site name and logo", rejection.get());
            return Optional.empty();
        }
        SiteSettings current = service.current();
        TextField name = new TextField(current.name());
        name.setId("siteName");
        name.setPrefColumnCount(32);
        TextField logo = new TextField(current.logo() == null ? "" : current.logo().toString());
        logo.setId("siteLogo");
        logo.setPrefColumnCount(32);
        logo.setPromptText("No logo");
        Button browse = new Button("Choose…");
        browse.setId("siteLogoChoose");
        browse.setOnAction(event -> dialogs.chooseFileToOpen("Choose the site logo", List.of("png", "jpg", "jpeg"))
                .ifPresent(file -> logo.setText(file.toString())));
        Button clear = new Button("Remove");
        clear.setId("siteLogoRemove");
        clear.setOnAction(event -> logo.clear());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Site name"), name);
        grid.addRow(1, new Label("Logo (PNG or JPEG, at most 2 MB)"), new HBox(6, logo, browse, clear));
        Label problem = new Label();
        problem.setId("siteSettingsProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.setMaxWidth(560);
        Label about = new Label("Reports print the name in their header and the logo on their cover. PatchDesk keeps the logo's"
                + " path, so keep the file where it is. The change is recorded in the audit trail.");
        about.setWrapText(true);
        about.setMaxWidth(560);

        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Site name and logo");
        dialog.getDialogPane().setId("siteSettingsDialog");
        dialog.getDialogPane().setContent(new VBox(8, problem, about, grid));
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);

        SiteSettings[] saved = new SiteSettings[1];
        dialog.getDialogPane().lookupButton(save).addEventFilter(ActionEvent.ACTION, event -> {
            try {
                String logoText = logo.getText() == null ? "" : logo.getText().strip();
                saved[0] = service.save(name.getText(), logoText.isEmpty() ? null : Path.of(logoText), actor);
            } catch (IllegalArgumentException | IllegalStateException e) {
                problem.setText(e.getMessage().endsWith(".") ? e.getMessage() : e.getMessage() + ".");
                event.consume();
            }
        });
        return dialog.showAndWait().filter(save::equals).map(pressed -> saved[0]);
    }
}
