package org.patchdesk.reports.department;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.patchdesk.acceptance.AcceptanceFixtures;
import org.patchdesk.acceptance.RiskAcceptance;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.controls.CompensatingControl;
import org.patchdesk.controls.ControlFixtures;
import org.patchdesk.controls.ControlValues;
import org.patchdesk.inventory.Device;
import org.patchdesk.testing.TestSites;
import org.patchdesk.windows.CabStatus;
import org.patchdesk.windows.WindowDraft;
import org.patchdesk.windows.WindowType;
import org.patchdesk.workspace.Services;

/**
 * A site with two departments for summary tests, on 2026-12-04 in Chicago. The ICU has two
 * networked pumps and the NICU one. All are Baxter Life 2000 with the two hand-entered CVEs, and the
 * second CVE is in the KEV catalog. Baxter ends support of the Life 2000 on 2027-06-30.
 *
 * <p>ICU: "ICU pumps, wave 1" on Dec 7 with both pumps (20 minutes and no estimate) awaiting
 * approval; "ICU pumps, wave 2" on Jan 25, past a 30-day horizon, awaiting approval; a cancelled
 * window on Dec 10; a verified monitoring control over ICU-PUMP-2; a submitted high-risk acceptance
 * for ICU-PUMP-1, which needs a clinical leader. NICU: "NICU pump" on Dec 8 (45 minutes), approved;
 * a submitted medium-risk acceptance, which needs no clinical leader; a submitted high-risk one.
 */
final class DepartmentFixtures {

    static final String ICU_PUMP_2 = "ICU-PUMP-2";

    Device icuPump1;
    Device icuPump2;
    Device nicuPump;
    long wave1;
    long wave2;
    long cancelled;
    long nicuWindow;
    CompensatingControl control;
    RiskAcceptance icuHigh;
    RiskAcceptance nicuMedium;
    RiskAcceptance nicuHigh;

    static DepartmentFixtures build(Services services, Path folder) throws Exception {
        DepartmentFixtures site = new DepartmentFixtures();
        site.icuPump1 = ControlFixtures.pump(services, AcceptanceFixtures.ICU_TAG, "ICU");
        site.icuPump2 = ControlFixtures.pump(services, ICU_PUMP_2, "ICU");
        site.nicuPump = ControlFixtures.pump(services, AcceptanceFixtures.NICU_TAG, "NICU");
        ControlFixtures.vulnerabilities(services);
        Path kev = Files.writeString(folder.resolve("kev.json"), """
                {"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "2026.12.01",
                 "dateReleased": "2026-12-01T12:00:00.0000Z", "count": 1, "vulnerabilities": [
                  {"cveID": "CVE-2026-40002", "vendorProject": "Baxter", "product": "Life 2000",
                   "vulnerabilityName": "Baxter Life 2000 Remote Code Execution",
                   "dateAdded": "2026-12-01", "shortDescription": "Remote code execution.", "requiredAction": "Apply updates.",
                   "dueDate": "2026-12-22", "knownRansomwareCampaignUse": "Unknown", "notes": "", "cwes": []}]}
                """);
        services.intelligence().importKev(kev, TestSites.TECHNICIAN, ProgressMonitor.NONE);

        site.wave1 = services.windows().create(new WindowDraft("ICU pumps, wave 1", at("2026-12-07T22:00"), at("2026-12-08T01:00"), "ICU",
                "ICU 3 North", WindowType.ROUTINE, "Install pump software 06.11", List.of(new WindowDraft.Planned(site.icuPump1.id(), 20),
                new WindowDraft.Planned(site.icuPump2.id(), null)), null, CabStatus.NOT_SUBMITTED, null), TestSites.TECHNICIAN);
        services.windows().submitForApproval(site.wave1, TestSites.TECHNICIAN);
        site.wave2 = services.windows().create(new WindowDraft("ICU pumps, wave 2", at("2027-01-25T22:00"), at("2027-01-25T23:00"), "ICU",
                null, WindowType.ROUTINE, null, List.of(new WindowDraft.Planned(site.icuPump2.id(), 30)), null, CabStatus.NOT_SUBMITTED,
                null), TestSites.TECHNICIAN);
        services.windows().submitForApproval(site.wave2, TestSites.TECHNICIAN);
        site.cancelled = services.windows().create(new WindowDraft("ICU pump reboot", at("2026-12-10T06:00"), at("2026-12-10T07:00"),
                "ICU", null, WindowType.OUT_OF_CYCLE, null, List.of(new WindowDraft.Planned(site.icuPump1.id(), 10)), null,
                CabStatus.NOT_SUBMITTED, null), TestSites.TECHNICIAN);
        services.windows().cancel(site.cancelled, "Vendor withdrew the update", TestSites.TECHNICIAN);
        site.nicuWindow = services.windows().create(new WindowDraft("NICU pump", at("2026-12-08T14:00"), at("2026-12-08T15:00"), "NICU",
                null, WindowType.ROUTINE, null, List.of(new WindowDraft.Planned(site.nicuPump.id(), 45)), null, CabStatus.NOT_SUBMITTED,
                null), TestSites.TECHNICIAN);
        services.windows().submitForApproval(site.nicuWindow, TestSites.TECHNICIAN);
        services.windows().approve(site.nicuWindow, "Noor Patel, RN", "NICU nurse manager", null, TestSites.MANAGER);

        site.control = services.controls().create(new ControlValues("monitoring", "NDR sensor on pump VLAN", null, "InfoSec",
                LocalDate.of(2026, 11, 1), LocalDate.of(2027, 5, 1), null), TestSites.MANAGER);
        services.controls().coverDevices(site.control.id(), List.of(site.icuPump2.id()), TestSites.MANAGER);
        long product = services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT product_id FROM device WHERE id = :id")
                .bind("id", site.icuPump1.id()).mapTo(Long.class).one());
        services.productSupport().save(product, LocalDate.of(2027, 6, 30), null, "Baxter notice of 2026-06-30", TestSites.MANAGER);

        AcceptanceFixtures.accounts(services);
        LocalDate today = LocalDate.now(TestSites.CLOCK);
        site.icuHigh = submit(services, AcceptanceFixtures.values(site.icuPump1.id(), List.of(), today, 5, 5, 6));
        site.nicuMedium = submit(services, AcceptanceFixtures.values(site.nicuPump.id(), List.of(), today.plusDays(3), 3, 3, 12));
        site.nicuHigh = submit(services, AcceptanceFixtures.values(site.nicuPump.id(), List.of(), today.plusDays(1), 5, 5, 3));
        return site;
    }

    private static RiskAcceptance submit(Services services, org.patchdesk.acceptance.AcceptanceValues values) {
        RiskAcceptance draft = services.acceptances().createDraft(values, TestSites.TECHNICIAN);
        return services.acceptances().submit(draft.id(), TestSites.TECHNICIAN);
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TestSites.CLOCK.getZone()).toInstant();
    }
}
