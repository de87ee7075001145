package org.patchdesk.settings.ui;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

import org.patchdesk.common.Actor;
import org.patchdesk.governance.SiteSettings;
import org.patchdesk.governance.SiteSettingsService;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.Work;

/** The page that sets the site name and logo that reports print. */
final class SitePage implements SettingsPage {

    static final String TITLE = "Site";

    private final SiteSettingsService service;
    private final SettingsForm form = new SettingsForm();
    private final TextField name = new TextField();
    private final TextField logo = new TextField();
    private SiteSettings stored = SiteSettings.DEFAULTS;

    SitePage(SiteSettingsService service, DialogService dialogs) {
        this.service = service;
        name.setId("siteName");
        name.setPrefColumnCount(32);
        logo.setId("siteLogo");
        logo.setPrefColumnCount(28);
        logo.setPromptText("No logo");
        Button choose = new Button("Choose…");
        choose.setId("siteLogoChoose");
        choose.setOnAction(event -> dialogs.chooseFileToOpen("Choose the site logo", List.of("png", "jpg", "jpeg"))
                .ifPresent(file -> logo.setText(file.toString())));
        Button remove = new Button("Remove");
        remove.setId("siteLogoRemove");
        remove.setOnAction(event -> logo.clear());

        form.note("Reports print the name in their header and the logo on their cover. PatchDesk keeps the logo's path, not a copy,"
                + " so keep the file where it is.");
        form.row("Site name", name, null);
        form.row("Logo (PNG or JPEG, at most 2 MB)", logo, null);
        form.wide(new HBox(6, choose, remove));
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Node node() {
        return form.node();
    }

    @Override
    public Optional<String> changeRejection(Actor actor) {
        return service.changeRejection(actor);
    }

    @Override
    public void load() {
        stored = service.current();
        name.setText(stored.name());
        logo.setText(stored.logo() == null ? "" : stored.logo().toString());
        form.clearProblems();
    }

    @Override
    public boolean isChanged() {
        String storedLogo = stored.logo() == null ? "" : stored.logo().toString();
        return !SettingsForm.text(name).equals(stored.name()) || !Objects.equals(SettingsForm.text(logo), storedLogo);
    }

    @Override
    public List<String> validate() {
        form.clearProblems();
        List<String> problems = new ArrayList<>();
        form.check(name, problems, () -> SiteSettingsService.checkName(name.getText()));
        form.check(logo, problems, () -> logoPath().ifPresent(SiteSettingsService::checkLogo));
        return problems;
    }

    @Override
    public Work<String> save(Actor actor) {
        String newName = name.getText();
        Path newLogo = logoPath().orElse(null);
        return monitor -> {
            SiteSettings saved = service.save(newName, newLogo, actor);
            return "Site name \"" + saved.name() + "\", " + (saved.logo() == null ? "no logo" : "logo " + saved.logo().getFileName());
        };
    }

    /**
     * Returns the logo path typed, or empty when the field is empty.
     *
     * @throws IllegalArgumentException when the text is not a file path
     */
    private Optional<Path> logoPath() {
        String text = SettingsForm.text(logo);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("The logo path " + text + " is not a valid file path", e);
        }
    }
}
