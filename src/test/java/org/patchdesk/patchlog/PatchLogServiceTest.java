package org.patchdesk.patchlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.audit.AuditDao;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceRows;
import org.patchdesk.risk.Finding;
import org.patchdesk.risk.FindingService;
import org.patchdesk.risk.FindingStatus;
import org.patchdesk.risk.WorklistRow;
import org.patchdesk.testing.TestSites;
import org.patchdesk.vendors.NewRequest;
import org.patchdesk.vendors.RequestDetails;
import org.patchdesk.vendors.RequestStatus;
import org.patchdesk.windows.CabStatus;
import org.patchdesk.windows.WindowDraft;
import org.patchdesk.windows.WindowType;
import org.patchdesk.workspace.Services;

/**
 * Records patch log entries and decisions on a real database whose findings come from
 * vulnerabilities entered by hand for the devices' model.
 */
class PatchLogServiceTest {

    private static final Instant TUESDAY = PatchLogFixtures.TUESDAY;

    @TempDir
    Path folder;

    private Services services;
    private PatchLogService log;

    @BeforeEach
    void open() {
        services = TestSites.open(folder.resolve("data"));
        log = services.patchLog();
        PatchLogFixtures.seed(services);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private long deviceId(String tag) {
        return services.devices().findByAssetTag(tag).orElseThrow().id();
    }

    private Finding finding(String tag, String cve) {
        return services.findings().find(tag, cve).map(WorklistRow::finding).orElseThrow();
    }

    private String version(String tag) {
        return services.devices().findByAssetTag(tag).orElseThrow().values().text(DeviceField.SOFTWARE_VERSION);
    }

    private int count(String sql) {
        return services.database().jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    /** Records a validation request for the devices' product, validated on {@code validatedOn}. */
    private long validatedRequest(LocalDate validatedOn) {
        long productId = services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT product_id FROM device WHERE id = :id")
                .bind("id", deviceId("VENT-1")).mapTo(Long.class).one());
        long id = services.validationRequests().create(new NewRequest(productId, validatedOn.minusDays(30), null, new RequestDetails(
                "Life 2000 firmware 06.20", null, null, false, null, null, null)), TestSites.TECHNICIAN).id();
        services.validationRequests().changeStatus(id, RequestStatus.VALIDATED, validatedOn, "Validated", TestSites.TECHNICIAN);
        return id;
    }

    private long window() {
        return services.windows().create(new WindowDraft("Ventilators", TUESDAY.minusSeconds(3600), TUESDAY.plusSeconds(3600),
                "Respiratory", null, WindowType.ROUTINE, null, List.of(), null, CabStatus.NOT_SUBMITTED, null), TestSites.TECHNICIAN);
    }

    private NewLogEntry installed(String tag) {
        return NewLogEntry.of(deviceId(tag), "Life 2000 firmware 06.20", null, "06.20", TUESDAY, "R. Ortiz (Baxter field service)",
                PatchOutcome.INSTALLED, null, List.of("cve-2026-40001", "CVE-2026-40002"));
    }

    @Test
    void installedEntryClosesExactlyTheFixedFindings() {
        assertThat(finding("VENT-1", "CVE-2026-40001").statusValue()).isEqualTo(FindingStatus.OPEN);

        long request = validatedRequest(LocalDate.of(2026, 11, 20));
        PatchLogEntry entry = log.record(installed("VENT-1").withValidation(request, null), TestSites.TECHNICIAN);

        assertThat(entry.fixesCves()).containsExactly("CVE-2026-40001", "CVE-2026-40002");
        assertThat(entry.closedCves()).containsExactly("CVE-2026-40001", "CVE-2026-40002");
        assertThat(entry.versionBefore()).isEqualTo("06.00");
        assertThat(entry.versionAfter()).isEqualTo("06.20");
        assertThat(entry.validationRequestId()).isEqualTo(request);
        assertThat(entry.validatedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(services.validationRequests().enabledEntries(request)).singleElement().satisfies(enabled -> {
            assertThat(enabled.assetTag()).isEqualTo("VENT-1");
            assertThat(enabled.daysFromValidation()).isEqualTo(12);
        });
        assertThatThrownBy(() -> services.validationRequests().delete(request, TestSites.MANAGER))
                .hasMessage("Validation request " + request + " enabled 1 patch log entry and cannot be deleted; change its status instead");
        assertThat(entry.daysFromValidation()).isEqualTo(12);
        assertThat(entry.department()).isEqualTo("Respiratory");
        for (String cve : List.of("CVE-2026-40001", "CVE-2026-40002")) {
            Finding closed = finding("VENT-1", cve);
            assertThat(closed.statusValue()).isEqualTo(FindingStatus.PATCHED);
            assertThat(closed.statusNote()).isEqualTo("Patch log entry #" + entry.id()
                    + ": Life 2000 firmware 06.20 installed on 2026-12-02 by R. Ortiz (Baxter field service)");
            assertThat(closed.statusChangedBy()).isEqualTo(TestSites.TECHNICIAN.name());
            assertThat(log.closingEntry(closed.id()).orElseThrow().id()).isEqualTo(entry.id());
        }
        assertThat(finding("VENT-1", "CVE-2026-40003").statusValue()).as("still affected up to 07.00").isEqualTo(FindingStatus.OPEN);
        assertThat(log.closingEntry(finding("VENT-1", "CVE-2026-40003").id())).isEmpty();
        for (String cve : List.of("CVE-2026-40001", "CVE-2026-40002", "CVE-2026-40003")) {
            assertThat(finding("VENT-2", cve).statusValue()).as("the other ventilator").isEqualTo(FindingStatus.OPEN);
        }
        assertThat(version("VENT-1")).isEqualTo("06.20");
        assertThat(version("VENT-2")).isEqualTo("06.00");
    }

    @Test
    void installedEntryIsAudited() {
        PatchLogEntry entry = log.record(installed("VENT-1"), TestSites.TECHNICIAN);

        List<AuditEntry> created = services.database().jdbi().withExtension(AuditDao.class,
                dao -> dao.listByRecord(PatchLogService.ENTRY_RECORD, entry.id()));
        assertThat(created).singleElement().satisfies(audit -> {
            assertThat(audit.actor()).isEqualTo("jtech");
            assertThat(audit.newValues()).containsEntry("outcome", "installed").containsEntry("version_after", "06.20")
                    .containsEntry("fixes_cves", "CVE-2026-40001; CVE-2026-40002");
        });
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE record_type = '" + FindingService.RECORD_TYPE
                + "' AND summary = 'Finding set to patched'")).isEqualTo(2);
        List<AuditEntry> deviceChanges = services.database().jdbi().withExtension(AuditDao.class,
                dao -> dao.listByRecord(DeviceRows.RECORD_TYPE, deviceId("VENT-1")));
        AuditEntry versionChange = deviceChanges.get(deviceChanges.size() - 1);
        assertThat(versionChange.summary()).isEqualTo("Software version set by patch log entry #" + entry.id()
                + " (Life 2000 firmware 06.20)");
        assertThat(versionChange.oldValues()).containsExactly(java.util.Map.entry("software_version", "06.00"));
        assertThat(versionChange.newValues()).containsExactly(java.util.Map.entry("software_version", "06.20"));
    }

    @Test
    void failedEntryNeedsReasonAndClosesNothing() {
        NewLogEntry failed = NewLogEntry.of(deviceId("VENT-1"), "Life 2000 firmware 06.20", null, "06.20", TUESDAY, "jtech",
                PatchOutcome.FAILED, " ", List.of("CVE-2026-40001"));

        assertThatThrownBy(() -> log.record(failed, TestSites.TECHNICIAN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("A failed patch needs a reason");

        PatchLogEntry entry = log.record(NewLogEntry.of(deviceId("VENT-1"), "Life 2000 firmware 06.20", null, "06.20", TUESDAY,
                "jtech", PatchOutcome.FAILED, "Checksum error at 80 %; the pump restarted on 06.00", List.of("CVE-2026-40001")),
                TestSites.TECHNICIAN);

        assertThat(entry.closedCves()).isEmpty();
        assertThat(entry.fixesCves()).containsExactly("CVE-2026-40001");
        assertThat(entry.daysFromValidation()).isNull();
        assertThat(finding("VENT-1", "CVE-2026-40001").statusValue()).isEqualTo(FindingStatus.OPEN);
        assertThat(version("VENT-1")).isEqualTo("06.00");
        assertThat(count("SELECT COUNT(*) FROM patch_log_version")).isZero();
    }

    @Test
    void deferredAndRolledBackEntriesNeedReason() {
        for (PatchOutcome outcome : List.of(PatchOutcome.DEFERRED, PatchOutcome.ROLLED_BACK)) {
            NewLogEntry entry = NewLogEntry.of(deviceId("VENT-2"), "Life 2000 firmware 06.20", null, null, TUESDAY, "jtech", outcome,
                    null, List.of("CVE-2026-40002"));

            assertThatThrownBy(() -> log.record(entry, TestSites.TECHNICIAN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("needs a reason");
        }

        PatchLogEntry deferred = log.record(NewLogEntry.of(deviceId("VENT-2"), "Life 2000 firmware 06.20", null, null, TUESDAY, "jtech",
                PatchOutcome.DEFERRED, "ICU census full; the unit asked to wait for the January window", List.of("CVE-2026-40002")),
                TestSites.MANAGER);

        assertThat(deferred.reason()).startsWith("ICU census full");
        assertThat(finding("VENT-2", "CVE-2026-40002").statusValue()).isEqualTo(FindingStatus.OPEN);
        assertThat(count("SELECT COUNT(*) FROM patch_log_finding")).isZero();
    }

    @Test
    void batchRecordsAllOrNothing() {
        long window = window();
        NewLogEntry good = installed("VENT-1").withPatchWindow(window);
        NewLogEntry bad = NewLogEntry.of(deviceId("VENT-2"), "Life 2000 firmware 06.20", null, null, TUESDAY, "jtech",
                PatchOutcome.ROLLED_BACK, null, List.of());
        NewLogEntry badCve = NewLogEntry.of(deviceId("VENT-2"), "Life 2000 firmware 06.20", null, "06.20", TUESDAY, "jtech",
                PatchOutcome.INSTALLED, null, List.of("CVE-26-1"));

        assertThatThrownBy(() -> log.recordAll(List.of(good, bad), TestSites.TECHNICIAN))
                .hasMessageStartingWith("Entry 2 of 2: A rolled back patch needs a reason");
        assertThatThrownBy(() -> log.recordAll(List.of(good, badCve), TestSites.TECHNICIAN))
                .hasMessage("Entry 2 of 2: 'CVE-26-1' is not a CVE id (expected the form CVE-2021-44228)");
        assertThatThrownBy(() -> log.recordAll(List.of(good, NewLogEntry.of(999_999L, "x", null, null, TUESDAY, "jtech",
                PatchOutcome.INSTALLED, null, List.of())), TestSites.TECHNICIAN))
                .hasMessage("Entry 2 of 2: No device has id 999999");

        assertThat(count("SELECT COUNT(*) FROM patch_log_entry")).isZero();
        assertThat(finding("VENT-1", "CVE-2026-40001").statusValue()).isEqualTo(FindingStatus.OPEN);
        assertThat(version("VENT-1")).isEqualTo("06.00");

        List<PatchLogEntry> both = log.recordAll(List.of(good, installed("VENT-2").withPatchWindow(window)), TestSites.TECHNICIAN);

        assertThat(both).extracting(PatchLogEntry::assetTag).containsExactly("VENT-1", "VENT-2");
        assertThat(both).allSatisfy(entry -> assertThat(entry.patchWindowId()).isEqualTo(window));
        assertThat(count("SELECT COUNT(*) FROM finding WHERE status = 'patched'")).isEqualTo(4);
    }

    @Test
    void batchChainsVersionsOfOneDevice() {
        NewLogEntry hotfix = NewLogEntry.of(deviceId("VENT-1"), "Life 2000 hotfix 06.21", null, "06.21",
                TUESDAY.plusSeconds(3600), "jtech", PatchOutcome.INSTALLED, null, List.of("CVE-2026-40003"));

        List<PatchLogEntry> both = log.recordAll(List.of(installed("VENT-1"), hotfix), TestSites.TECHNICIAN);

        assertThat(both.get(1).versionBefore()).isEqualTo("06.20");
        assertThat(version("VENT-1")).isEqualTo("06.21");
        assertThat(finding("VENT-1", "CVE-2026-40003").statusValue()).isEqualTo(FindingStatus.PATCHED);
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'device' AND summary LIKE 'Software version set by%'"))
                .isEqualTo(2);
        assertThat(count("SELECT entry_id FROM patch_log_version")).isEqualTo((int) both.get(1).id());
    }

    @Test
    void futureDateAndMissingFieldsAreRejected() {
        Instant nextWeek = Instant.parse("2026-12-11T15:00:00Z");

        assertThatThrownBy(() -> log.record(NewLogEntry.of(deviceId("VENT-1"), "fw", null, null, nextWeek, "jtech",
                PatchOutcome.INSTALLED, null, List.of()), TestSites.TECHNICIAN))
                .hasMessage("The work is dated 2026-12-11, after today (2026-12-04); record work once it is done");
        assertThatThrownBy(() -> log.record(NewLogEntry.of(deviceId("VENT-1"), " ", null, null, TUESDAY, "jtech",
                PatchOutcome.INSTALLED, null, List.of()), TestSites.TECHNICIAN))
                .hasMessageStartingWith("The update applied is required");
        assertThatThrownBy(() -> log.record(NewLogEntry.of(deviceId("VENT-1"), "fw", null, null, TUESDAY, "",
                PatchOutcome.INSTALLED, null, List.of()), TestSites.TECHNICIAN))
                .hasMessageStartingWith("Who performed the work is required");
    }

    @Test
    void searchFiltersByTextOutcomeDateAndDepartment() {
        PatchLogEntry vent1 = log.record(installed("VENT-1"), TestSites.TECHNICIAN);
        PatchLogEntry vent2 = log.record(NewLogEntry.of(deviceId("VENT-2"), "Life 2000 firmware 06.20", null, null,
                Instant.parse("2026-11-25T15:00:00Z"), "A. Singh", PatchOutcome.DEFERRED, "Unit census", List.of("CVE-2026-40003")),
                TestSites.MANAGER);
        PatchLogEntry monitor = log.record(NewLogEntry.of(deviceId("MON-1"), "IntelliVue M.00.04 100% patch", null, "M.00.04",
                Instant.parse("2026-11-30T20:00:00Z"), "jtech", PatchOutcome.INSTALLED, null, List.of()), TestSites.TECHNICIAN);

        assertThat(log.search(PatchLogQuery.everything())).extracting(PatchLogEntry::id)
                .containsExactly(vent1.id(), monitor.id(), vent2.id());
        assertThat(log.search(PatchLogQuery.everything().withText("cve-2026-40003"))).extracting(PatchLogEntry::id)
                .containsExactly(vent2.id());
        assertThat(log.search(PatchLogQuery.everything().withText("vent-1"))).extracting(PatchLogEntry::id).containsExactly(vent1.id());
        assertThat(log.search(PatchLogQuery.everything().withText("ortiz"))).extracting(PatchLogEntry::id).containsExactly(vent1.id());
        assertThat(log.search(PatchLogQuery.everything().withText("mmanager"))).extracting(PatchLogEntry::id)
                .containsExactly(vent2.id());
        assertThat(log.search(PatchLogQuery.everything().withText("100%"))).extracting(PatchLogEntry::id)
                .containsExactly(monitor.id());
        assertThat(log.search(PatchLogQuery.everything().withText("0%"))).as("% is taken literally").extracting(PatchLogEntry::id)
                .containsExactly(monitor.id());
        assertThat(log.search(PatchLogQuery.everything().withOutcomes(Set.of(PatchOutcome.DEFERRED, PatchOutcome.FAILED))))
                .extracting(PatchLogEntry::id).containsExactly(vent2.id());
        assertThat(log.search(PatchLogQuery.everything().withDates(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 30))))
                .as("both ends included, in Chicago time").extracting(PatchLogEntry::id).containsExactly(monitor.id());
        assertThat(log.search(PatchLogQuery.everything().withDepartment("icu"))).extracting(PatchLogEntry::id)
                .containsExactly(monitor.id(), vent2.id());
        assertThat(log.search(PatchLogQuery.everything().withDevice(deviceId("VENT-1")))).extracting(PatchLogEntry::id)
                .containsExactly(vent1.id());
        assertThat(log.departments()).containsExactly("ICU", "Respiratory");
        assertThatThrownBy(() -> PatchLogQuery.everything().withDates(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 1)))
                .hasMessage("The date range ends on 2026-12-01, before it starts on 2026-12-02");
    }

    @Test
    void csvExportReadsBack() throws Exception {
        PatchLogEntry entry = log.record(installed("VENT-1").withValidation(null, LocalDate.of(2026, 11, 30))
                .withNotes("=cmd|' /C calc'!A0 stays text"), TestSites.TECHNICIAN);
        StringWriter out = new StringWriter();

        int written = log.writeCsv(PatchLogQuery.everything(), out);

        assertThat(written).isEqualTo(1);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords();
        assertThat(records.get(0).getParser().getHeaderNames()).isEqualTo(PatchLogService.EXPORT_HEADERS);
        CSVRecord row = records.get(0);
        assertThat(row.get("Entry")).isEqualTo(Long.toString(entry.id()));
        assertThat(row.get("Asset Tag")).isEqualTo("VENT-1");
        assertThat(row.get("Manufacturer")).isEqualTo("Baxter");
        assertThat(row.get("Version Before")).isEqualTo("06.00");
        assertThat(row.get("Version After")).isEqualTo("06.20");
        assertThat(row.get("Performed At")).isEqualTo("2026-12-02 10:30");
        assertThat(row.get("Outcome")).isEqualTo("installed");
        assertThat(row.get("Fixes CVEs")).isEqualTo("CVE-2026-40001; CVE-2026-40002");
        assertThat(row.get("Closed Findings")).isEqualTo("CVE-2026-40001; CVE-2026-40002");
        assertThat(row.get("Validated On")).isEqualTo("2026-11-30");
        assertThat(row.get("Days From Validation")).isEqualTo("2");
        assertThat(row.get("Notes")).isEqualTo("=cmd|' /C calc'!A0 stays text");
        assertThat(row.get("Recorded At")).isEqualTo("2026-12-04 07:00");
    }

    @Test
    void workbookExportHasOneRowPerEntry() throws Exception {
        log.record(installed("VENT-1"), TestSites.TECHNICIAN);
        Path target = folder.resolve("patch-log.xlsx");

        int written = log.writeXlsx(PatchLogQuery.everything(), target);

        assertThat(written).isEqualTo(1);
        try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(target.toFile(), null, true)) {
            var sheet = workbook.getSheet("Patch log");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Asset Tag");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("VENT-1");
            assertThat(sheet.getRow(1).getCell(8).getLocalDateTimeCellValue()).isEqualTo("2026-12-02T10:30");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
        }
    }

    @Test
    void decisionIsRecordedWithApprover() {
        long productId = services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT product_id FROM device"
                + " WHERE asset_tag = 'VENT-1'").mapTo(Long.class).one());
        PatchDecision forProduct = log.recordDecision(new NewDecision(null, productId, "Life 2000 firmware 06.20",
                PatchDecision.Choice.DEPLOY, "Dana Whitfield", "Director of Clinical Engineering", "Validated by Baxter on 2026-11-20",
                TUESDAY), TestSites.MANAGER);
        PatchDecision forDevice = log.recordDecision(new NewDecision(deviceId("MON-1"), null, "IntelliVue M.00.04",
                PatchDecision.Choice.REJECT, "Lee Park", "CISO", "Philips has not validated it", TUESDAY.plusSeconds(60)),
                TestSites.MANAGER);

        assertThat(forProduct.subject()).isEqualTo("Baxter Life 2000");
        assertThat(forDevice.subject()).isEqualTo("MON-1");
        assertThat(log.decisions("")).extracting(PatchDecision::id).containsExactly(forDevice.id(), forProduct.id());
        assertThat(log.decisions("ciso")).extracting(PatchDecision::id).containsExactly(forDevice.id());
        assertThat(log.decisions("life 2000")).extracting(PatchDecision::id).containsExactly(forProduct.id());
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'patch_decision' AND actor = 'mmanager'")).isEqualTo(2);

        assertThatThrownBy(() -> log.recordDecision(new NewDecision(deviceId("MON-1"), null, "x", PatchDecision.Choice.DEFER, "Lee Park",
                " ", "r", TUESDAY), TestSites.MANAGER)).hasMessageStartingWith("The approver's role is required");
        assertThatThrownBy(() -> log.recordDecision(new NewDecision(deviceId("MON-1"), productId, "x", PatchDecision.Choice.DEFER,
                "Lee Park", "CISO", "r", TUESDAY), TestSites.MANAGER))
                .hasMessage("Device MON-1 is not a Baxter Life 2000; choose the device alone, or the product alone");
        assertThatThrownBy(() -> log.recordDecision(new NewDecision(null, null, "x", PatchDecision.Choice.DEFER, "Lee Park", "CISO",
                "r", TUESDAY), TestSites.MANAGER)).hasMessage("Choose the device or the product the decision is for");
    }

    @Test
    void openFindingsOfferTheDevicesOpenCves() {
        log.record(installed("VENT-1"), TestSites.TECHNICIAN);

        assertThat(log.openFindings(deviceId("VENT-1"))).extracting(row -> row.finding().cveId()).containsExactly("CVE-2026-40003");
        assertThat(log.openFindings(deviceId("VENT-2"))).extracting(row -> row.finding().cveId())
                .containsExactly("CVE-2026-40001", "CVE-2026-40002", "CVE-2026-40003");
    }

    @Test
    void deletedDeviceKeepsItsEntries() {
        PatchLogEntry entry = log.record(installed("VENT-1"), TestSites.TECHNICIAN);

        services.devices().delete(deviceId("VENT-1"), TestSites.MANAGER);

        PatchLogEntry kept = log.find(entry.id()).orElseThrow();
        assertThat(kept.deviceId()).isNull();
        assertThat(kept.assetTag()).isEqualTo("VENT-1");
        assertThat(count("SELECT COUNT(*) FROM patch_log_version")).isZero();
    }
}
