package org.patchdesk.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditDao;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

class DeviceServiceTest {

    @TempDir
    Path folder;

    private Services services;

    @BeforeEach
    void openSite() {
        services = TestSites.open(folder);
    }

    @AfterEach
    void closeSite() {
        services.close();
    }

    private static DeviceValues pump(String assetTag) {
        return new DeviceValues()
                .set(DeviceField.ASSET_TAG, assetTag)
                .set(DeviceField.MANUFACTURER, "Becton, Dickinson and Company (BD)")
                .set(DeviceField.MODEL, "Alaris PCU 8015")
                .set(DeviceField.DEVICE_TYPE, "Infusion Pump")
                .set(DeviceField.IP_ADDRESSES, List.of("10.1.2.3"));
    }

    private List<AuditEntry> auditOf(long id) {
        return services.database().jdbi().withExtension(AuditDao.class, dao -> dao.listByRecord(DeviceRows.RECORD_TYPE, id));
    }

    @Test
    void createStoresCanonicalNamesAndDefaults() {
        Device created = services.devices().create(pump("P-1"), TestSites.TECHNICIAN);

        assertThat(created.values().get(DeviceField.MANUFACTURER)).isEqualTo("BD");
        assertThat(created.values().get(DeviceField.STATUS)).isEqualTo(DeviceStatus.ACTIVE);
        assertThat(created.values().get(DeviceField.STATUS_CHANGED_ON)).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(created.createdBy()).isEqualTo("jtech");
        assertThat(created.criticality().value()).isEqualTo(ClinicalCriticality.MEDIUM);
        assertThat(created.criticality().assumed()).isTrue();
        assertThat(created.criticality().source()).contains("FRN");
    }

    @Test
    void createIsAudited() {
        Device created = services.devices().create(pump("P-1"), TestSites.TECHNICIAN);

        List<AuditEntry> entries = auditOf(created.id());
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).action()).isEqualTo(AuditAction.CREATE);
        assertThat(entries.get(0).actor()).isEqualTo("jtech");
        assertThat(entries.get(0).occurredAt()).isEqualTo(TestSites.CLOCK.instant());
        assertThat(entries.get(0).newValues()).containsEntry("asset_tag", "P-1").containsEntry("manufacturer", "BD")
                .containsEntry("ip_addresses", "10.1.2.3");
    }

    @Test
    void updateRecordsOldAndNewValues() {
        Device created = services.devices().create(pump("P-1"), TestSites.TECHNICIAN);
        DeviceValues changed = created.values().copy().set(DeviceField.SOFTWARE_VERSION, "12.1.2").set(DeviceField.CRITICALITY,
                ClinicalCriticality.HIGH);

        Device updated = services.devices().update(created.id(), changed, TestSites.MANAGER);

        assertThat(updated.criticality().assumed()).isFalse();
        assertThat(updated.updatedBy()).isEqualTo("mmanager");
        AuditEntry entry = auditOf(created.id()).get(1);
        assertThat(entry.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(entry.oldValues()).isEmpty();
        assertThat(entry.newValues()).containsOnlyKeys("software_version", "criticality");
    }

    @Test
    void unchangedUpdateWritesNothing() {
        Device created = services.devices().create(pump("P-1"), TestSites.TECHNICIAN);

        services.devices().update(created.id(), created.values(), TestSites.MANAGER);

        assertThat(auditOf(created.id())).hasSize(1);
    }

    @Test
    void duplicateAssetTagIsRefused() {
        services.devices().create(pump("P-1"), TestSites.TECHNICIAN);

        assertThatThrownBy(() -> services.devices().create(pump("p-1"), TestSites.TECHNICIAN))
                .isInstanceOf(DeviceValidationException.class)
                .satisfies(error -> assertThat(((DeviceValidationException) error).problems())
                        .containsEntry(DeviceField.ASSET_TAG, "Asset tag P-1 is already used by another device"));
    }

    @Test
    void missingAssetTagIsRefused() {
        DeviceValues values = pump("P-1").set(DeviceField.ASSET_TAG, null);

        assertThatThrownBy(() -> services.devices().create(values, TestSites.TECHNICIAN))
                .isInstanceOf(DeviceValidationException.class)
                .hasMessage("Asset Tag: An asset tag is required");
    }

    @Test
    void deleteIsAuditedWithOldValues() {
        Device created = services.devices().create(pump("P-1"), TestSites.TECHNICIAN);

        services.devices().delete(created.id(), TestSites.MANAGER);

        assertThat(services.devices().findById(created.id())).isEmpty();
        AuditEntry entry = auditOf(created.id()).get(1);
        assertThat(entry.action()).isEqualTo(AuditAction.DELETE);
        assertThat(entry.oldValues()).containsEntry("asset_tag", "P-1");
    }

    @Test
    void deviceWithoutTypeDefaultsAssumesHigh() {
        Device created = services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "X-1")
                .set(DeviceField.DEVICE_TYPE, "Nurse Call Gateway"), TestSites.TECHNICIAN);

        assertThat(created.criticality().value()).isEqualTo(ClinicalCriticality.HIGH);
        assertThat(created.criticality().assumed()).isTrue();
        assertThat(created.missionImpact().value()).isEqualTo(MissionImpact.MEF_SUPPORT_CRIPPLED);
        assertThat(created.display(DeviceField.MISSION_IMPACT)).isEqualTo("mef support crippled (assumed)");
    }

    @Test
    void typeDefaultsCanBeEditedAndApply() {
        Device created = services.devices().create(pump("P-1"), TestSites.TECHNICIAN);
        DeviceType type = services.deviceTypes().list().get(0);

        services.deviceTypes().setDefaults(type.id(), ClinicalCriticality.HIGH, MissionImpact.MEF_FAILURE, TestSites.MANAGER);

        Device reread = services.devices().findById(created.id()).orElseThrow();
        assertThat(reread.criticality().value()).isEqualTo(ClinicalCriticality.HIGH);
        assertThat(reread.criticality().source()).contains("set by mmanager on 2026-12-04");
        assertThat(reread.missionImpact().value()).isEqualTo(MissionImpact.MEF_FAILURE);
    }
}
