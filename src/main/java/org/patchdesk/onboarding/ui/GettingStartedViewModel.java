package org.patchdesk.onboarding.ui;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.patchdesk.common.Actor;
import org.patchdesk.governance.SiteSettings;
import org.patchdesk.governance.SiteSettingsService;
import org.patchdesk.onboarding.FirstRunCompletion;
import org.patchdesk.onboarding.FirstRunService;
import org.patchdesk.storage.DataFolderContents;

/**
 * The state of the getting-started guide: the step shown, the site name and logo typed in, and the
 * problem to show under them. Saving and recording completion go through the services.
 */
public final class GettingStartedViewModel {

    /** The steps, in order. */
    public enum Step {
        SITE("Name your site"),
        DATA_FOLDER("Where your data is kept"),
        START("Start");

        private final String title;

        Step(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final FirstRunService firstRun;
    private final SiteSettingsService siteSettings;
    private final Supplier<DataFolderContents.Summary> dataFolder;
    private final Actor actor;
    private final IntegerProperty step = new SimpleIntegerProperty(0);
    private final StringProperty siteName = new SimpleStringProperty("");
    private final StringProperty logo = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");

    public GettingStartedViewModel(FirstRunService firstRun, SiteSettingsService siteSettings, Supplier<DataFolderContents.Summary> dataFolder,
                                   Actor actor) {
        this.firstRun = firstRun;
        this.siteSettings = siteSettings;
        this.dataFolder = dataFolder;
        this.actor = actor;
        SiteSettings current = siteSettings.current();
        if (!SiteSettings.DEFAULT_NAME.equals(current.name())) {
            siteName.set(current.name());
        }
        logo.set(current.logo() == null ? "" : current.logo().toString());
    }

    public IntegerProperty stepProperty() {
        return step;
    }

    public Step step() {
        return Step.values()[step.get()];
    }

    public StringProperty siteNameProperty() {
        return siteName;
    }

    public StringProperty logoProperty() {
        return logo;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    /** Returns why the signed-in user may not set the site name, or empty when they may. */
    public Optional<String> siteRejection() {
        return siteSettings.changeRejection(actor);
    }

    /** Returns true when the step shown is the last one. */
    public boolean isLastStep() {
        return step.get() == Step.values().length - 1;
    }

    /** Moves to the next step without saving anything on this one. */
    public void skip() {
        problem.set("");
        if (!isLastStep()) {
            step.set(step.get() + 1);
        }
    }

    public void back() {
        problem.set("");
        if (step.get() > 0) {
            step.set(step.get() - 1);
        }
    }

    /**
     * Saves the site name and logo and moves on. Returns false, with the problem set, when the
     * service rejects a value; the step stays then.
     */
    public boolean saveSiteAndContinue() {
        String logoText = logo.get() == null ? "" : logo.get().strip();
        try {
            Path logoFile = logoText.isEmpty() ? null : Path.of(logoText);
            siteSettings.save(siteName.get(), logoFile, actor);
        } catch (InvalidPathException e) {
            problem.set("The logo path " + logoText + " is not a valid file path.");
            return false;
        } catch (IllegalArgumentException | IllegalStateException e) {
            problem.set(e.getMessage().endsWith(".") ? e.getMessage() : e.getMessage() + ".");
            return false;
        }
        skip();
        return true;
    }

    /** Returns what the data folder contains now. */
    public DataFolderContents.Summary dataFolder() {
        return dataFolder.get();
    }

    /**
     * Records that the guide was done so that it does not open by itself again.
     *
     * @throws IllegalStateException when the signed-in user may not change records
     */
    public FirstRunCompletion finish() {
        return firstRun.complete(actor);
    }
}
