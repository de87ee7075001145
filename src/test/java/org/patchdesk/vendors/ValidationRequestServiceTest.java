package org.patchdesk.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditDao;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceStatus;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.inventory.Manufacturer;
import org.patchdesk.planning.Patchability;
import org.patchdesk.planning.PatchabilityService;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

/** Validation requests on a real database; the test clock's today is 2026-12-04. */
class ValidationRequestServiceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @TempDir
    Path folder;

    private Services services;
    private ValidationRequestService requests;
    private long alaris;
    private long spectrum;
    private Device pump;

    @BeforeEach
    void open() {
        services = TestSites.open(folder.resolve("data"));
        requests = services.validationRequests();
        pump = device("BD-1", "BD", "Alaris 8015", DeviceStatus.ACTIVE);
        device("BD-2", "BD", "Alaris 8015", DeviceStatus.INACTIVE);
        device("BD-3", "BD", "Alaris 8015", DeviceStatus.RETIRED);
        device("BAX-1", "Baxter", "Sigma Spectrum", DeviceStatus.ACTIVE);
        alaris = product("BD");
        spectrum = product("Baxter");
    }

    @AfterEach
    void close() {
        services.close();
    }

    private Device device(String tag, String manufacturer, String model, DeviceStatus status) {
        return services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, tag).set(DeviceField.MANUFACTURER, manufacturer)
                .set(DeviceField.MODEL, model).set(DeviceField.STATUS, status).set(DeviceField.SOFTWARE_VERSION, "12.1"),
                TestSites.TECHNICIAN);
    }

    private long manufacturer(String name) {
        return services.manufacturers().findByAlias(name).map(Manufacturer::id).orElseThrow();
    }

    private long product(String manufacturer) {
        return requests.products(manufacturer(manufacturer)).get(0).id();
    }

    private ValidationRequest update(long product, LocalDate requestedOn, String name) {
        return requests.create(new NewRequest(product, requestedOn, null, new RequestDetails(name, null, null, false, null, null, null)),
                TestSites.TECHNICIAN);
    }

    private ValidationRequest uncontrolled(String cve, LocalDate learnedOn, LocalDate advisoryReleasedOn) {
        return requests.create(new NewRequest(alaris, LocalDate.of(2026, 11, 12), null,
                new RequestDetails(null, cve, null, true, learnedOn, advisoryReleasedOn, null)), TestSites.TECHNICIAN);
    }

    private ValidationRequest validated(long product, LocalDate requestedOn, int days) {
        ValidationRequest request = update(product, requestedOn, "Update " + requestedOn);
        return requests.changeStatus(request.id(), RequestStatus.VALIDATED, requestedOn.plusDays(days), null, TestSites.TECHNICIAN);
    }

    private List<AuditEntry> audit(String recordType, long id) {
        return services.database().jdbi().withHandle(handle -> handle.attach(AuditDao.class).listByRecord(recordType, id));
    }

    @Test
    void requestMovesThroughItsStates() {
        ValidationRequest request = update(alaris, LocalDate.of(2026, 11, 2), " Service Pack 4 ");

        requests.changeStatus(request.id(), RequestStatus.ACKNOWLEDGED, LocalDate.of(2026, 11, 5), "case opened", TestSites.TECHNICIAN);
        ValidationRequest done = requests.changeStatus(request.id(), RequestStatus.VALIDATED, null, "letter received", TestSites.MANAGER);

        assertThat(done.status()).isEqualTo(RequestStatus.VALIDATED);
        assertThat(done.updateName()).isEqualTo("Service Pack 4");
        assertThat(done.validatedOn()).isEqualTo(TODAY);
        assertThat(done.daysToValidation()).isEqualTo(32L);
        assertThat(requests.history(request.id())).extracting(StatusChange::status, StatusChange::statusOn, StatusChange::note,
                        StatusChange::changedBy)
                .containsExactly(
                        tuple(RequestStatus.REQUESTED, LocalDate.of(2026, 11, 2), null, "jtech"),
                        tuple(RequestStatus.ACKNOWLEDGED, LocalDate.of(2026, 11, 5), "case opened", "jtech"),
                        tuple(RequestStatus.VALIDATED, TODAY, "letter received", "mmanager"));
    }

    @Test
    void requestedMayCloseWithoutAcknowledgement() {
        ValidationRequest rejected = update(alaris, LocalDate.of(2026, 11, 2), "KB5034441");
        ValidationRequest silent = update(alaris, LocalDate.of(2026, 10, 1), "KB5034442");

        requests.changeStatus(rejected.id(), RequestStatus.REJECTED, null, "not compatible", TestSites.TECHNICIAN);
        requests.changeStatus(silent.id(), RequestStatus.NO_RESPONSE, null, null, TestSites.TECHNICIAN);

        assertThat(requests.find(rejected.id()).orElseThrow().status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(requests.find(silent.id()).orElseThrow().status()).isEqualTo(RequestStatus.NO_RESPONSE);
    }

    @Test
    void closedRequestKeepsItsStatus() {
        ValidationRequest request = update(alaris, LocalDate.of(2026, 11, 2), "Service Pack 4");
        requests.changeStatus(request.id(), RequestStatus.VALIDATED, LocalDate.of(2026, 11, 20), null, TestSites.TECHNICIAN);

        for (RequestStatus other : List.of(RequestStatus.REQUESTED, RequestStatus.ACKNOWLEDGED, RequestStatus.REJECTED,
                RequestStatus.NO_RESPONSE)) {
            assertThatThrownBy(() -> requests.changeStatus(request.id(), other, null, null, TestSites.TECHNICIAN))
                    .hasMessage("Request " + request.id() + " is validated since 2026-11-20, and a closed request keeps its status;"
                            + " record a new request to ask the vendor again");
        }
        assertThat(requests.history(request.id())).hasSize(2);
    }

    @Test
    void refusedTransitionsSayWhy() {
        ValidationRequest request = update(alaris, LocalDate.of(2026, 11, 2), "Service Pack 4");
        requests.changeStatus(request.id(), RequestStatus.ACKNOWLEDGED, LocalDate.of(2026, 11, 10), null, TestSites.TECHNICIAN);
        long id = request.id();

        assertThatThrownBy(() -> requests.changeStatus(id, RequestStatus.REQUESTED, null, null, TestSites.TECHNICIAN))
                .hasMessage("Request " + id + " is acknowledged and cannot go back to requested; it can become validated, rejected,"
                        + " no response");
        assertThatThrownBy(() -> requests.changeStatus(id, RequestStatus.ACKNOWLEDGED, null, null, TestSites.TECHNICIAN))
                .hasMessage("Request " + id + " is already acknowledged");
        assertThatThrownBy(() -> requests.changeStatus(id, RequestStatus.VALIDATED, LocalDate.of(2026, 11, 9), null,
                TestSites.TECHNICIAN))
                .hasMessage("The validated date 2026-11-09 is before the date the request became acknowledged (2026-11-10)");
        assertThatThrownBy(() -> requests.changeStatus(id, RequestStatus.VALIDATED, LocalDate.of(2026, 12, 5), null,
                TestSites.TECHNICIAN))
                .hasMessage("The validated date 2026-12-05 is in the future; today is 2026-12-04");
        assertThat(requests.find(id).orElseThrow().status()).isEqualTo(RequestStatus.ACKNOWLEDGED);
    }

    @Test
    void invalidRequestsAreRejected() {
        long bdContact = services.vendorContacts().create(manufacturer("BD"), new ContactDetails("Dana Smith", null, null, null, null,
                null), TestSites.TECHNICIAN).id();

        assertThatThrownBy(() -> requests.create(new NewRequest(alaris, LocalDate.of(2026, 11, 2), null,
                new RequestDetails(" ", null, null, false, null, null, null)), TestSites.TECHNICIAN))
                .hasMessage("Name the update or patch, or the CVE, that the request is about");
        assertThatThrownBy(() -> requests.create(new NewRequest(alaris, LocalDate.of(2026, 11, 2), null,
                new RequestDetails(null, "CVE-24-1234", null, false, null, null, null)), TestSites.TECHNICIAN))
                .hasMessage("'CVE-24-1234' is not a CVE id (expected the form CVE-2021-44228)");
        assertThatThrownBy(() -> requests.create(new NewRequest(alaris, LocalDate.of(2026, 11, 2), null,
                new RequestDetails("SP4", null, null, true, null, null, null)), TestSites.TECHNICIAN))
                .hasMessage("The uncontrolled mark and the dates for the FDA clocks apply to a vulnerability; enter the CVE id of the"
                        + " request first");
        assertThatThrownBy(() -> requests.create(new NewRequest(alaris, LocalDate.of(2026, 12, 10), null,
                new RequestDetails("SP4", null, null, false, null, null, null)), TestSites.TECHNICIAN))
                .hasMessage("The requested date 2026-12-10 is in the future; today is 2026-12-04");
        assertThatThrownBy(() -> requests.create(new NewRequest(alaris, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 1),
                new RequestDetails("SP4", null, null, false, null, null, null)), TestSites.TECHNICIAN))
                .hasMessage("The follow-up date 2026-11-01 is before the requested date 2026-11-02");
        assertThatThrownBy(() -> requests.create(new NewRequest(spectrum, LocalDate.of(2026, 11, 2), null,
                new RequestDetails("SP4", null, bdContact, false, null, null, null)), TestSites.TECHNICIAN))
                .hasMessage("Dana Smith is a contact at BD, not at the manufacturer of the product");
        assertThat(requests.list(RequestFilter.all())).isEmpty();
    }

    @Test
    void cveIdIsNormalized() {
        ValidationRequest request = requests.create(new NewRequest(alaris, LocalDate.of(2026, 11, 2), null,
                new RequestDetails("Service Pack 4", " cve-2024-12248", null, false, null, null, null)), TestSites.TECHNICIAN);

        assertThat(request.cveId()).isEqualTo("CVE-2024-12248");
        assertThat(request.subject()).isEqualTo("Service Pack 4 for CVE-2024-12248");
        assertThat(request.fdaClock()).isNull();
    }

    @Test
    void overdueFollowUpsAreOpenAndPastToday() {
        ValidationRequest late = requests.create(new NewRequest(alaris, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1),
                new RequestDetails("SP3", null, null, false, null, null, null)), TestSites.TECHNICIAN);
        ValidationRequest later = requests.create(new NewRequest(spectrum, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 15),
                new RequestDetails("8.01.02", null, null, false, null, null, null)), TestSites.TECHNICIAN);
        ValidationRequest dueToday = requests.create(new NewRequest(alaris, LocalDate.of(2026, 11, 1), TODAY,
                new RequestDetails("SP4", null, null, false, null, null, null)), TestSites.TECHNICIAN);
        ValidationRequest closed = requests.create(new NewRequest(alaris, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 20),
                new RequestDetails("SP2", null, null, false, null, null, null)), TestSites.TECHNICIAN);
        requests.changeStatus(closed.id(), RequestStatus.REJECTED, null, null, TestSites.TECHNICIAN);
        requests.changeStatus(late.id(), RequestStatus.ACKNOWLEDGED, null, null, TestSites.TECHNICIAN);

        assertThat(requests.overdueFollowUps()).extracting(ValidationRequest::id).containsExactly(later.id(), late.id());
        assertThat(requests.find(dueToday.id()).orElseThrow().followUpOverdue()).isFalse();
        assertThat(requests.find(closed.id()).orElseThrow().followUpOverdue()).isFalse();
        assertThat(requests.list(RequestFilter.all().withManufacturer(manufacturer("BD")).withOverdueOnly(true)))
                .extracting(ValidationRequest::id).containsExactly(late.id());

        requests.setFollowUp(late.id(), LocalDate.of(2026, 12, 11), TestSites.TECHNICIAN);

        assertThat(requests.overdueFollowUps()).extracting(ValidationRequest::id).containsExactly(later.id());
        assertThatThrownBy(() -> requests.setFollowUp(closed.id(), LocalDate.of(2026, 12, 11), TestSites.TECHNICIAN))
                .hasMessage("Request " + closed.id() + " is rejected, so it needs no follow-up; only requested and acknowledged"
                        + " requests are followed up");
    }

    @Test
    void listFiltersByVendorStatusAndOpen() {
        ValidationRequest open = update(alaris, LocalDate.of(2026, 11, 2), "SP4");
        ValidationRequest validated = validated(alaris, LocalDate.of(2026, 10, 1), 10);
        ValidationRequest baxter = update(spectrum, LocalDate.of(2026, 11, 3), "8.01.02");

        assertThat(requests.list(RequestFilter.all())).extracting(ValidationRequest::id)
                .containsExactly(baxter.id(), open.id(), validated.id());
        assertThat(requests.list(RequestFilter.all().withManufacturer(manufacturer("BD")))).extracting(ValidationRequest::id)
                .containsExactly(open.id(), validated.id());
        assertThat(requests.list(RequestFilter.all().withOpenOnly(true))).extracting(ValidationRequest::id)
                .containsExactly(baxter.id(), open.id());
        assertThat(requests.list(RequestFilter.all().withStatuses(Set.of(RequestStatus.VALIDATED)))).extracting(ValidationRequest::id)
                .containsExactly(validated.id());
    }

    @Test
    void fdaClocksCountFromTheLearnedDate() {
        ValidationRequest request = uncontrolled("CVE-2026-40001", LocalDate.of(2026, 11, 10), null);

        FdaClock clock = requests.find(request.id()).orElseThrow().fdaClock();

        assertThat(clock.basis()).isEqualTo(FdaClock.Basis.LEARNED);
        assertThat(clock.start()).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(clock.communicationDue()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(clock.communicationDaysLeft()).isEqualTo(6L);
        assertThat(clock.fixDue()).isEqualTo(LocalDate.of(2027, 1, 9));
        assertThat(clock.fixDaysLeft()).isEqualTo(36L);
        assertThat(clock.communicationText()).isEqualTo("2026-12-10, 6 days left");
    }

    @Test
    void fdaClocksFallBackToTheStoredAdvisory() throws Exception {
        services.intelligence().importCsaf(List.of(TestSites.copyResource("/intel/csaf/icsma-25-030-01.json", folder)),
                TestSites.TECHNICIAN, ProgressMonitor.NONE);

        ValidationRequest request = uncontrolled("CVE-2024-12248", null, LocalDate.of(2025, 3, 15));

        FdaClock clock = request.fdaClock();
        assertThat(clock.basis()).isEqualTo(FdaClock.Basis.ADVISORY);
        assertThat(clock.advisoryId()).isEqualTo("ICSMA-25-030-01");
        assertThat(clock.start()).isEqualTo(LocalDate.of(2025, 1, 30));
        assertThat(clock.communicationDue()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(clock.communicationDaysLeft()).isEqualTo(-643L);
        assertThat(clock.fixDue()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(clock.fixDaysLeft()).isEqualTo(-613L);
        assertThat(clock.fixText()).isEqualTo("2025-03-31, 613 days overdue");
        assertThat(clock.startText()).isEqualTo("2025-01-30 (advisory ICSMA-25-030-01 initial release)");
    }

    @Test
    void fdaClocksUseEnteredAdvisoryDate() {
        ValidationRequest entered = uncontrolled("CVE-2026-40001", null, LocalDate.of(2026, 11, 20));
        ValidationRequest unknown = uncontrolled("CVE-2026-40002", null, null);

        assertThat(entered.fdaClock().basis()).isEqualTo(FdaClock.Basis.ENTERED_ADVISORY);
        assertThat(entered.fdaClock().communicationDue()).isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(entered.fdaClock().communicationDaysLeft()).isEqualTo(16L);
        assertThat(unknown.fdaClock().basis()).isEqualTo(FdaClock.Basis.UNKNOWN);
        assertThat(unknown.fdaClock().known()).isFalse();
        assertThat(unknown.fdaClock().fixDaysLeft()).isNull();
        assertThat(requests.fdaClocks()).extracting(ValidationRequest::id).containsExactly(entered.id(), unknown.id());
    }

    @Test
    void fdaClocksStopWhenTheRequestCloses() {
        ValidationRequest request = uncontrolled("CVE-2026-40001", LocalDate.of(2026, 11, 10), null);

        ValidationRequest closed = requests.changeStatus(request.id(), RequestStatus.VALIDATED, LocalDate.of(2026, 11, 30), null,
                TestSites.TECHNICIAN);

        assertThat(closed.fdaClock().countedTo()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(closed.fdaClock().communicationDaysLeft()).isEqualTo(10L);
        assertThat(closed.fdaClock().fixDaysLeft()).isEqualTo(40L);
    }

    @Test
    void statisticsGiveMedianAndLongestDaysToValidation() {
        validated(alaris, LocalDate.of(2026, 9, 1), 10);
        validated(alaris, LocalDate.of(2026, 9, 2), 40);
        validated(alaris, LocalDate.of(2026, 9, 3), 20);
        requests.create(new NewRequest(alaris, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 20),
                new RequestDetails("SP5", null, null, false, null, null, null)), TestSites.TECHNICIAN);
        validated(spectrum, LocalDate.of(2026, 9, 1), 5);
        validated(spectrum, LocalDate.of(2026, 9, 2), 8);
        ValidationRequest rejected = update(spectrum, LocalDate.of(2026, 9, 3), "8.02");
        requests.changeStatus(rejected.id(), RequestStatus.REJECTED, LocalDate.of(2026, 9, 4), null, TestSites.TECHNICIAN);

        List<VendorStatistics> statistics = requests.statistics();

        assertThat(statistics).containsExactly(
                new VendorStatistics(manufacturer("Baxter"), "Baxter", 3, 0, 0, 2, 6.5, 8),
                new VendorStatistics(manufacturer("BD"), "BD", 4, 1, 1, 3, 20.0, 40));
    }

    @Test
    void changesAreAudited() {
        ValidationRequest request = requests.create(new NewRequest(alaris, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 16),
                new RequestDetails("Service Pack 4", "CVE-2026-40001", null, true, null, null, "asked by email")), TestSites.TECHNICIAN);
        requests.changeStatus(request.id(), RequestStatus.ACKNOWLEDGED, LocalDate.of(2026, 11, 3), "case 0042",
                new VendorResponse(LocalDate.of(2026, 11, 3), "BD-CASE-0042", null), TestSites.TECHNICIAN);
        requests.setFollowUp(request.id(), LocalDate.of(2026, 12, 11), TestSites.MANAGER);
        requests.updateDetails(request.id(), new RequestDetails("Service Pack 4", "CVE-2026-40001", null, true,
                LocalDate.of(2026, 10, 28), null, "asked by email"), TestSites.MANAGER);
        RequestDocument letter = requests.addDocument(request.id(), folder.resolve("letters/bd-0042.pdf").toString(),
                TestSites.TECHNICIAN);
        requests.removeDocument(letter.id(), TestSites.TECHNICIAN);

        List<AuditEntry> entries = audit(ValidationRequestService.RECORD_TYPE, request.id());

        assertThat(entries).extracting(AuditEntry::action).containsExactly(AuditAction.CREATE, AuditAction.UPDATE, AuditAction.UPDATE,
                AuditAction.UPDATE);
        assertThat(entries.get(0).newValues()).containsEntry("update_name", "Service Pack 4").containsEntry("cve_id", "CVE-2026-40001")
                .containsEntry("uncontrolled", "true").containsEntry("requested_on", "2026-11-02").containsEntry("status", "requested")
                .containsEntry("follow_up_on", "2026-11-16");
        assertThat(entries.get(0).recordLabel()).isEqualTo("BD Alaris 8015: Service Pack 4 for CVE-2026-40001");
        assertThat(entries.get(1).summary()).isEqualTo("Status requested → acknowledged");
        assertThat(entries.get(1).oldValues()).containsEntry("status", "requested").containsEntry("vendor_reference", "");
        assertThat(entries.get(1).newValues()).containsEntry("status", "acknowledged").containsEntry("note", "case 0042")
                .containsEntry("vendor_reference", "BD-CASE-0042").containsEntry("responded_on", "2026-11-03");
        assertThat(entries.get(2).actor()).isEqualTo("mmanager");
        assertThat(entries.get(2).newValues()).containsExactly(Map.entry("follow_up_on", "2026-12-11"));
        assertThat(entries.get(3).newValues()).containsExactly(Map.entry("learned_on", "2026-10-28"));
        assertThat(audit(ValidationRequestService.DOCUMENT_RECORD_TYPE, letter.id())).extracting(AuditEntry::action)
                .containsExactly(AuditAction.CREATE, AuditAction.DELETE);
    }

    @Test
    void documentPathsAreKeptOnce() {
        ValidationRequest request = update(alaris, LocalDate.of(2026, 11, 2), "SP4");
        String path = folder.resolve("letters").resolve("..").resolve("bd-0042.pdf").toString();

        RequestDocument document = requests.addDocument(request.id(), path, TestSites.TECHNICIAN);

        assertThat(document.path()).isEqualTo(folder.resolve("bd-0042.pdf").toAbsolutePath());
        assertThat(requests.documents(request.id())).extracting(RequestDocument::path).containsExactly(document.path());
        assertThat(requests.find(request.id()).orElseThrow().documents()).isEqualTo(1);
        assertThatThrownBy(() -> requests.addDocument(request.id(), folder.resolve("bd-0042.pdf").toString(), TestSites.TECHNICIAN))
                .hasMessage(document.path() + " is already kept with request " + request.id());
        assertThatThrownBy(() -> requests.addDocument(request.id(), "  ", TestSites.TECHNICIAN))
                .hasMessage("A document path is required");
    }

    @Test
    void lookupGivesProductStatusAndDates() {
        ValidationRequest open = update(alaris, LocalDate.of(2026, 11, 2), "SP4");
        ValidationRequest done = validated(alaris, LocalDate.of(2026, 10, 1), 12);

        assertThat(requests.lookup(open.id())).contains(new RequestRef(open.id(), alaris, RequestStatus.REQUESTED,
                LocalDate.of(2026, 11, 2), null));
        assertThat(requests.lookup(done.id())).contains(new RequestRef(done.id(), alaris, RequestStatus.VALIDATED,
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 13)));
        assertThat(requests.lookup(9999)).isEmpty();
    }

    @Test
    void devicesOfARequestAreItsProductsInService() {
        ValidationRequest request = update(alaris, LocalDate.of(2026, 11, 2), "SP4");

        assertThat(requests.devicesOf(request.id())).extracting(ProductDevice::assetTag, ProductDevice::status)
                .containsExactly(tuple("BD-1", DeviceStatus.ACTIVE),
                        tuple("BD-2", DeviceStatus.INACTIVE));
        assertThatThrownBy(() -> requests.devicesOf(9999)).hasMessage("Validation request 9999 not found; it may have been deleted");
    }

    @Test
    void validatedRequestRecordsPatchability() {
        ValidationRequest request = update(alaris, LocalDate.of(2026, 11, 2), "Service Pack 4");
        assertThat(services.patchability().resolve(pump.id()).patchability()).isEqualTo(Patchability.UNKNOWN);
        assertThatThrownBy(() -> requests.recordPatchability(request.id(), null, TestSites.MANAGER))
                .hasMessage("Request " + request.id() + " is requested; patchability is recorded from a validated request only");

        requests.changeStatus(request.id(), RequestStatus.VALIDATED, LocalDate.of(2026, 11, 20), null,
                new VendorResponse(LocalDate.of(2026, 11, 20), "BD-VAL-2026-118", null), TestSites.TECHNICIAN);
        requests.recordPatchability(request.id(), null, TestSites.MANAGER);

        PatchabilityService.Resolved resolved = services.patchability().resolve(pump.id());
        assertThat(resolved.patchability()).isEqualTo(Patchability.OWNER_AFTER_VALIDATION);
        assertThat(resolved.source()).isEqualTo(PatchabilityService.Source.VENDOR_LETTER);
        assertThat(resolved.reason()).isEqualTo("BD validated Service Pack 4 on 2026-11-20, vendor reference BD-VAL-2026-118"
                + " (validation request " + request.id() + ")");
    }

    @Test
    void deletedRequestLeavesItsAuditTrail() {
        ValidationRequest request = update(alaris, LocalDate.of(2026, 11, 2), "SP4");
        requests.addDocument(request.id(), folder.resolve("letter.pdf").toString(), TestSites.TECHNICIAN);

        requests.delete(request.id(), TestSites.MANAGER);

        assertThat(requests.find(request.id())).isEmpty();
        assertThat(requests.history(request.id())).isEmpty();
        assertThat(audit(ValidationRequestService.RECORD_TYPE, request.id())).extracting(AuditEntry::action)
                .containsExactly(AuditAction.CREATE, AuditAction.DELETE);
    }
}
