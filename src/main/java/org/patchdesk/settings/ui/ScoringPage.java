package org.patchdesk.settings.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;

import org.patchdesk.common.Actor;
import org.patchdesk.risk.PriorityTerm;
import org.patchdesk.risk.ScoringSettings;
import org.patchdesk.risk.SettingsService;
import org.patchdesk.risk.ssvc.Decision;
import org.patchdesk.ui.Work;

/**
 * Settings of {@link SettingsService} by key: the Scoring page (days until due per SSVC decision
 * and the priority weights) and the Feeds page (the stale-feed thresholds).
 */
final class ScoringPage implements SettingsPage {

    static final String SCORING = "Scoring";
    static final String FEEDS = "Feeds";

    private final String title;
    private final SettingsService service;
    private final SettingsForm form = new SettingsForm();
    /** The field of each setting key, in the page's order. */
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    /** The name of each setting key in problem messages. */
    private final Map<String, String> names = new LinkedHashMap<>();
    private Map<String, String> stored = ScoringSettings.defaults().asMap();

    private ScoringPage(String title, SettingsService service) {
        this.title = title;
        this.service = service;
    }

    /** Returns the Scoring page: the days until due for each SSVC decision and the weights of the priority. */
    static ScoringPage scoring(SettingsService service) {
        ScoringPage page = new ScoringPage(SCORING, service);
        page.form.note("Saving a change here rescores every finding: its due date and priority are computed again.");
        page.form.section("Days until due, by SSVC decision (1 to 3650)");
        for (Decision decision : List.of(Decision.IMMEDIATE, Decision.OUT_OF_CYCLE, Decision.SCHEDULED, Decision.DEFER)) {
            String label = Character.toUpperCase(decision.word().charAt(0)) + decision.word().substring(1);
            page.field(ScoringSettings.DUE_PREFIX + decision.word(), label, "Days until due for " + decision.word(), "days");
        }
        page.form.section("Priority weights (0 to 100; each factor runs from 0 to 1)");
        for (PriorityTerm term : PriorityTerm.values()) {
            String factor = term.factor();
            String label = Character.toUpperCase(factor.charAt(0)) + factor.substring(1);
            page.field(ScoringSettings.WEIGHT_PREFIX + term.key(), label, "The " + shortName(term) + " weight",
                    "default " + number(term.defaultWeight()));
        }
        Button defaults = new Button("Restore defaults");
        defaults.setId("scoringDefaultsButton");
        defaults.setOnAction(event -> page.fill(ScoringSettings.defaults().asMap()));
        page.form.wide(defaults);
        return page;
    }

    /** Returns the Feeds page: the ages after which KEV and EPSS data count as stale. */
    static ScoringPage feeds(SettingsService service) {
        ScoringPage page = new ScoringPage(FEEDS, service);
        page.form.note("The worklist warns when the newest KEV or EPSS data is older than these limits (1 to 365 days), and the"
                + " feeds command then exits with 1.");
        page.field(ScoringSettings.KEV_STALE, "KEV data is stale after", "The KEV stale limit", "days (default 14)");
        page.field(ScoringSettings.EPSS_STALE, "EPSS data is stale after", "The EPSS stale limit", "days (default 7)");
        return page;
    }

    private void field(String key, String label, String name, String unit) {
        TextField field = SettingsForm.numberField("setting-" + key.replace('.', '-'), 6);
        fields.put(key, form.row(label, field, unit));
        names.put(key, name);
    }

    @Override
    public String title() {
        return title;
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
        stored = service.current().asMap();
        fill(stored);
        form.clearProblems();
    }

    private void fill(Map<String, String> values) {
        fields.forEach((key, field) -> field.setText(number(Double.parseDouble(values.get(key)))));
    }

    @Override
    public boolean isChanged() {
        return !changes().isEmpty();
    }

    /** Returns the typed value of each setting that differs from the stored one, by key. */
    private Map<String, String> changes() {
        Map<String, String> changes = new LinkedHashMap<>();
        fields.forEach((key, field) -> {
            String text = SettingsForm.text(field);
            if (!sameNumber(text, stored.get(key))) {
                changes.put(key, text);
            }
        });
        return changes;
    }

    @Override
    public List<String> validate() {
        form.clearProblems();
        List<String> problems = new ArrayList<>();
        fields.forEach((key, field) -> form.check(field, problems, () -> {
            String text = SettingsForm.text(field);
            String problem = ScoringSettings.validate(key, text);
            if (problem != null) {
                throw new IllegalArgumentException(problem.startsWith("'") ? names.get(key) + ": " + problem
                        : names.get(key) + " " + problem + ", not " + text);
            }
        }));
        return problems;
    }

    @Override
    public Work<String> save(Actor actor) {
        Map<String, String> changes = changes();
        boolean rescores = title.equals(SCORING);
        return monitor -> {
            service.save(changes, actor, monitor);
            String saved = changes.size() == 1 ? "1 setting" : changes.size() + " settings";
            return rescores ? title + ": " + saved + " saved and every finding rescored" : title + ": " + saved + " saved";
        };
    }

    private static boolean sameNumber(String text, String storedValue) {
        if (text.equals(storedValue)) {
            return true;
        }
        try {
            return Double.parseDouble(text) == Double.parseDouble(storedValue);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Returns a number without a trailing ".0", such as "30" or "12.5". */
    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String shortName(PriorityTerm term) {
        return switch (term) {
            case CVSS -> "CVSS";
            case EPSS -> "EPSS probability";
            case EPSS_PERCENTILE -> "EPSS percentile";
            case KEV -> "KEV";
            case RANSOMWARE -> "known ransomware use";
            case EXPOSURE -> "system exposure";
            case CRITICALITY -> "clinical criticality";
        };
    }
}
