package org.patchdesk.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.reports.WorkOrder;
import org.patchdesk.testing.TestSites;
import org.patchdesk.users.AuthenticationException;
import org.patchdesk.users.NewUser;
import org.patchdesk.users.Role;
import org.patchdesk.users.Signature;
import org.patchdesk.users.SignatureMeaning;
import org.patchdesk.workspace.Services;

/** Clinical approvals and declined approvals of windows once PatchDesk has user accounts: electronic signatures of clinical leaders. */
class SignedApprovalTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Actor TECHNICIAN = new Actor("jtech");

    @TempDir
    Path folder;

    private Services services;
    private long windowId;

    @BeforeEach
    void open() {
        open(TestSites.CLOCK, "data");
    }

    private void open(java.time.Clock clock, String name) {
        services = TestSites.open(folder.resolve(name), clock);
        Device vent = services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "VENT-01").set(DeviceField.DEVICE_TYPE,
                "Ventilator").set(DeviceField.DEPARTMENT, "ICU"), TestSites.TECHNICIAN);
        windowId = services.windows().create(new WindowDraft("ICU ventilators", LocalDateTime.parse("2026-12-10T06:00").atZone(CHICAGO)
                .toInstant(), LocalDateTime.parse("2026-12-10T08:00").atZone(CHICAGO).toInstant(), "ICU", null, WindowType.ROUTINE, null,
                List.of(new WindowDraft.Planned(vent.id(), 30)), null, CabStatus.NOT_SUBMITTED, null), TestSites.TECHNICIAN);
        services.windows().submitForApproval(windowId, TestSites.TECHNICIAN);
        services.users().createFirstAdministrator(new NewUser("kwong", "Kim Wong", null, Set.of()), "admin-pass-1".toCharArray(),
                new Actor("kim"));
        Actor admin = new Actor("kwong");
        services.users().create(new NewUser("dreyes", "Dana Reyes, RN", "ICU", Set.of(Role.CLINICAL_LEADER)), "leader-pass".toCharArray(),
                admin);
        services.users().create(new NewUser("jtech", "Jordan Tech", null, Set.of(Role.HTM_TECHNICIAN)), "tech-pass-1".toCharArray(), admin);
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void signaturesAtInstantsWithNanosecondsVerify() {
        services.close();
        open(java.time.Clock.fixed(java.time.Instant.parse("2026-12-04T13:00:00.168978859Z"), CHICAGO), "nanos");

        services.windows().signDecline(windowId, "dreyes", "leader-pass".toCharArray(), "Census too high this week", TECHNICIAN);
        services.windows().submitForApproval(windowId, TECHNICIAN);
        services.windows().signApproval(windowId, "dreyes", "leader-pass".toCharArray(), null, TECHNICIAN);

        assertThat(services.auditVerifier().verify(org.patchdesk.common.ProgressMonitor.NONE).problems())
                .as("the database keeps microseconds; the entries recorded nanoseconds").isEmpty();
    }

    @Test
    void clinicalLeaderSignsTheApproval() {
        assertThat(services.windows().approvalsAreSigned()).isTrue();

        Signature signature = services.windows().signApproval(windowId, "dreyes", "leader-pass".toCharArray(),
                "Keep two ventilators on standby", TECHNICIAN);

        PatchWindow approved = services.windows().find(windowId).orElseThrow();
        assertThat(approved.status()).isEqualTo(WindowStatus.APPROVED);
        assertThat(approved.approval()).isEqualTo(new Approval("Dana Reyes, RN", "Clinical leader, ICU", TestSites.CLOCK.instant(),
                "Keep two ventilators on standby"));
        assertThat(signature.meaning()).isEqualTo(SignatureMeaning.APPROVED);
        assertThat(services.windows().signatures(windowId)).containsExactly(signature);
        assertThat(services.windows().history(windowId)).last().satisfies(event -> {
            assertThat(event.actor()).isEqualTo("jtech");
            assertThat(event.note()).startsWith("Approved by Dana Reyes, RN (Clinical leader, ICU), signed electronically as dreyes");
        });
    }

    @Test
    void wrongPasswordLeavesTheWindowAwaitingApproval() {
        assertThatThrownBy(() -> services.windows().signApproval(windowId, "dreyes", "leader-PASS".toCharArray(), null, TECHNICIAN))
                .isInstanceOf(AuthenticationException.class);

        assertThat(services.windows().find(windowId).orElseThrow().status()).isEqualTo(WindowStatus.AWAITING_APPROVAL);
        assertThat(services.windows().signatures(windowId)).isEmpty();
    }

    @Test
    void signerNeedsTheClinicalLeaderRole() {
        assertThatThrownBy(() -> services.windows().signApproval(windowId, "jtech", "tech-pass-1".toCharArray(), null, TECHNICIAN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("User jtech (HTM technician) cannot do this; it needs the role Clinical leader");

        assertThat(services.windows().find(windowId).orElseThrow().status()).isEqualTo(WindowStatus.AWAITING_APPROVAL);
    }

    @Test
    void typedApprovalIsRefusedOnceAccountsExist() {
        assertThatThrownBy(() -> services.windows().approve(windowId, "Dana Reyes", "ICU nurse manager", null, TECHNICIAN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("PatchDesk has user accounts, so a clinical approval is an electronic signature");
    }
    @Test
    void clinicalLeaderSignsDecline() {
        Signature signature = services.windows().signDecline(windowId, "dreyes", "leader-pass".toCharArray(), "Census too high this week",
                TECHNICIAN);

        PatchWindow declined = services.windows().find(windowId).orElseThrow();
        assertThat(declined.status()).isEqualTo(WindowStatus.PROPOSED);
        assertThat(declined.approval()).isNull();
        assertThat(signature.meaning()).isEqualTo(SignatureMeaning.REJECTED);
        assertThat(signature.comment()).isEqualTo("Census too high this week");
        assertThat(declined.decline()).isEqualTo(new Decline(TestSites.CLOCK.instant(), "Dana Reyes, RN (Clinical leader)",
                "Census too high this week", signature.id()));
        assertThat(services.windows().signatures(windowId)).containsExactly(signature);
        assertThat(services.windows().history(windowId)).last().satisfies(event -> {
            assertThat(event.from()).isEqualTo(WindowStatus.AWAITING_APPROVAL);
            assertThat(event.to()).isEqualTo(WindowStatus.PROPOSED);
            assertThat(event.actor()).isEqualTo("jtech");
            assertThat(event.note()).isEqualTo("Approval declined by Dana Reyes, RN (Clinical leader), signed electronically as dreyes:"
                    + " Census too high this week");
        });
        assertThat(services.auditVerifier().verify(ProgressMonitor.NONE).problems()).isEmpty();
    }

    @Test
    void declineEntriesReferenceSignature() {
        Signature signature = services.windows().signDecline(windowId, "dreyes", "leader-pass".toCharArray(), "Census too high this week",
                TECHNICIAN);

        String recorded = services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT new_values FROM audit_entry"
                + " WHERE record_type = 'patch_window' AND record_id = :id ORDER BY id DESC LIMIT 1").bind("id", windowId)
                .mapTo(String.class).one());
        assertThat(recorded).contains("\"signature\":\"" + signature.id() + "\"").contains("\"status\":\"proposed\"");
        long eventSignature = services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT signature_id FROM"
                + " patch_window_event WHERE window_id = :id ORDER BY id DESC LIMIT 1").bind("id", windowId).mapTo(Long.class).one());
        assertThat(eventSignature).isEqualTo(signature.id());
    }

    @Test
    void declineNeedsReason() {
        assertThatThrownBy(() -> services.windows().signDecline(windowId, "dreyes", "leader-pass".toCharArray(), " ", TECHNICIAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Enter why the window is not approved; the reason is part of the signature");

        assertThat(services.windows().find(windowId).orElseThrow().status()).isEqualTo(WindowStatus.AWAITING_APPROVAL);
        assertThat(services.windows().signatures(windowId)).isEmpty();
    }

    @Test
    void declineNeedsClinicalLeader() {
        assertThatThrownBy(() -> services.windows().signDecline(windowId, "jtech", "tech-pass-1".toCharArray(), "Not this week",
                TECHNICIAN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("User jtech (HTM technician) cannot do this; it needs the role Clinical leader");
        assertThatThrownBy(() -> services.windows().signDecline(windowId, "dreyes", "wrong-pass".toCharArray(), "Not this week",
                TECHNICIAN))
                .isInstanceOf(AuthenticationException.class);

        assertThat(services.windows().find(windowId).orElseThrow().status()).isEqualTo(WindowStatus.AWAITING_APPROVAL);
        assertThat(services.windows().signatures(windowId)).isEmpty();
    }

    @Test
    void typedDeclineRejectedOnceAccountsExist() {
        assertThatThrownBy(() -> services.windows().declineApproval(windowId, "Census too high", TECHNICIAN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("PatchDesk has user accounts, so declining a clinical approval is an electronic signature");

        assertThat(services.windows().find(windowId).orElseThrow().status()).isEqualTo(WindowStatus.AWAITING_APPROVAL);
    }

    @Test
    void declineEndsWhenSentAgain() {
        services.windows().signDecline(windowId, "dreyes", "leader-pass".toCharArray(), "Census too high this week", TECHNICIAN);

        services.windows().submitForApproval(windowId, TECHNICIAN);

        assertThat(services.windows().find(windowId).orElseThrow().decline()).isNull();
        assertThat(services.windows().signatures(windowId)).extracting(Signature::meaning).containsExactly(SignatureMeaning.REJECTED);
    }

    @Test
    void workOrderShowsDecline() {
        services.windows().signDecline(windowId, "dreyes", "leader-pass".toCharArray(), "Census too high this week", TECHNICIAN);

        WorkOrder order = services.workOrders().workOrder(windowId, TECHNICIAN);

        assertThat(order.approval()).isNull();
        assertThat(order.declined()).isEqualTo(new WorkOrder.DeclinedApproval("Dana Reyes, RN (Clinical leader)",
                TestSites.CLOCK.instant().atZone(CHICAGO), "Census too high this week", true));
    }
}
