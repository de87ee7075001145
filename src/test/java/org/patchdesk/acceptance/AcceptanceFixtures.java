package org.patchdesk.acceptance;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.patchdesk.common.Actor;
import org.patchdesk.controls.ControlFixtures;
import org.patchdesk.inventory.Device;
import org.patchdesk.testing.TestSites;
import org.patchdesk.users.NewUser;
import org.patchdesk.users.Role;
import org.patchdesk.workspace.Services;

/**
 * A site for risk acceptance tests: two networked pumps in the ICU and one in the NICU, each with
 * two findings, and the accounts that request and approve. jtech (the test technician) requests;
 * mmanager is an HTM manager, cso is InfoSec, icu-lead and nicu-lead are clinical leaders of their
 * departments. Every password is the user name followed by "-pass1".
 */
public final class AcceptanceFixtures {

    public static final String ICU_TAG = "ICU-PUMP-1";
    public static final String NICU_TAG = "NICU-PUMP-1";

    private AcceptanceFixtures() {
    }

    /** Adds the devices and findings, then the accounts, because changes need an account once one exists. */
    public static Device site(Services services) {
        Device pump = ControlFixtures.pump(services, ICU_TAG, "ICU");
        ControlFixtures.pump(services, NICU_TAG, "NICU");
        ControlFixtures.vulnerabilities(services);
        accounts(services);
        return pump;
    }

    public static void accounts(Services services) {
        services.users().createFirstAdministrator(new NewUser("kwong", "Kim Wong", null, Set.of()), password("kwong"), new Actor("kim"));
        Actor admin = new Actor("kwong");
        services.users().create(new NewUser("jtech", "Jamie Tech", "Clinical Engineering", Set.of(Role.HTM_TECHNICIAN)), password("jtech"),
                admin);
        services.users().create(new NewUser("mmanager", "Morgan Manager", "Clinical Engineering", Set.of(Role.HTM_MANAGER)),
                password("mmanager"), admin);
        services.users().create(new NewUser("cso", "Casey Lee", "Information Security", Set.of(Role.INFOSEC)), password("cso"), admin);
        services.users().create(new NewUser("icu-lead", "Dana Reyes, RN", "ICU", Set.of(Role.CLINICAL_LEADER)), password("icu-lead"),
                admin);
        services.users().create(new NewUser("nicu-lead", "Noor Patel, RN", "NICU", Set.of(Role.CLINICAL_LEADER)), password("nicu-lead"),
                admin);
    }

    public static char[] password(String userName) {
        return (userName + "-pass1").toCharArray();
    }

    /** Returns a medium-risk form (likelihood 3 × severity 3 = 9) for the device, starting on {@code start}, for 12 months. */
    public static AcceptanceValues medium(long deviceId, List<Long> controlIds, LocalDate start) {
        return values(deviceId, controlIds, start, 3, 3, 12);
    }

    public static AcceptanceValues values(long deviceId, List<Long> controlIds, LocalDate start, int likelihood, int severity, int months) {
        return new AcceptanceValues("Pump server awaiting vendor patch", AcceptanceReason.AWAITING_VALIDATION, null, null,
                "Remote code execution on the pump server could stop infusions; the pumps sit on VLAN 40 behind an ACL.",
                likelihood, severity, RiskDecision.ACCEPT, months, start, List.of(deviceId), List.of(), controlIds);
    }

    public static LocalDate today() {
        return LocalDate.now(TestSites.CLOCK);
    }
}
