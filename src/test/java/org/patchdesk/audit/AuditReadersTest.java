package org.patchdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchdesk.audit.AuditProblem.Kind;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.planning.Patchability;
import org.patchdesk.planning.PatchabilityService;
import org.patchdesk.playbooks.Phase;
import org.patchdesk.playbooks.Playbook;
import org.patchdesk.playbooks.PlaybookService;
import org.patchdesk.playbooks.PlaybookStep;
import org.patchdesk.playbooks.PlaybookValues;
import org.patchdesk.playbooks.Role;
import org.patchdesk.playbooks.StepValues;
import org.patchdesk.risk.FindingStatus;
import org.patchdesk.risk.ssvc.Automatable;
import org.patchdesk.risk.ssvc.SystemExposure;
import org.patchdesk.storage.Database;
import org.patchdesk.testing.TestSites;
import org.patchdesk.vendors.ContactDetails;
import org.patchdesk.vendors.NewRequest;
import org.patchdesk.vendors.RequestDetails;
import org.patchdesk.vendors.RequestDocument;
import org.patchdesk.vendors.RequestFilter;
import org.patchdesk.vendors.RequestStatus;
import org.patchdesk.vendors.ValidationRequest;
import org.patchdesk.vendors.VendorContact;
import org.patchdesk.vendors.VendorResponse;
import org.patchdesk.windows.Blackout;
import org.patchdesk.windows.MinimumInService;
import org.patchdesk.workspace.DemoData;
import org.patchdesk.workspace.Services;

/**
 * The readers of vendor, playbook, planning, window rule and finding records: demo data changed
 * through the services verifies intact, and a change to one field outside PatchDesk is reported
 * with the record and the field.
 */
class AuditReadersTest {

    private static final List<String> TYPES = List.of("vendor_contact", "validation_request", "validation_document", "playbook",
            "playbook_step", "os_support", "product_support", "product_security_fact", "product_patchability", "device_patchability",
            "department_blackout", "department_minimum", "finding");

    @TempDir
    static Path base;

    @TempDir
    Path folder;

    /** Loads the demo data and changes records of every type through the services, once for all tests. */
    @BeforeAll
    static void changeThroughServices() throws Exception {
        try (Services services = TestSites.open(base.resolve("data"))) {
            DemoData.loadIfEmpty(services, TestSites.TECHNICIAN, ProgressMonitor.NONE);
            changeVendorRecords(services);
            changePlaybooks(services);
            changePlanningRecords(services);
            changeWindowRules(services);
            changeFindings(services);
        }
    }

    private static void changeVendorRecords(Services services) {
        VendorContact contact = services.vendorContacts().list(null).get(0);
        services.vendorContacts().update(contact.id(), new ContactDetails(contact.name(), "Field engineer", null, "+1 800 555 0199",
                contact.portalUrl(), "Contract 77"), TestSites.MANAGER);
        ValidationRequest request = services.validationRequests().list(RequestFilter.all()).stream()
                .filter(ValidationRequest::isOpen).findFirst().orElseThrow();
        services.validationRequests().updateDetails(request.id(), new RequestDetails(request.updateName(), request.cveId(), null,
                request.uncontrolled(), request.learnedOn(), request.advisoryReleasedOn(), "Asked again by phone"), TestSites.MANAGER);
        services.validationRequests().setFollowUp(request.id(), LocalDate.of(2026, 12, 11), TestSites.MANAGER);
        services.validationRequests().recordResponse(request.id(), new VendorResponse(LocalDate.of(2026, 12, 2), "CASE-1",
                "Testing"), TestSites.MANAGER);
        services.validationRequests().addDocument(request.id(), "/share/letters/kept.pdf", TestSites.MANAGER);
        RequestDocument removed = services.validationRequests().addDocument(request.id(), "/share/letters/removed.pdf", TestSites.MANAGER);
        services.validationRequests().removeDocument(removed.id(), TestSites.MANAGER);
        ValidationRequest mistaken = services.validationRequests().create(new NewRequest(request.productId(), LocalDate.of(2026, 12, 1),
                null, new RequestDetails("Recorded by mistake", null, null, false, null, null, null)), TestSites.MANAGER);
        services.validationRequests().addDocument(mistaken.id(), "/share/letters/mistake.pdf", TestSites.MANAGER);
        services.validationRequests().delete(mistaken.id(), TestSites.MANAGER);
    }

    private static void changePlaybooks(Services services) {
        PlaybookService playbooks = services.playbooks();
        Playbook audited = playbooks.create(new PlaybookValues("Audited playbook", "First text", null, null), TestSites.MANAGER);
        playbooks.update(audited.id(), new PlaybookValues("Audited playbook", "Second text", null, null), TestSites.MANAGER);
        PlaybookStep first = playbooks.addStep(audited.id(), new StepValues(Phase.PRE_CHECK, Role.HTM, "Back up", 10), TestSites.MANAGER);
        PlaybookStep second = playbooks.addStep(audited.id(), new StepValues(Phase.PRE_CHECK, Role.IT, "Stage", 5), TestSites.MANAGER);
        PlaybookStep third = playbooks.addStep(audited.id(), new StepValues(Phase.PRE_CHECK, Role.VENDOR, "Call", null), TestSites.MANAGER);
        playbooks.moveStep(third.id(), PlaybookService.Direction.UP, TestSites.MANAGER);
        playbooks.updateStep(second.id(), new StepValues(Phase.PROCEDURE, Role.IT, "Install", 30), TestSites.MANAGER);
        playbooks.removeStep(first.id(), TestSites.MANAGER);
        Playbook copy = playbooks.duplicate(audited.id(), "Copied playbook", TestSites.MANAGER);
        playbooks.updateStep(copy.steps().get(0).id(), new StepValues(Phase.PRE_CHECK, Role.CLINICAL, "Tell the unit", 5),
                TestSites.MANAGER);
        playbooks.delete(copy.id(), TestSites.MANAGER);
        long shippedId = playbooks.list().stream().filter(playbook -> playbook.name().startsWith("Networked infusion pump"))
                .findFirst().orElseThrow().id();
        Playbook shipped = playbooks.get(shippedId).orElseThrow();
        playbooks.update(shipped.id(), new PlaybookValues(shipped.name(), "Changed for this site", null, null), TestSites.MANAGER);
        PlaybookStep shippedStep = shipped.steps().get(0);
        playbooks.updateStep(shippedStep.id(), new StepValues(shippedStep.phase(), shippedStep.role(), "Changed step", 25),
                TestSites.MANAGER);
    }

    private static void changePlanningRecords(Services services) throws Exception {
        services.osSupport().save("Windows 11 IoT Enterprise", LocalDate.of(2032, 1, 13), null, "Microsoft lifecycle", TestSites.MANAGER);
        String shippedOs = services.osSupport().list().get(0).osName();
        services.osSupport().save(shippedOs.toUpperCase(java.util.Locale.ROOT), LocalDate.of(2020, 1, 14), LocalDate.of(2023, 1, 10),
                "Vendor letter", TestSites.MANAGER);

        Device kept = device(services, "ZM-1", "Zeta Medical");
        Device merged = device(services, "ZM-2", "Zeta Devices");
        long keptProduct = productOf(services, kept);
        long mergedProduct = productOf(services, merged);
        services.productSupport().save(keptProduct, LocalDate.of(2028, 6, 30), null, "Letter", TestSites.MANAGER);
        services.productSupport().save(keptProduct, LocalDate.of(2028, 12, 31), LocalDate.of(2027, 1, 1), "Second letter", TestSites.MANAGER);
        services.productSupport().save(mergedProduct, LocalDate.of(2029, 1, 1), null, "Letter", TestSites.MANAGER);
        services.patchability().setForProduct(keptProduct, null, Patchability.VENDOR_ONLY, "Vendor installs", PatchabilityService.Source.USER,
                null, TestSites.MANAGER);
        services.patchability().setForProduct(keptProduct, "<=3.0", Patchability.UNSUPPORTED, "Old", PatchabilityService.Source.USER,
                null, TestSites.MANAGER);
        services.patchability().setForProduct(keptProduct, "<=3.0", Patchability.UNSUPPORTED, "Old firmware",
                PatchabilityService.Source.USER, null, TestSites.MANAGER);
        services.patchability().setForProduct(mergedProduct, null, Patchability.VENDOR_ONLY, "Vendor installs",
                PatchabilityService.Source.USER, null, TestSites.MANAGER);
        services.manufacturers().merge(manufacturerOf(services, merged), manufacturerOf(services, kept), TestSites.MANAGER);

        services.patchability().setForDevice(kept.id(), Patchability.UNSUPPORTED, "Cracked case", PatchabilityService.Source.USER,
                TestSites.MANAGER);
        services.patchability().setForDevice(kept.id(), Patchability.VENDOR_ONLY, "Repaired", PatchabilityService.Source.USER,
                TestSites.MANAGER);
        services.patchability().clearForDevice(kept.id(), TestSites.MANAGER);
        services.patchability().setForDevice(kept.id(), Patchability.UNSUPPORTED, "Cracked again", PatchabilityService.Source.USER,
                TestSites.MANAGER);
        Device retired = device(services, "ZM-3", "Zeta Medical");
        services.patchability().setForDevice(retired.id(), Patchability.UNSUPPORTED, "Retired", PatchabilityService.Source.USER,
                TestSites.MANAGER);
        services.devices().delete(retired.id(), TestSites.MANAGER);

        Device ems = services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "EMS-1")
                .set(DeviceField.MANUFACTURER, "Example Medical Systems").set(DeviceField.MODEL, "EMS-900")
                .set(DeviceField.SOFTWARE_VERSION, "3.2"), TestSites.TECHNICIAN);
        long form = services.mds2().importForm(TestSites.copyResource("/mds2/Example-MDS2-Worksheet-filled.xlsx", base),
                "Example Medical Systems", "EMS-900", null, TestSites.TECHNICIAN).formId();
        List<Long> suggestions = services.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT id FROM mds2_suggestion WHERE form_id = :form ORDER BY id").bind("form", form).mapTo(Long.class).list());
        suggestions.forEach(id -> services.mds2().decide(id, true, TestSites.MANAGER));
        assertThat(ems.id()).isPositive();
    }

    private static Device device(Services services, String assetTag, String manufacturer) {
        return services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, assetTag).set(DeviceField.MANUFACTURER, manufacturer)
                .set(DeviceField.MODEL, "ZX-1").set(DeviceField.DEPARTMENT, "ICU"), TestSites.TECHNICIAN);
    }

    private static long manufacturerOf(Services services, Device device) {
        return services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT manufacturer_id FROM device WHERE id = :id")
                .bind("id", device.id()).mapTo(Long.class).one());
    }

    private static long productOf(Services services, Device device) {
        return services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT product_id FROM device WHERE id = :id")
                .bind("id", device.id()).mapTo(Long.class).one());
    }

    private static void changeWindowRules(Services services) {
        Instant start = Instant.parse("2026-12-20T14:00:00Z");
        services.windowRules().addBlackout("Lab", start, start.plusSeconds(3600), false, "Inspection", TestSites.MANAGER);
        long removed = services.windowRules().addBlackout("Lab", start, start.plusSeconds(7200), true, "Moved", TestSites.MANAGER);
        Blackout blackout = services.windowRules().blackouts().stream().filter(row -> row.id() == removed).findFirst().orElseThrow();
        services.windowRules().removeBlackout(blackout, TestSites.MANAGER);
        MinimumInService icu = services.windowRules().minimums().stream().filter(row -> row.department().equals("ICU")).findFirst()
                .orElseThrow();
        services.windowRules().setMinimum("icu", icu.deviceTypeId(), icu.minimum() + 1, TestSites.MANAGER);
        services.windowRules().setMinimum("NICU", icu.deviceTypeId(), 4, TestSites.MANAGER);
        services.windowRules().setMinimum("PICU", icu.deviceTypeId(), 2, TestSites.MANAGER);
        MinimumInService picu = services.windowRules().minimums().stream().filter(row -> row.department().equals("PICU")).findFirst()
                .orElseThrow();
        services.windowRules().removeMinimum(picu, TestSites.MANAGER);
    }

    private static void changeFindings(Services services) {
        List<Long> findings = services.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT id FROM finding WHERE status = 'open' ORDER BY id LIMIT 2").mapTo(Long.class).list());
        services.findings().setStatus(findings.get(0), FindingStatus.MITIGATED, "Port closed on the firewall", TestSites.MANAGER);
        services.findings().setOverrides(findings.get(0), SystemExposure.CONTROLLED, Automatable.NO, TestSites.MANAGER);
        services.findings().setStatus(findings.get(1), FindingStatus.NOT_AFFECTED, "Component not present", TestSites.MANAGER);
        services.findings().setStatus(findings.get(1), FindingStatus.OPEN, null, TestSites.MANAGER);
    }

    private void copyBase() throws IOException {
        Path source = base.resolve("data");
        try (Stream<Path> files = Files.walk(source)) {
            files.forEach(file -> {
                try {
                    Files.copy(file, folder.resolve(source.relativize(file).toString()));
                } catch (IOException e) {
                    if (!Files.isDirectory(file)) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve(Database.DEFAULT_NAME),
                Database.USER, Database.PASSWORD); Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate(sql)).as(sql).isPositive();
        }
    }

    private AuditVerification verify() {
        try (Services services = TestSites.open(folder)) {
            return services.auditVerifier().verify(ProgressMonitor.NONE);
        }
    }

    @Test
    void serviceChangesVerifyIntact() throws IOException {
        copyBase();

        AuditVerification result = verify();

        assertThat(result.problems()).isEmpty();
        assertThat(result.comparedRecordTypes()).containsAll(TYPES);
        assertThat(result.uncomparedRecordTypes()).doesNotContainAnyElementsOf(TYPES);
    }

    @Test
    void everyTypeHasAuditedRecords() throws IOException {
        copyBase();

        try (Services services = TestSites.open(folder)) {
            for (String type : TYPES) {
                int entries = services.database().jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM audit_entry WHERE record_type = :type AND action <> 'delete'").bind("type", type)
                        .mapTo(Integer.class).one());
                assertThat(entries).as(type).isGreaterThan(0);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            vendor_contact        | UPDATE vendor_contact SET phone = '+1 800 555 0000' WHERE role = 'Field engineer'                          | phone
            validation_request    | UPDATE validation_request SET vendor_reference = 'FORGED' WHERE vendor_reference = 'CASE-1'                | vendor_reference
            validation_request    | UPDATE validation_request SET status_on = DATE '2026-11-01' WHERE status = 'requested'                     | status_on
            validation_document   | UPDATE validation_document SET path = '/share/forged.pdf' WHERE path LIKE '%kept.pdf'                      | path
            playbook              | UPDATE playbook SET description = 'Forged' WHERE name = 'Audited playbook'                                 | description
            playbook_step         | UPDATE playbook_step SET text = 'Forged' WHERE text = 'Install'                                            | text
            playbook_step         | UPDATE playbook_step SET expected_minutes = 99 WHERE text = 'Changed step'                                 | expected_minutes
            os_support            | UPDATE os_support SET source = 'Forged' WHERE os_name = 'Windows 11 IoT Enterprise'                        | source
            product_support       | UPDATE product_support SET end_of_support = DATE '2035-01-01' WHERE source = 'Second letter'               | end_of_support
            product_security_fact | UPDATE product_security_fact SET fact_value = 'forged' WHERE fact = 'sbom'                                 | SBOM: fact_value
            product_patchability  | UPDATE product_patchability SET reason = 'Forged' WHERE version_range = '<=3.0'                            | reason (versions <=3.0)
            product_patchability  | UPDATE product_patchability SET patchability = 'unknown' WHERE reason = 'Vendor installs'                  | patchability (all versions)
            device_patchability   | UPDATE device_patchability SET reason = 'Forged' WHERE reason = 'Cracked again'                            | reason
            department_blackout   | UPDATE department_blackout SET weekly = TRUE WHERE reason = 'Inspection'                                    | weekly
            department_minimum    | UPDATE department_minimum SET minimum = 40 WHERE department_key = 'nicu'                                   | minimum in nicu
            finding               | UPDATE finding SET exposure_override = 'open' WHERE exposure_override = 'controlled'                       | exposure_override
            finding               | UPDATE finding SET status = 'open' WHERE status_note = 'Port closed on the firewall'                       | status
            """)
    void fieldChangedOutsideIsReported(String type, String sql, String field) throws Exception {
        copyBase();
        execute(sql);

        AuditVerification result = verify();

        assertThat(result.problems()).hasSize(1);
        AuditProblem problem = result.problems().get(0);
        assertThat(problem.kind()).isEqualTo(Kind.RECORD_CHANGED);
        assertThat(problem.recordType()).isEqualTo(type);
        assertThat(problem.recordId()).isNotNull();
        assertThat(problem.field()).isEqualTo(field);
        assertThat(problem.message()).contains("(record " + problem.recordId() + ")").contains(field.replace('_', ' '));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            validation_document  | DELETE FROM validation_document WHERE path LIKE '%kept.pdf'               | RECORD_DELETED
            device_patchability  | DELETE FROM device_patchability WHERE reason = 'Cracked again'           | RECORD_DELETED
            product_support      | DELETE FROM product_support WHERE source = 'Second letter'              | RECORD_DELETED
            department_minimum   | DELETE FROM department_minimum WHERE department_key = 'nicu'            | RECORD_CHANGED
            department_blackout  | INSERT INTO department_blackout (department, department_key, starts_at, ends_at, weekly, reason) VALUES ('Lab', 'lab', TIMESTAMP WITH TIME ZONE '2026-12-24 00:00:00+00', TIMESTAMP WITH TIME ZONE '2026-12-25 00:00:00+00', FALSE, 'Forged') | RECORD_NOT_AUDITED
            """)
    void rowDeletedOrAddedOutsideIsReported(String type, String sql, Kind kind) throws Exception {
        copyBase();
        execute(sql);

        AuditVerification result = verify();

        assertThat(result.problems()).extracting(AuditProblem::recordType).containsExactly(type);
        assertThat(result.problems()).extracting(AuditProblem::kind).containsExactly(kind);
    }

    @Test
    void statusMatchingChangedLaterIsNotReported() throws Exception {
        copyBase();
        execute("UPDATE finding SET status = 'withdrawn', status_note = 'withdrawn', status_changed_by = 'system'"
                + " WHERE status_note = 'Port closed on the firewall'");

        AuditVerification result = verify();

        assertThat(result.problems()).isEmpty();
    }
}
