package org.patchdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.planning.mds2.Mds2Suggestion;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

class PatchabilityServiceTest {

    @TempDir
    Path folder;

    private Services services;

    @BeforeEach
    void open() {
        services = TestSites.open(folder.resolve("data"));
    }

    @AfterEach
    void close() {
        services.close();
    }

    private Device device(String tag, String version, String os) {
        DeviceValues values = new DeviceValues().set(DeviceField.ASSET_TAG, tag).set(DeviceField.MANUFACTURER, "Example Medical Systems")
                .set(DeviceField.MODEL, "EMS-900").set(DeviceField.SOFTWARE_VERSION, version);
        if (os != null) {
            values.set(DeviceField.OS_NAME, os);
        }
        return services.devices().create(values, TestSites.TECHNICIAN);
    }

    private long productId(Device device) {
        return services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT product_id FROM device WHERE id = :id")
                .bind("id", device.id()).mapTo(Long.class).one());
    }

    private long patchabilitySuggestion(Mds2Service.ImportResult result) {
        return services.mds2().suggestionsOf(result.formId()).stream()
                .filter(suggestion -> suggestion.topic().equals(Mds2Suggestion.Topic.PATCHABILITY.name()))
                .findFirst().orElseThrow().id();
    }

    @Test
    void acceptedMds2SuggestionSetsTheProduct() throws Exception {
        Device server = device("EMS-1", "3.2", null);
        Mds2Service.ImportResult result = services.mds2().importForm(TestSites.copyResource("/mds2/Example-MDS2-Worksheet-filled.xlsx",
                folder), "Example Medical Systems", "EMS-900", null, TestSites.TECHNICIAN);
        long suggestion = patchabilitySuggestion(result);
        assertThat(services.patchability().resolve(server.id()).patchability()).isEqualTo(Patchability.UNKNOWN);

        services.mds2().decidePatchability(suggestion, true, TestSites.MANAGER);

        PatchabilityService.Resolved resolved = services.patchability().resolve(server.id());
        assertThat(resolved.patchability()).isEqualTo(Patchability.VENDOR_ONLY);
        assertThat(resolved.source()).isEqualTo(PatchabilityService.Source.MDS2);
        assertThat(resolved.reason()).contains("operating system").contains("(MDS2 EMS-900-MDS2-r3: CSUP-2.2, CSUP-2.3)");
        assertThat(services.mds2().suggestionsOf(result.formId())).filteredOn(row -> row.id() == suggestion)
                .singleElement().satisfies(row -> {
                    assertThat(row.decision()).isEqualTo("accepted");
                    assertThat(row.decidedBy()).isEqualTo("mmanager");
                });
        assertThatThrownBy(() -> services.mds2().decidePatchability(suggestion, false, TestSites.MANAGER))
                .hasMessage("The suggestion " + suggestion + " was already accepted by mmanager");
    }

    @Test
    void rejectedSuggestionSetsNothing() throws Exception {
        Device server = device("EMS-1", "3.2", null);
        Mds2Service.ImportResult result = services.mds2().importForm(TestSites.copyResource("/mds2/Example-MDS2-Worksheet-filled.xlsx",
                folder), "Example Medical Systems", "EMS-900", null, TestSites.TECHNICIAN);

        services.mds2().decidePatchability(patchabilitySuggestion(result), false, TestSites.MANAGER);

        assertThat(services.patchability().resolve(server.id()).source()).isEqualTo(PatchabilityService.Source.NONE);
        assertThatThrownBy(() -> services.mds2().decidePatchability(-1, true, TestSites.MANAGER))
                .hasMessage("No patchability suggestion has the id -1");
    }

    @Test
    void resolutionOrderIsApplied() {
        Device old = device("EMS-1", "2.5", null);
        Device current = device("EMS-2", "3.5", null);
        Device windows7 = device("EMS-3", "3.5", "Windows 7");
        long product = productId(old);
        PatchabilityService patchability = services.patchability();
        patchability.setForProduct(product, null, Patchability.OWNER_AFTER_VALIDATION, "vendor letter of 2026-11-02",
                PatchabilityService.Source.VENDOR_LETTER, "letter 2026-11-02", TestSites.MANAGER);
        patchability.setForProduct(product, "<=3.0", Patchability.PROHIBITED_OR_NONE, "no more updates for the 2.x line",
                PatchabilityService.Source.VENDOR_LETTER, null, TestSites.MANAGER);

        assertThat(patchability.resolve(old.id())).isEqualTo(new PatchabilityService.Resolved(Patchability.PROHIBITED_OR_NONE,
                "no more updates for the 2.x line (for software versions <=3.0)", PatchabilityService.Source.VENDOR_LETTER));
        assertThat(patchability.resolve(current.id()).patchability()).isEqualTo(Patchability.OWNER_AFTER_VALIDATION);
        PatchabilityService.Resolved unsupported = patchability.resolve(windows7.id());
        assertThat(unsupported.patchability()).isEqualTo(Patchability.UNSUPPORTED);
        assertThat(unsupported.reason()).startsWith("Windows 7 reached its end of support on 2020-01-14");

        patchability.setForDevice(windows7.id(), Patchability.VENDOR_ONLY, "vendor patches it under the ESU contract",
                PatchabilityService.Source.USER, TestSites.MANAGER);
        assertThat(patchability.resolve(windows7.id()).patchability()).isEqualTo(Patchability.VENDOR_ONLY);
        patchability.clearForDevice(windows7.id(), TestSites.MANAGER);
        assertThat(patchability.resolve(windows7.id()).patchability()).isEqualTo(Patchability.UNSUPPORTED);

        assertThatThrownBy(() -> patchability.setForProduct(product, "the old ones", Patchability.UNKNOWN, "x",
                PatchabilityService.Source.USER, null, TestSites.MANAGER)).hasMessageStartingWith("'the old ones' is not a version range");
        assertThatThrownBy(() -> patchability.setForDevice(old.id(), Patchability.UNKNOWN, " ", PatchabilityService.Source.USER,
                TestSites.MANAGER)).hasMessageStartingWith("A reason is required");
        int audited = services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM audit_entry"
                + " WHERE record_type IN ('product_patchability', 'device_patchability')").mapTo(Integer.class).one());
        assertThat(audited).isEqualTo(4);
    }
}
