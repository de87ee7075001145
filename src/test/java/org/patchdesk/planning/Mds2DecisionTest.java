package org.patchdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.intel.ManualVulnerabilities;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.inventory.YesNoUnknown;
import org.patchdesk.planning.mds2.Mds2Section;
import org.patchdesk.planning.mds2.Mds2Suggestion;
import org.patchdesk.risk.Explanation;
import org.patchdesk.risk.WorklistRow;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

/** Accepting and rejecting each topic of the suggestions of the filled NEMA example form. */
class Mds2DecisionTest {

    @TempDir
    Path folder;

    private Services services;
    private Device blank;
    private Device unknown;
    private Device userNo;
    private long formId;

    @BeforeEach
    void open() throws Exception {
        services = TestSites.open(folder.resolve("data"));
        blank = device("EMS-1", null);
        unknown = device("EMS-2", YesNoUnknown.UNKNOWN);
        userNo = device("EMS-3", YesNoUnknown.NO);
        formId = services.mds2().importForm(TestSites.copyResource("/mds2/Example-MDS2-Worksheet-filled.xlsx", folder),
                "Example Medical Systems", "EMS-900", null, TestSites.TECHNICIAN).formId();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private Device device(String tag, YesNoUnknown remoteAccess) {
        return services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, tag)
                .set(DeviceField.MANUFACTURER, "Example Medical Systems").set(DeviceField.MODEL, "EMS-900")
                .set(DeviceField.SOFTWARE_VERSION, "3.2").set(DeviceField.NETWORKED, YesNoUnknown.YES)
                .set(DeviceField.VENDOR_REMOTE_ACCESS, remoteAccess), TestSites.TECHNICIAN);
    }

    private long suggestion(Mds2Suggestion.Topic topic) {
        return services.mds2().suggestionsOf(formId).stream().filter(row -> row.topic().equals(topic.name())).findFirst()
                .orElseThrow().id();
    }

    private Mds2Dao.SuggestionRow row(long id) {
        return services.mds2().suggestionsOf(formId).stream().filter(row -> row.id() == id).findFirst().orElseThrow();
    }

    private long productId() {
        return services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT product_id FROM device WHERE id = :id")
                .bind("id", blank.id()).mapTo(Long.class).one());
    }

    private YesNoUnknown remoteAccess(Device device) {
        return services.devices().findById(device.id()).orElseThrow().values().get(DeviceField.VENDOR_REMOTE_ACCESS, YesNoUnknown.class);
    }

    private int audited(String recordType) {
        return services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM audit_entry"
                + " WHERE record_type = :type").bind("type", recordType).mapTo(Integer.class).one());
    }

    private ProductFactService.ProductSecurity security() {
        return services.productFacts().securityOf(productId());
    }

    @Test
    void remoteServiceFillsOnlyUnknownDevices() {
        int deviceEntries = audited("device");

        Mds2Service.Decision decision = services.mds2().decide(suggestion(Mds2Suggestion.Topic.REMOTE_SERVICE), true, TestSites.MANAGER);

        assertThat(remoteAccess(blank)).isEqualTo(YesNoUnknown.YES);
        assertThat(remoteAccess(unknown)).isEqualTo(YesNoUnknown.YES);
        assertThat(remoteAccess(userNo)).isEqualTo(YesNoUnknown.NO);
        assertThat(decision.message()).isEqualTo("Vendor remote access: yes recorded for Example Medical Systems EMS-900 (RMOT-1)."
                + " Vendor Remote Access set to Yes on 2 devices; 1 device keeps its own value.");
        assertThat(security().fact(ProductFact.Kind.REMOTE_SERVICE)).get().satisfies(fact -> {
            assertThat(fact.value()).isEqualTo("yes");
            assertThat(fact.questionIds()).isEqualTo("RMOT-1");
            assertThat(fact.sourceRef()).isEqualTo("MDS2 EMS-900-MDS2-r3");
            assertThat(fact.setBy()).isEqualTo("mmanager");
        });
        assertThat(audited("device") - deviceEntries).isEqualTo(2);
        assertThat(audited(ProductFactService.RECORD_TYPE)).isEqualTo(1);
        assertThat(audited(Mds2Service.SUGGESTION_RECORD)).isEqualTo(1);
        assertThat(row(decision.suggestionId()).decision()).isEqualTo("accepted");
    }

    @Test
    void remoteServiceRescoresTheDevicesFindings() {
        services.intelligence().addManual(new ManualVulnerabilities.Entry("CVE-2026-7101", "Example Medical Systems", "EMS-900",
                "<=4.0", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", null), TestSites.TECHNICIAN);
        WorklistRow before = services.findings().find("EMS-1", "CVE-2026-7101").orElseThrow();
        assertThat(exposureReason(before)).isEqualTo("assumed: the device is networked and no segment is recorded");

        services.mds2().decide(suggestion(Mds2Suggestion.Topic.REMOTE_SERVICE), true, TestSites.MANAGER);

        WorklistRow after = services.findings().find("EMS-1", "CVE-2026-7101").orElseThrow();
        assertThat(after.finding().exposure()).isEqualTo("open");
        assertThat(exposureReason(after)).isEqualTo("assumed: the vendor has remote access to the device");
        WorklistRow kept = services.findings().find("EMS-3", "CVE-2026-7101").orElseThrow();
        assertThat(exposureReason(kept)).isEqualTo("assumed: the device is networked and no segment is recorded");
    }

    private String exposureReason(WorklistRow row) {
        Explanation explanation = services.findings().explain(row.finding().id());
        return explanation.sections().stream().flatMap(section -> section.items().stream())
                .filter(item -> item.name().equals("System Exposure")).findFirst().orElseThrow().source();
    }

    @Test
    void externalConnectionsIsAFactOnly() {
        Mds2Service.Decision decision = services.mds2().decide(suggestion(Mds2Suggestion.Topic.EXTERNAL_CONNECTIONS), true,
                TestSites.MANAGER);

        assertThat(security().fact(ProductFact.Kind.EXTERNAL_CONNECTIONS)).get().satisfies(fact -> {
            assertThat(fact.value()).isEqualTo("outside the site");
            assertThat(fact.questionIds()).isEqualTo("CONN-4");
        });
        assertThat(remoteAccess(blank)).isNull();
        assertThat(remoteAccess(unknown)).isEqualTo(YesNoUnknown.UNKNOWN);
        assertThat(decision.message()).isEqualTo("Connections outside the site network: outside the site recorded for"
                + " Example Medical Systems EMS-900 (CONN-4).");
    }

    @Test
    void sbomAntiMalwareAndControlsAreFacts() {
        services.mds2().decide(suggestion(Mds2Suggestion.Topic.SBOM), true, TestSites.MANAGER);
        services.mds2().decide(suggestion(Mds2Suggestion.Topic.ANTI_MALWARE), true, TestSites.MANAGER);
        services.mds2().decide(suggestion(Mds2Suggestion.Topic.COMPENSATING_CONTROLS), true, TestSites.MANAGER);

        ProductFactService.ProductSecurity security = security();
        assertThat(security.fact(ProductFact.Kind.SBOM)).get().satisfies(fact -> {
            assertThat(fact.value()).isEqualTo("available");
            assertThat(fact.questionIds()).isEqualTo("SBOM-1");
        });
        assertThat(security.fact(ProductFact.Kind.ANTI_MALWARE)).get().satisfies(fact -> {
            assertThat(fact.value()).isEqualTo("not supported");
            assertThat(fact.questionIds()).isEqualTo("MLDP-2");
        });
        assertThat(security.fact(ProductFact.Kind.COMPENSATING_CONTROLS)).get().satisfies(fact -> {
            assertThat(fact.value()).isEqualTo(row(suggestion(Mds2Suggestion.Topic.COMPENSATING_CONTROLS)).suggested());
            assertThat(fact.value()).isNotBlank().isNotEqualTo("described by the manufacturer");
            assertThat(fact.questionIds()).isEqualTo("MLDP-3");
        });
        assertThat(security.describe()).contains("Vendor remote access: unknown")
                .contains("SBOM: available (SBOM-1, MDS2 EMS-900-MDS2-r3, accepted by mmanager on 2026-12-04)");
        assertThat(audited(ProductFactService.RECORD_TYPE)).isEqualTo(3);
        assertThat(audited(Mds2Service.SUGGESTION_RECORD)).isEqualTo(3);
    }

    @Test
    void rejectionIsRecordedAndChangesNothing() {
        int deviceEntries = audited("device");
        List<Mds2Dao.SuggestionRow> all = services.mds2().suggestionsOf(formId);

        for (Mds2Dao.SuggestionRow suggestion : all) {
            Mds2Service.Decision decision = services.mds2().decide(suggestion.id(), false, TestSites.MANAGER);
            assertThat(decision.message()).endsWith("rejected for Example Medical Systems EMS-900; nothing changed.");
        }

        assertThat(services.mds2().suggestionsOf(formId)).hasSize(6).allSatisfy(row -> {
            assertThat(row.decision()).isEqualTo("rejected");
            assertThat(row.decidedBy()).isEqualTo("mmanager");
            assertThat(row.decidedAt()).isNotNull();
        });
        assertThat(security().facts()).isEmpty();
        assertThat(remoteAccess(blank)).isNull();
        assertThat(services.patchability().resolve(blank.id()).source()).isEqualTo(PatchabilityService.Source.NONE);
        assertThat(audited("device")).isEqualTo(deviceEntries);
        assertThat(audited(Mds2Service.SUGGESTION_RECORD)).isEqualTo(6);
        assertThat(audited(ProductFactService.RECORD_TYPE)).isZero();
        long first = all.get(0).id();
        assertThatThrownBy(() -> services.mds2().decide(first, true, TestSites.MANAGER))
                .hasMessage("The suggestion " + first + " was already rejected by mmanager");
        assertThatThrownBy(() -> services.mds2().decide(-5, true, TestSites.MANAGER)).hasMessage("No suggestion has the id -5");
    }

    @Test
    void laterFormReplacesAFactAndKeepsSetDevices() throws Exception {
        services.mds2().decide(suggestion(Mds2Suggestion.Topic.REMOTE_SERVICE), true, TestSites.MANAGER);
        long blankForm = services.mds2().importForm(TestSites.copyResource("/mds2/Example-MDS2-Worksheet.xlsx", folder),
                "Example Medical Systems", "EMS-900", "4.x", TestSites.TECHNICIAN).formId();
        long remoteNo = services.mds2().suggestionsOf(blankForm).stream()
                .filter(row -> row.topic().equals(Mds2Suggestion.Topic.REMOTE_SERVICE.name())).findFirst().orElseThrow().id();

        Mds2Service.Decision decision = services.mds2().decide(remoteNo, true, TestSites.MANAGER);

        assertThat(security().fact(ProductFact.Kind.REMOTE_SERVICE)).get().satisfies(fact -> {
            assertThat(fact.value()).isEqualTo("no");
            assertThat(fact.formId()).isEqualTo(blankForm);
            assertThat(fact.sourceRef()).endsWith("(versions 4.x)");
        });
        assertThat(remoteAccess(blank)).isEqualTo(YesNoUnknown.YES);
        assertThat(decision.message()).endsWith("Vendor Remote Access set to No on 0 devices; 3 devices keep their own value.");
        String oldValue = services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT old_values FROM audit_entry"
                + " WHERE record_type = :type AND action = 'update'").bind("type", ProductFactService.RECORD_TYPE)
                .mapTo(String.class).one());
        assertThat(oldValue).contains("\"fact_value\"").contains("\"yes\"");
    }

    @Test
    void storedFormIsReadBackBySection() {
        List<Mds2Section> sections = services.mds2().sectionsOf(formId);

        assertThat(sections).hasSize(23);
        assertThat(sections.get(0).code()).isEqualTo("DOC");
        assertThat(sections.get(0).answers().get(0).id()).isEqualTo("DOC-1");
        assertThat(sections).filteredOn(section -> section.code().equals("RMOT")).singleElement()
                .satisfies(section -> assertThat(section.answers().get(0).id()).isEqualTo("RMOT-1"));
        assertThat(sections.stream().mapToInt(section -> section.answers().size()).sum()).isEqualTo(240);
        assertThat(services.mds2().forms()).singleElement().satisfies(form -> {
            assertThat(form.product()).isEqualTo("Example Medical Systems EMS-900");
            assertThat(form.proposed()).isEqualTo(6);
        });
        assertThatThrownBy(() -> services.mds2().sectionsOf(-1)).hasMessage("No MDS2 form has the id -1");
    }
}
