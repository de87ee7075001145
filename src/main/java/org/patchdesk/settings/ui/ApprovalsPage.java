package org.patchdesk.settings.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;

import org.patchdesk.acceptance.AcceptanceSettings;
import org.patchdesk.acceptance.RiskAcceptanceService;
import org.patchdesk.acceptance.RiskLevel;
import org.patchdesk.common.Actor;
import org.patchdesk.ui.Work;
import org.patchdesk.users.Role;

/**
 * The page that sets the rules of risk acceptances: residual risk bands, approving roles per level,
 * maximum duration and expiry warning.
 */
final class ApprovalsPage implements SettingsPage {

    static final String TITLE = "Approvals";

    private final RiskAcceptanceService service;
    private final SettingsForm form = new SettingsForm();
    private final TextField mediumFrom = SettingsForm.numberField("settingsMediumFrom", 5);
    private final TextField highFrom = SettingsForm.numberField("settingsHighFrom", 5);
    private final TextField maxMonths = SettingsForm.numberField("settingsMaxMonths", 5);
    private final TextField warningDays = SettingsForm.numberField("settingsWarningDays", 5);
    private final Map<RiskLevel, FlowPane> approverPanes = new EnumMap<>(RiskLevel.class);
    private final Map<RiskLevel, Map<Role, CheckBox>> approverBoxes = new EnumMap<>(RiskLevel.class);
    private AcceptanceSettings stored = AcceptanceSettings.DEFAULTS;

    ApprovalsPage(RiskAcceptanceService service) {
        this.service = service;
        form.section("Risk acceptances");
        form.note("Approver roles apply to acceptances submitted after the change; submitted acceptances keep the roles fixed at"
                + " submission.");
        form.row("Medium residual risk from", mediumFrom, "likelihood x severity, 2 to 24");
        form.row("High residual risk from", highFrom, "3 to 25");
        for (RiskLevel level : RiskLevel.values()) {
            Map<Role, CheckBox> boxes = new EnumMap<>(Role.class);
            FlowPane pane = new FlowPane(10, 4);
            pane.setId("settingsApprovers-" + level.word());
            pane.setPrefWrapLength(380);
            for (Role role : AcceptanceSettings.SIGNING_ROLES) {
                CheckBox box = new CheckBox(role.label());
                box.setId("settingsApprover-" + level.word() + "-" + role.word());
                boxes.put(role, box);
                pane.getChildren().add(box);
            }
            approverBoxes.put(level, boxes);
            approverPanes.put(level, form.row("Approvers of a " + level.word() + " residual risk", pane, null));
        }
        form.row("Maximum duration", maxMonths, "months, 1 to " + AcceptanceSettings.MAX_MONTHS_LIMIT);
        form.row("Expiry warning", warningDays, "days before the end date, 0 to 365");
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
        return service.settingsRejection(actor);
    }

    @Override
    public void load() {
        stored = service.settings();
        mediumFrom.setText(Integer.toString(stored.mediumFrom()));
        highFrom.setText(Integer.toString(stored.highFrom()));
        maxMonths.setText(Integer.toString(stored.maxMonths()));
        warningDays.setText(Integer.toString(stored.warningDays()));
        approverBoxes.forEach((level, boxes) -> boxes.forEach((role, box) -> box.setSelected(stored.approversFor(level).contains(role))));
        form.clearProblems();
    }

    @Override
    public boolean isChanged() {
        if (!SettingsForm.text(mediumFrom).equals(Integer.toString(stored.mediumFrom()))
                || !SettingsForm.text(highFrom).equals(Integer.toString(stored.highFrom()))
                || !SettingsForm.text(maxMonths).equals(Integer.toString(stored.maxMonths()))
                || !SettingsForm.text(warningDays).equals(Integer.toString(stored.warningDays()))) {
            return true;
        }
        return approverBoxes.keySet().stream()
                .anyMatch(level -> !new HashSet<>(selected(level)).equals(new HashSet<>(stored.approversFor(level))));
    }

    @Override
    public List<String> validate() {
        form.clearProblems();
        List<String> problems = new ArrayList<>();
        int[] bands = new int[2];
        boolean medium = form.check(mediumFrom, problems, () -> bands[0] = SettingsForm.wholeNumber(mediumFrom, "Medium residual risk from"));
        boolean high = form.check(highFrom, problems, () -> bands[1] = SettingsForm.wholeNumber(highFrom, "High residual risk from"));
        if (medium && high) {
            form.check(highFrom, problems, () -> AcceptanceSettings.checkBands(bands[0], bands[1]));
        }
        for (RiskLevel level : RiskLevel.values()) {
            form.check(approverPanes.get(level), problems, () -> AcceptanceSettings.checkApprovers(level, selected(level)));
        }
        form.check(maxMonths, problems, () -> AcceptanceSettings.checkMaxMonths(SettingsForm.wholeNumber(maxMonths, "Maximum duration")));
        form.check(warningDays, problems,
                () -> AcceptanceSettings.checkWarningDays(SettingsForm.wholeNumber(warningDays, "Expiry warning")));
        return problems;
    }

    @Override
    public Work<String> save(Actor actor) {
        Map<RiskLevel, List<Role>> approvers = new EnumMap<>(RiskLevel.class);
        for (RiskLevel level : RiskLevel.values()) {
            List<Role> roles = selected(level);
            // The same roles in another order are no change, so the stored order is kept.
            boolean same = new HashSet<>(roles).equals(new HashSet<>(stored.approversFor(level)));
            approvers.put(level, same ? stored.approversFor(level) : roles);
        }
        AcceptanceSettings settings = new AcceptanceSettings(SettingsForm.wholeNumber(mediumFrom, "Medium residual risk from"),
                SettingsForm.wholeNumber(highFrom, "High residual risk from"), approvers,
                SettingsForm.wholeNumber(maxMonths, "Maximum duration"), SettingsForm.wholeNumber(warningDays, "Expiry warning"));
        return monitor -> {
            List<String> changed = service.saveSettings(settings, actor);
            return TITLE + ": " + (changed.size() == 1 ? "1 setting" : changed.size() + " settings") + " saved";
        };
    }

    private List<Role> selected(RiskLevel level) {
        List<Role> roles = new ArrayList<>();
        approverBoxes.get(level).forEach((role, box) -> {
            if (box.isSelected()) {
                roles.add(role);
            }
        });
        return roles;
    }
}
