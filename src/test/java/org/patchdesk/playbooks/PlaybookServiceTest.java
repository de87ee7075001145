package org.patchdesk.playbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditDao;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

class PlaybookServiceTest {

    private static final String IMAGING = "Windows imaging workstation: vendor-validated updates";
    private static final String PUMPS = "Networked infusion pump fleet: staged update";
    private static final String MONITORS = "Patient monitoring: vendor remote patching";

    @TempDir
    Path folder;

    private Services services;
    private PlaybookService playbooks;

    @BeforeEach
    void open() {
        services = TestSites.open(folder.resolve("data"));
        playbooks = services.playbooks();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private Playbook named(String name) {
        long id = playbooks.list().stream().filter(summary -> summary.name().equals(name)).findFirst().orElseThrow().id();
        return playbooks.get(id).orElseThrow();
    }

    private List<AuditEntry> audit(String recordType, long id) {
        return services.database().jdbi().withExtension(AuditDao.class, dao -> dao.listByRecord(recordType, id));
    }

    private List<String> texts(Playbook playbook, Phase phase) {
        return playbook.steps(phase).stream().map(PlaybookStep::text).toList();
    }

    private long deviceTypeOf(String tag, String type, String manufacturer, String model) {
        services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, tag).set(DeviceField.DEVICE_TYPE, type)
                .set(DeviceField.MANUFACTURER, manufacturer).set(DeviceField.MODEL, model), TestSites.TECHNICIAN);
        return services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT device_type_id FROM device WHERE asset_tag = :tag")
                .bind("tag", tag).mapTo(Long.class).one());
    }

    private long productOf(String tag) {
        return services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT product_id FROM device WHERE asset_tag = :tag")
                .bind("tag", tag).mapTo(Long.class).one());
    }

    @Test
    void seededPlaybooksHaveEveryPhase() {
        List<PlaybookSummary> library = playbooks.list();

        assertThat(library).extracting(PlaybookSummary::name).containsExactly(PUMPS, MONITORS, IMAGING);
        for (PlaybookSummary summary : library) {
            Playbook playbook = playbooks.get(summary.id()).orElseThrow();
            assertThat(playbook.steps()).hasSize(summary.stepCount());
            for (Phase phase : Phase.values()) {
                List<PlaybookStep> steps = playbook.steps(phase);
                assertThat(steps).as("%s, %s", playbook.name(), phase).isNotEmpty();
                assertThat(steps).extracting(PlaybookStep::position).as("%s, %s", playbook.name(), phase)
                        .isEqualTo(java.util.stream.IntStream.rangeClosed(1, steps.size()).boxed().toList());
            }
            assertThat(playbook.appliesTo()).isEqualTo("no device type or product");
            assertThat(playbook.description()).isNotBlank();
        }
    }

    @Test
    void seededPlaybooksGiveEachRoleItsWork() {
        Playbook imaging = named(IMAGING);
        Playbook pumps = named(PUMPS);
        Playbook monitors = named(MONITORS);

        assertThat(texts(imaging, Phase.PRE_CHECK)).anyMatch(text -> text.contains("validated Microsoft updates"))
                .anyMatch(text -> text.contains("Radiology scheduling")).anyMatch(text -> text.contains("full disk image"));
        assertThat(texts(imaging, Phase.VERIFICATION)).anyMatch(text -> text.contains("send a test or phantom study to PACS"));
        assertThat(texts(pumps, Phase.PRE_CHECK)).anyMatch(text -> text.contains("drug library"))
                .anyMatch(text -> text.contains("keeps enough pumps in service"));
        assertThat(texts(pumps, Phase.VERIFICATION)).anyMatch(text -> text.startsWith("Pump-server connectivity"));
        assertThat(texts(monitors, Phase.PRE_CHECK)).anyMatch(text -> text.contains("session window"));
        assertThat(texts(monitors, Phase.PROCEDURE)).first().asString().contains("enable the vendor's remote access");
        assertThat(texts(monitors, Phase.PROCEDURE)).last().asString().contains("disable the vendor's remote access");
        assertThat(texts(monitors, Phase.VERIFICATION)).anyMatch(text -> text.contains("central station"));

        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Playbook playbook : List.of(imaging, pumps, monitors)) {
            roles.addAll(playbook.steps().stream().map(PlaybookStep::role).collect(Collectors.toSet()));
            assertThat(playbook.steps(Phase.PRE_CHECK)).extracting(PlaybookStep::role).contains(Role.CLINICAL, Role.HTM);
        }
        assertThat(roles).containsExactlyInAnyOrder(Role.values());
        assertThat(imaging.steps(Phase.PRE_CHECK).get(0).expectedMinutes()).isEqualTo(15);
        assertThat(imaging.steps(Phase.ROLLBACK).get(2).expectedMinutes()).isNull();
    }

    @Test
    void createAndEditAreChecked() {
        Playbook created = playbooks.create(new PlaybookValues("  Dialysis   machines ", " ", null, null), TestSites.MANAGER);

        assertThat(created.name()).isEqualTo("Dialysis machines");
        assertThat(created.description()).isNull();
        assertThat(created.steps()).isEmpty();
        assertThatThrownBy(() -> playbooks.create(new PlaybookValues("dialysis MACHINES", null, null, null), TestSites.MANAGER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A playbook named 'dialysis MACHINES' already exists; choose another name");
        assertThatThrownBy(() -> playbooks.create(new PlaybookValues(" ", null, null, null), TestSites.MANAGER))
                .hasMessage("A playbook name is required");
        assertThatThrownBy(() -> playbooks.create(new PlaybookValues("Lab analyzers", null, 999L, null), TestSites.MANAGER))
                .hasMessage("Device type 999 not found; it may have been deleted");

        Playbook renamed = playbooks.update(created.id(), new PlaybookValues("Hemodialysis machines", "Fresenius 2008T fleet",
                null, null), TestSites.TECHNICIAN);

        assertThat(renamed.name()).isEqualTo("Hemodialysis machines");
        assertThat(renamed.description()).isEqualTo("Fresenius 2008T fleet");
        assertThatThrownBy(() -> playbooks.update(created.id(), new PlaybookValues(PUMPS.toUpperCase(), null, null, null),
                TestSites.TECHNICIAN)).hasMessageContaining("already exists");
        List<AuditEntry> entries = audit(PlaybookService.PLAYBOOK_RECORD, created.id());
        assertThat(entries).extracting(AuditEntry::action).containsExactly(AuditAction.CREATE, AuditAction.UPDATE);
        assertThat(entries.get(1).actor()).isEqualTo("jtech");
        assertThat(entries.get(1).oldValues()).containsEntry("name", "Dialysis machines").doesNotContainKey("description");
        assertThat(entries.get(1).newValues()).containsEntry("name", "Hemodialysis machines")
                .containsEntry("description", "Fresenius 2008T fleet");
        assertThat(entries.get(1).summary()).isEqualTo("Playbook renamed from Dialysis machines");
    }

    @Test
    void stepEditsRenumberTheirPhase() {
        Playbook playbook = playbooks.create(new PlaybookValues("Ventilators", null, null, null), TestSites.MANAGER);
        PlaybookStep backup = playbooks.addStep(playbook.id(), new StepValues(Phase.PRE_CHECK, Role.HTM, "Save the ventilator settings",
                10), TestSites.TECHNICIAN);
        PlaybookStep spare = playbooks.addStep(playbook.id(), new StepValues(Phase.PRE_CHECK, Role.CLINICAL,
                "Respiratory therapy has a spare ventilator ready", null), TestSites.TECHNICIAN);
        PlaybookStep install = playbooks.addStep(playbook.id(), new StepValues(Phase.PROCEDURE, Role.VENDOR, "Install the update", 45),
                TestSites.TECHNICIAN);
        PlaybookStep check = playbooks.addStep(playbook.id(), new StepValues(Phase.PRE_CHECK, Role.IT, "Check the network", 5),
                TestSites.TECHNICIAN);

        assertThat(List.of(backup.position(), spare.position(), install.position(), check.position())).containsExactly(1, 2, 1, 3);
        assertThatThrownBy(() -> playbooks.addStep(playbook.id(), new StepValues(Phase.ROLLBACK, Role.HTM, "Restore", 0),
                TestSites.TECHNICIAN)).hasMessage("Expected minutes must be between 1 and 1440 (24 hours), not 0");
        assertThatThrownBy(() -> playbooks.addStep(playbook.id(), new StepValues(Phase.ROLLBACK, null, "Restore", null),
                TestSites.TECHNICIAN)).hasMessageStartingWith("A step needs the role");
        assertThatThrownBy(() -> playbooks.addStep(playbook.id(), new StepValues(Phase.ROLLBACK, Role.HTM, "  ", null),
                TestSites.TECHNICIAN)).hasMessage("A step needs a text saying what to do");

        PlaybookStep moved = playbooks.updateStep(spare.id(), new StepValues(Phase.VERIFICATION, Role.CLINICAL,
                "Respiratory therapy checks the ventilator on a test lung", 15), TestSites.TECHNICIAN);

        assertThat(moved.phase()).isEqualTo(Phase.VERIFICATION);
        assertThat(moved.position()).isEqualTo(1);
        Playbook after = playbooks.get(playbook.id()).orElseThrow();
        assertThat(after.steps(Phase.PRE_CHECK)).extracting(PlaybookStep::text, PlaybookStep::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Save the ventilator settings", 1),
                        org.assertj.core.groups.Tuple.tuple("Check the network", 2));
        assertThat(after.expectedMinutes(Phase.PRE_CHECK)).isEqualTo(15);

        playbooks.removeStep(backup.id(), TestSites.TECHNICIAN);

        Playbook removed = playbooks.get(playbook.id()).orElseThrow();
        assertThat(removed.steps(Phase.PRE_CHECK)).extracting(PlaybookStep::text, PlaybookStep::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Check the network", 1));
        assertThat(audit(PlaybookService.STEP_RECORD, backup.id())).extracting(AuditEntry::action)
                .containsExactly(AuditAction.CREATE, AuditAction.DELETE);
        AuditEntry change = audit(PlaybookService.STEP_RECORD, spare.id()).get(1);
        assertThat(change.oldValues()).containsEntry("phase", "pre-check").containsEntry("position", "2").doesNotContainKey("role");
        assertThat(change.newValues()).containsEntry("phase", "verification").containsEntry("position", "1")
                .containsEntry("expected_minutes", "15");
        assertThat(change.recordLabel()).isEqualTo("Ventilators: Verification step 1");
    }

    @Test
    void stepsMoveWithinTheirPhase() {
        Playbook pumps = named(PUMPS);
        List<PlaybookStep> before = pumps.steps(Phase.PROCEDURE);
        PlaybookStep third = before.get(2);

        assertThat(playbooks.moveStep(third.id(), PlaybookService.Direction.UP, TestSites.TECHNICIAN)).isTrue();
        assertThat(playbooks.moveStep(third.id(), PlaybookService.Direction.UP, TestSites.TECHNICIAN)).isTrue();
        assertThat(playbooks.moveStep(third.id(), PlaybookService.Direction.UP, TestSites.TECHNICIAN)).isFalse();
        PlaybookStep last = before.get(before.size() - 1);
        assertThat(playbooks.moveStep(last.id(), PlaybookService.Direction.DOWN, TestSites.TECHNICIAN)).isFalse();

        List<PlaybookStep> after = playbooks.get(pumps.id()).orElseThrow().steps(Phase.PROCEDURE);
        assertThat(after).extracting(PlaybookStep::id).containsExactly(third.id(), before.get(0).id(), before.get(1).id(),
                before.get(3).id(), before.get(4).id());
        assertThat(after).extracting(PlaybookStep::position).containsExactly(1, 2, 3, 4, 5);
        assertThat(playbooks.get(pumps.id()).orElseThrow().steps(Phase.PRE_CHECK)).isEqualTo(pumps.steps(Phase.PRE_CHECK));
        List<AuditEntry> moves = audit(PlaybookService.STEP_RECORD, third.id());
        assertThat(moves).hasSize(2);
        assertThat(moves.get(0).oldValues()).containsEntry("position", "3");
        assertThat(moves.get(0).newValues()).containsEntry("position", "2");
        assertThat(moves.get(0).summary()).isEqualTo("Step moved up");
    }

    @Test
    void duplicateCopiesStepsUnderANewName() {
        Playbook monitors = named(MONITORS);

        Playbook copy = playbooks.duplicate(monitors.id(), "Telemetry: vendor remote patching", TestSites.MANAGER);

        assertThat(copy.id()).isNotEqualTo(monitors.id());
        assertThat(copy.description()).isEqualTo(monitors.description());
        assertThat(copy.steps()).extracting(PlaybookStep::phase, PlaybookStep::position, PlaybookStep::role, PlaybookStep::text,
                PlaybookStep::expectedMinutes).isEqualTo(monitors.steps().stream().map(step -> org.assertj.core.groups.Tuple.tuple(
                step.phase(), step.position(), step.role(), step.text(), step.expectedMinutes())).toList());
        assertThat(copy.steps()).extracting(PlaybookStep::id).doesNotContainAnyElementsOf(monitors.steps().stream()
                .map(PlaybookStep::id).toList());
        assertThatThrownBy(() -> playbooks.duplicate(monitors.id(), MONITORS, TestSites.MANAGER))
                .hasMessageContaining("already exists");
        AuditEntry created = audit(PlaybookService.PLAYBOOK_RECORD, copy.id()).get(0);
        assertThat(created.summary()).isEqualTo("Playbook copied from " + MONITORS);
        assertThat(created.newValues().get("steps")).startsWith("pre-check 1 [HTM] Agree the session window").contains("rollback 4 [IT]");

        playbooks.removeStep(copy.steps().get(0).id(), TestSites.MANAGER);

        assertThat(named(MONITORS).steps()).hasSize(monitors.steps().size());
    }

    @Test
    void deleteKeepsTheStepsInTheAuditTrail() {
        Playbook imaging = named(IMAGING);

        playbooks.delete(imaging.id(), TestSites.MANAGER);

        assertThat(playbooks.get(imaging.id())).isEmpty();
        assertThat(playbooks.list()).extracting(PlaybookSummary::name).containsExactly(PUMPS, MONITORS);
        int orphanSteps = services.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM playbook_step WHERE playbook_id = :id").bind("id", imaging.id()).mapTo(Integer.class).one());
        assertThat(orphanSteps).isZero();
        AuditEntry deleted = audit(PlaybookService.PLAYBOOK_RECORD, imaging.id()).get(0);
        assertThat(deleted.action()).isEqualTo(AuditAction.DELETE);
        assertThat(deleted.actor()).isEqualTo("mmanager");
        assertThat(deleted.newValues()).isEmpty();
        assertThat(deleted.oldValues()).containsEntry("name", IMAGING);
        assertThat(deleted.oldValues().get("steps").lines()).hasSize(imaging.steps().size());
        assertThatThrownBy(() -> playbooks.delete(imaging.id(), TestSites.MANAGER)).hasMessageContaining("not found");
    }

    @Test
    void deleteRejectsAPlaybookAnotherRecordRefersTo() {
        Playbook pumps = named(PUMPS);
        services.database().jdbi().useHandle(handle -> {
            handle.execute("CREATE TABLE window_playbook_probe (playbook_id BIGINT NOT NULL REFERENCES playbook (id))");
            handle.execute("INSERT INTO window_playbook_probe VALUES (?)", pumps.id());
        });

        assertThatThrownBy(() -> playbooks.delete(pumps.id(), TestSites.MANAGER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Playbook '" + PUMPS + "' is attached to a patch window and cannot be deleted.");
        assertThat(playbooks.get(pumps.id())).get().satisfies(kept -> assertThat(kept.steps()).hasSize(pumps.steps().size()));
        assertThat(audit(PlaybookService.PLAYBOOK_RECORD, pumps.id())).isEmpty();
    }

    @Test
    void suggestionsMatchProductsBeforeTypes() {
        long pumpType = deviceTypeOf("IP-1", "Infusion pump", "BD", "Alaris 8015");
        long pcu = productOf("IP-1");
        long monitorType = deviceTypeOf("PM-1", "Patient monitor", "Philips", "IntelliVue MX450");
        Playbook fleet = named(PUMPS);
        playbooks.update(fleet.id(), new PlaybookValues(fleet.name(), fleet.description(), pumpType, null), TestSites.MANAGER);
        Playbook alaris = playbooks.create(new PlaybookValues("Alaris PCU firmware", null, null, pcu), TestSites.MANAGER);

        assertThat(playbooks.suggestFor(List.of(pumpType), List.of(pcu))).extracting(PlaybookSummary::name)
                .containsExactly("Alaris PCU firmware", PUMPS);
        assertThat(playbooks.suggestFor(List.of(pumpType, monitorType), List.of())).extracting(PlaybookSummary::name)
                .containsExactly(PUMPS);
        assertThat(playbooks.suggestFor(List.of(monitorType), List.of())).isEmpty();
        assertThat(playbooks.suggestFor(List.of(), List.of())).isEmpty();
        assertThat(playbooks.get(alaris.id()).orElseThrow().appliesTo()).isEqualTo("BD Alaris 8015");
        assertThat(named(PUMPS).appliesTo()).isEqualTo("Infusion pump");
        assertThat(playbooks.deviceTypeChoices()).extracting(PlaybookService.Choice::label).containsExactly("Infusion pump",
                "Patient monitor");
        assertThat(playbooks.productChoices()).extracting(PlaybookService.Choice::label).containsExactly("BD Alaris 8015",
                "Philips IntelliVue MX450");
    }
}
