package org.patchdesk.governance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.patchdesk.acceptance.AcceptanceFixtures;
import org.patchdesk.acceptance.RiskAcceptance;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.controls.CompensatingControl;
import org.patchdesk.controls.ControlFixtures;
import org.patchdesk.controls.ControlValues;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceStatus;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.patchlog.NewLogEntry;
import org.patchdesk.patchlog.PatchOutcome;
import org.patchdesk.planning.Patchability;
import org.patchdesk.planning.PatchabilityService;
import org.patchdesk.risk.FindingStatus;
import org.patchdesk.testing.TestSites;
import org.patchdesk.users.SignatureMeaning;
import org.patchdesk.vendors.NewRequest;
import org.patchdesk.vendors.RequestDetails;
import org.patchdesk.vendors.RequestStatus;
import org.patchdesk.vendors.VendorResponse;
import org.patchdesk.workspace.Services;

/**
 * A site built through the services over 2026, each step on its own day, whose metrics on
 * 2026-12-04 are worked out by hand in {@link MetricsServiceTest}. Six devices stay in service:
 * Baxter Life 2000 pumps ICU-1, ICU-2, ICU-3 (ICU) and NICU-1, NICU-2 (NICU), and a Philips monitor
 * ICU-MON-1 with no network, software or criticality data. Pump RET-1 (ICU) is retired on
 * 2026-04-10. Every pump has the findings CVE-2026-40001 and CVE-2026-40002, found on 2026-03-01
 * (out-of-cycle, due 2026-03-31).
 */
public final class MetricsFixtures {

    public static final ZoneId ZONE = ZoneId.of("America/Chicago");
    static final String CVE_1 = ControlFixtures.FIRST_CVE;
    static final String CVE_2 = ControlFixtures.SECOND_CVE;

    final Path folder;
    public final Map<String, Long> devices = new HashMap<>();
    long pumpProduct;
    long validatedRequest;
    long openRequest;
    long rejectedRequest;

    private MetricsFixtures(Path folder) {
        this.folder = folder;
    }

    public static Clock clockOn(LocalDate day) {
        return Clock.fixed(day.atTime(7, 0).atZone(ZONE).toInstant(), ZONE);
    }

    /** Builds the site in {@code folder} and returns the fixture with the device ids by asset tag. */
    public static MetricsFixtures build(Path folder) throws IOException {
        MetricsFixtures site = new MetricsFixtures(folder);
        site.buildAll();
        return site;
    }

    private void on(LocalDate day, Consumer<Services> step) {
        try (Services services = TestSites.open(folder, clockOn(day))) {
            step.accept(services);
        }
    }

    private static Instant at(LocalDate day) {
        return day.atTime(10, 0).atZone(ZONE).toInstant();
    }

    private void buildAll() throws IOException {
        Actor tech = TestSites.TECHNICIAN;
        on(LocalDate.of(2026, 2, 1), services -> {
            for (String tag : List.of("ICU-1", "ICU-2", "ICU-3", "RET-1")) {
                devices.put(tag, ControlFixtures.pump(services, tag, "ICU").id());
            }
            for (String tag : List.of("NICU-1", "NICU-2")) {
                devices.put(tag, ControlFixtures.pump(services, tag, "NICU").id());
            }
            devices.put("ICU-MON-1", services.devices().create(new DeviceValues()
                    .set(DeviceField.ASSET_TAG, "ICU-MON-1")
                    .set(DeviceField.MANUFACTURER, "Philips")
                    .set(DeviceField.MODEL, "IntelliVue MX450")
                    .set(DeviceField.DEPARTMENT, "ICU"), tech).id());
            pumpProduct = services.database().jdbi().withHandle(handle -> handle
                    .createQuery("SELECT product_id FROM device WHERE id = :id").bind("id", devices.get("ICU-1")).mapTo(Long.class).one());
            validatedRequest = services.validationRequests().create(new NewRequest(pumpProduct, LocalDate.of(2026, 2, 1),
                    LocalDate.of(2026, 2, 15), new RequestDetails("Life 2000 firmware 06.20", null, null, false, null, null, null)),
                    tech).id();
        });
        on(LocalDate.of(2026, 2, 5), services -> services.validationRequests().changeStatus(validatedRequest, RequestStatus.ACKNOWLEDGED,
                LocalDate.of(2026, 2, 5), "Received", tech));
        on(LocalDate.of(2026, 3, 1), services -> {
            services.validationRequests().changeStatus(validatedRequest, RequestStatus.VALIDATED, LocalDate.of(2026, 3, 1), "Validated", tech);
            ControlFixtures.vulnerabilities(services);
        });
        on(LocalDate.of(2026, 3, 10), services -> install(services, "ICU-1", LocalDate.of(2026, 3, 10), CVE_1));
        on(LocalDate.of(2026, 3, 15), services -> setStatus(services, "ICU-1", CVE_2, FindingStatus.NOT_AFFECTED,
                "Vendor letter: the port is closed on this build"));
        on(LocalDate.of(2026, 3, 20), services -> {
            setStatus(services, "NICU-1", CVE_1, FindingStatus.NOT_AFFECTED, "Vendor letter: the service is not installed");
            setStatus(services, "NICU-1", CVE_2, FindingStatus.MITIGATED, "Port blocked on the unit switch");
        });
        on(LocalDate.of(2026, 3, 25), services -> setStatus(services, "ICU-1", CVE_2, FindingStatus.OPEN,
                "The vendor withdrew its letter"));
        on(LocalDate.of(2026, 4, 10), services -> {
            Device retired = services.devices().findById(devices.get("RET-1")).orElseThrow();
            services.devices().update(retired.id(), retired.values().copy().set(DeviceField.STATUS, DeviceStatus.RETIRED)
                    .set(DeviceField.STATUS_CHANGED_ON, LocalDate.of(2026, 4, 10)), tech);
        });
        on(LocalDate.of(2026, 5, 29), services -> install(services, "NICU-2", LocalDate.of(2026, 5, 29), CVE_1));
        on(LocalDate.of(2026, 6, 10), services -> {
            services.patchLog().record(NewLogEntry.of(devices.get("NICU-2"), "KB700", null, null, at(LocalDate.of(2026, 6, 10)),
                    "Jamie Tech", PatchOutcome.DEFERRED, "The unit asked to wait for the census to drop", List.of())
                    .withValidation(null, LocalDate.of(2026, 6, 1)), tech);
            rejectedRequest = services.validationRequests().create(new NewRequest(pumpProduct, LocalDate.of(2026, 6, 1), null,
                    new RequestDetails("Life 2000 firmware 07.00", null, null, false, null, null, null)), tech).id();
        });
        on(LocalDate.of(2026, 6, 11), services -> {
            services.validationRequests().changeStatus(rejectedRequest, RequestStatus.REJECTED, LocalDate.of(2026, 6, 11),
                    "Not validated for this model", new VendorResponse(LocalDate.of(2026, 6, 11), "BX-77", "Rejected"), tech);
        });
        on(LocalDate.of(2026, 7, 15), services -> install(services, "ICU-2", LocalDate.of(2026, 7, 15), CVE_1));
        on(LocalDate.of(2026, 10, 20), services -> {
            NewLogEntry failed = NewLogEntry.of(devices.get("ICU-1"), "KB500", null, null, at(LocalDate.of(2026, 10, 5)), "Jamie Tech",
                    PatchOutcome.FAILED, "The installer stopped at 40 %", List.of()).withValidation(null, LocalDate.of(2026, 10, 1));
            NewLogEntry installed = NewLogEntry.of(devices.get("ICU-1"), "KB500", null, null, at(LocalDate.of(2026, 10, 20)),
                    "Jamie Tech", PatchOutcome.INSTALLED, null, List.of()).withValidation(null, LocalDate.of(2026, 10, 1));
            services.patchLog().recordAll(List.of(failed, installed), tech);
        });
        on(LocalDate.of(2026, 11, 1), services -> openRequest = services.validationRequests().create(new NewRequest(pumpProduct,
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 20), new RequestDetails(null, CVE_2, null, false, null, null, null)),
                tech).id());
        on(LocalDate.of(2026, 11, 25), services -> services.patchLog().record(NewLogEntry.of(devices.get("ICU-2"), "KB600", null, null,
                at(LocalDate.of(2026, 11, 25)), "Jamie Tech", PatchOutcome.DEFERRED, "Waiting for the vendor's engineer", List.of())
                .withValidation(null, LocalDate.of(2026, 11, 20)), tech));
        importKev();
        on(LocalDate.of(2026, 12, 2), this::planning);
        on(LocalDate.of(2026, 12, 4), this::acceptances);
    }

    /** Imports a KEV catalog on 2026-12-01 that lists CVE-2026-40002, which makes its open findings immediate. */
    private void importKev() throws IOException {
        Actor tech = TestSites.TECHNICIAN;
        Path kev = Files.writeString(folder.resolveSibling("kev.json"), """
                {"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "2026.12.01",
                 "dateReleased": "2026-12-01T12:00:00.0000Z", "count": 1, "vulnerabilities": [
                  {"cveID": "CVE-2026-40002", "vendorProject": "Baxter", "product": "Life 2000",
                   "vulnerabilityName": "Baxter Life 2000 remote code execution", "dateAdded": "2026-12-01",
                   "shortDescription": "Remote code execution.", "requiredAction": "Apply updates.", "dueDate": "2026-12-22",
                   "knownRansomwareCampaignUse": "Unknown", "notes": "", "cwes": []}]}
                """);
        on(LocalDate.of(2026, 12, 1), services -> {
            try {
                services.intelligence().importKev(kev, tech, ProgressMonitor.NONE);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void planning(Services services) {
        Actor tech = TestSites.TECHNICIAN;
        services.patchability().setForDevice(devices.get("ICU-2"), Patchability.PROHIBITED_OR_NONE, "Vendor letter: no updates",
                PatchabilityService.Source.VENDOR_LETTER, tech);
        Device nicu = services.devices().findById(devices.get("NICU-1")).orElseThrow();
        services.devices().update(nicu.id(), nicu.values().copy().set(DeviceField.OS_NAME, "Windows 7"), tech);
        services.osSupport().save("Acme RTOS 4", LocalDate.of(2027, 6, 30), null, "Acme lifecycle page", tech);
        Device icu = services.devices().findById(devices.get("ICU-1")).orElseThrow();
        services.devices().update(icu.id(), icu.values().copy().set(DeviceField.OS_NAME, "Acme RTOS 4"), tech);
        services.productSupport().save(pumpProduct, LocalDate.of(2027, 9, 30), null, "Baxter end-of-support letter", tech);
        CompensatingControl verified = services.controls().create(new ControlValues("monitoring", "ICU pump traffic monitoring",
                null, "Network team", LocalDate.of(2026, 11, 1), LocalDate.of(2027, 5, 1), null), tech);
        services.controls().coverDevices(verified.id(), List.of(devices.get("ICU-2")), tech);
        CompensatingControl unverified = services.controls().create(new ControlValues("monitoring", "NICU monitoring, planned",
                null, "Network team", null, null, null), tech);
        services.controls().coverDevices(unverified.id(), List.of(devices.get("NICU-1")), tech);
    }

    private void acceptances(Services services) {
        AcceptanceFixtures.accounts(services);
        accept(services, AcceptanceFixtures.medium(devices.get("NICU-2"), List.of(), LocalDate.of(2026, 12, 4)));
        accept(services, AcceptanceFixtures.values(devices.get("ICU-1"), List.of(), LocalDate.of(2026, 12, 4), 3, 3, 1));
    }

    private static RiskAcceptance accept(Services services, org.patchdesk.acceptance.AcceptanceValues values) {
        RiskAcceptance draft = services.acceptances().createDraft(values, TestSites.TECHNICIAN);
        services.acceptances().submit(draft.id(), TestSites.TECHNICIAN);
        services.acceptances().sign(draft.id(), "mmanager", AcceptanceFixtures.password("mmanager"), SignatureMeaning.APPROVED, null, null);
        return services.acceptances().sign(draft.id(), "cso", AcceptanceFixtures.password("cso"), SignatureMeaning.APPROVED, "Checked",
                null);
    }

    private void install(Services services, String tag, LocalDate day, String cve) {
        services.patchLog().record(NewLogEntry.of(devices.get(tag), "Life 2000 firmware 06.20", null, null, at(day), "Jamie Tech",
                PatchOutcome.INSTALLED, null, List.of(cve)).withValidation(validatedRequest, null), TestSites.TECHNICIAN);
    }

    private void setStatus(Services services, String tag, String cve, FindingStatus status, String note) {
        long finding = services.findings().find(tag, cve).orElseThrow().finding().id();
        services.findings().setStatus(finding, status, note, TestSites.TECHNICIAN);
    }
}
