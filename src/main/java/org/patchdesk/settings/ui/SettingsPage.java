package org.patchdesk.settings.ui;

import java.util.List;
import java.util.Optional;

import javafx.scene.Node;

import org.patchdesk.common.Actor;
import org.patchdesk.ui.Work;

/**
 * One page of the Settings dialog: the fields of one group of settings, owned by one service. The
 * page checks its fields with that service's checks and saves them with one call of that service,
 * which checks the actor's role and records the change in the audit trail.
 *
 * <p>The dialog calls, on the JavaFX thread: {@link #changeRejection} and {@link #load} when it
 * opens; on Save, {@link #isChanged}, then {@link #validate} on each changed page, then
 * {@link #save} on each changed page once no page has a problem. The work {@link #save} returns
 * runs off the JavaFX thread.
 */
public interface SettingsPage {

    /** The name in the dialog's page list, such as "Scoring". */
    String title();

    /** The page's fields. The dialog shows it beside the page list and disables it when the actor may not change the page. */
    Node node();

    /** Returns why the actor may not change these settings, saying who may; empty when they may. */
    Optional<String> changeRejection(Actor actor);

    /** Sets the fields to the stored values and clears their problems. */
    void load();

    /** Tells whether a field differs from the stored value. */
    boolean isChanged();

    /**
     * Checks every field with the owning service's checks, marks each invalid field with its
     * problem, and returns the problems, each naming the field and its value; empty when all are valid.
     */
    List<String> validate();

    /**
     * Returns the work that stores the changed values, read from the fields now, with one call of
     * the owning service. The work returns a one-line summary, and throws
     * IllegalArgumentException or IllegalStateException with the service's message when the
     * service rejects the values or the actor.
     */
    Work<String> save(Actor actor);
}
