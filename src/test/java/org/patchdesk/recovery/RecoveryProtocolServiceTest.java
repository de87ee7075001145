package org.patchdesk.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditDao;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceStatus;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.planning.Patchability;
import org.patchdesk.planning.PatchabilityService;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

class RecoveryProtocolServiceTest {

    @TempDir
    Path folder;

    private Services services;
    private RecoveryProtocolService protocols;

    @BeforeEach
    void open() {
        services = TestSites.open(folder.resolve("data"));
        protocols = services.recoveryProtocols();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private Device device(String tag, String manufacturer, String model) {
        DeviceValues values = new DeviceValues().set(DeviceField.ASSET_TAG, tag).set(DeviceField.MANUFACTURER, manufacturer)
                .set(DeviceField.MODEL, model);
        return services.devices().create(values, TestSites.TECHNICIAN);
    }

    private long productId(Device device) {
        return services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT product_id FROM device WHERE id = :id")
                .bind("id", device.id()).mapTo(Long.class).one());
    }

    private void setProduct(Device device, Patchability value) {
        services.patchability().setForProduct(productId(device), null, value, "Vendor letter of 2026-10-01",
                PatchabilityService.Source.VENDOR_LETTER, null, TestSites.MANAGER);
    }

    private static RecoveryProtocolValues complete(Long productId, Long deviceId) {
        return new RecoveryProtocolValues(productId, deviceId, "Use the spare pumps from biomed; chart by hand",
                "Unplug the network cable and disable Wi-Fi from the service menu", "Reimage from the vendor's USB recovery kit",
                "Biomed safe, shelf 3, and \\\\backup01\\pumps", "Vendor 24/7 line 1-800-555-0100, contract 44-1",
                "ICU nurse manager", "Jane Roe", LocalDate.of(2026, 11, 2), "jtech", LocalDate.of(2027, 11, 2),
                List.of("/srv/docs/pump-downtime.pdf", "/srv/docs/pump-reimage.pdf"));
    }

    private static RecoveryProtocolValues minimal(Long productId, Long deviceId) {
        return new RecoveryProtocolValues(productId, deviceId, "Paper charting", null, null, null, null, "Charge nurse", null, null,
                null, null, List.of());
    }

    private List<AuditEntry> audit(long protocolId) {
        return services.database().jdbi().withHandle(handle -> handle.attach(AuditDao.class)
                .listByRecord(RecoveryProtocolService.RECORD, protocolId));
    }

    @Test
    void deviceProtocolTakesPrecedence() {
        Device first = device("PUMP-1", "Baxter", "Sigma Spectrum");
        Device second = device("PUMP-2", "Baxter", "Sigma Spectrum");
        Device unrelated = device("MON-1", "GE", "CARESCAPE B650");
        RecoveryProtocol product = protocols.create(complete(productId(first), null), TestSites.TECHNICIAN);

        RecoveryProtocol own = protocols.create(minimal(null, second.id()), TestSites.TECHNICIAN);

        assertThat(protocols.protocolFor(first.id())).contains(product);
        assertThat(protocols.protocolFor(second.id())).contains(own);
        assertThat(protocols.protocolFor(unrelated.id())).isEmpty();
        assertThat(protocols.forProduct(productId(first))).contains(product);
        assertThat(own.target()).isEqualTo("Device PUMP-2 (Baxter Sigma Spectrum)");
        assertThat(product.target()).isEqualTo("Baxter Sigma Spectrum");
        assertThat(protocols.list()).extracting(RecoveryProtocol::id).containsExactly(product.id(), own.id());
        assertThatThrownBy(() -> protocols.protocolFor(-5)).hasMessage("Device -5 not found; it may have been deleted");
    }

    @Test
    void createdProtocolKeepsEveryField() {
        Device pump = device("PUMP-1", "Baxter", "Sigma Spectrum");

        RecoveryProtocol created = protocols.create(complete(productId(pump), null), TestSites.TECHNICIAN);

        RecoveryProtocol stored = protocols.get(created.id()).orElseThrow();
        assertThat(stored.values()).isEqualTo(complete(productId(pump), null));
        assertThat(stored.returnToServiceDecider()).isEqualTo("Jane Roe (ICU nurse manager)");
        assertThat(stored.missingParts()).isEmpty();
        assertThat(stored.updatedBy()).isEqualTo("jtech");
        assertThat(stored.updatedAt()).isEqualTo(TestSites.CLOCK.instant());
    }

    @Test
    void missingPartsAreListed() {
        Device pump = device("PUMP-1", "Baxter", "Sigma Spectrum");

        RecoveryProtocol created = protocols.create(minimal(productId(pump), null), TestSites.TECHNICIAN);

        assertThat(created.missingParts()).containsExactly("Isolating the device", "Restore or reimage", "Backups",
                "Vendor emergency contact", "Next review date");
        assertThat(created.returnToServiceDecider()).isEqualTo("Charge nurse");
    }

    @Test
    void productsWithoutProtocolUsePatchability() {
        Device server1 = device("EMS-1", "Example Medical Systems", "EMS-900");
        device("EMS-2", "Example Medical Systems", "EMS-900");
        services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "EMS-3")
                .set(DeviceField.MANUFACTURER, "Example Medical Systems").set(DeviceField.MODEL, "EMS-900")
                .set(DeviceField.STATUS, DeviceStatus.RETIRED), TestSites.TECHNICIAN);
        setProduct(server1, Patchability.VENDOR_ONLY);
        Device pump1 = device("PUMP-1", "Baxter", "Sigma Spectrum");
        Device pump2 = device("PUMP-2", "Baxter", "Sigma Spectrum");
        setProduct(pump1, Patchability.OWNER_AFTER_VALIDATION);
        services.patchability().setForDevice(pump2.id(), Patchability.PROHIBITED_OR_NONE, "Research unit; vendor forbids changes",
                PatchabilityService.Source.USER, TestSites.MANAGER);
        Device workstation = device("WS-1", "Acme Imaging", "Viewer 7");
        setProduct(workstation, Patchability.OWNER_AFTER_VALIDATION);
        device("MON-1", "GE", "CARESCAPE B650");

        List<ProductWithoutProtocol> gaps = protocols.productsWithoutProtocol();

        assertThat(gaps).extracting(ProductWithoutProtocol::label, ProductWithoutProtocol::devices).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Baxter Sigma Spectrum", 1),
                org.assertj.core.groups.Tuple.tuple("Example Medical Systems EMS-900", 2),
                org.assertj.core.groups.Tuple.tuple("GE HealthCare CARESCAPE B650", 1));
        assertThat(gaps.get(0).byPatchability()).isEqualTo(Map.of(Patchability.PROHIBITED_OR_NONE, 1));
        assertThat(gaps.get(1).patchabilitySummary()).isEqualTo("2 vendor-installed only");
        assertThat(gaps.get(2).patchabilitySummary()).isEqualTo("1 unknown");
        List<DeviceWithoutProtocol> devices = protocols.devicesWithoutProtocol();
        assertThat(devices).singleElement().satisfies(device -> {
            assertThat(device.assetTag()).isEqualTo("PUMP-2");
            assertThat(device.productLabel()).isEqualTo("Baxter Sigma Spectrum");
            assertThat(device.patchability()).isEqualTo(Patchability.PROHIBITED_OR_NONE);
            assertThat(device.setForDevice()).isTrue();
            assertThat(device.reason()).isEqualTo("Research unit; vendor forbids changes (set for this device)");
        });
    }

    @Test
    void protocolsCloseTheGaps() {
        Device server = device("EMS-1", "Example Medical Systems", "EMS-900");
        setProduct(server, Patchability.UNSUPPORTED);
        Device pump1 = device("PUMP-1", "Baxter", "Sigma Spectrum");
        Device pump2 = device("PUMP-2", "Baxter", "Sigma Spectrum");
        services.patchability().setForDevice(pump1.id(), Patchability.VENDOR_ONLY, "Vendor service only",
                PatchabilityService.Source.USER, TestSites.MANAGER);
        services.patchability().setForDevice(pump2.id(), Patchability.VENDOR_ONLY, "Vendor service only",
                PatchabilityService.Source.USER, TestSites.MANAGER);
        assertThat(protocols.productsWithoutProtocol()).extracting(ProductWithoutProtocol::label)
                .containsExactly("Baxter Sigma Spectrum", "Example Medical Systems EMS-900");

        protocols.create(minimal(productId(server), null), TestSites.TECHNICIAN);
        protocols.create(minimal(null, pump1.id()), TestSites.TECHNICIAN);

        RecoveryProtocolService.Gaps gaps = protocols.gaps();
        assertThat(gaps.products()).singleElement().satisfies(product -> {
            assertThat(product.label()).isEqualTo("Baxter Sigma Spectrum");
            assertThat(product.devices()).isEqualTo(1);
        });
        assertThat(gaps.devices()).extracting(DeviceWithoutProtocol::assetTag).containsExactly("PUMP-2");
    }

    @Test
    void deviceWithoutModelIsListed() {
        Device loose = services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "LOOSE-1")
                .set(DeviceField.MANUFACTURER, "Unknown Maker"), TestSites.TECHNICIAN);

        List<DeviceWithoutProtocol> devices = protocols.devicesWithoutProtocol();

        assertThat(protocols.productsWithoutProtocol()).isEmpty();
        assertThat(devices).singleElement().satisfies(device -> {
            assertThat(device.deviceId()).isEqualTo(loose.id());
            assertThat(device.productId()).isNull();
            assertThat(device.productLabel()).isNull();
            assertThat(device.patchability()).isEqualTo(Patchability.UNKNOWN);
            assertThat(device.setForDevice()).isFalse();
        });
    }

    @Test
    void overdueReviewsUseTheClock() {
        Device pump = device("PUMP-1", "Baxter", "Sigma Spectrum");
        Device monitor = device("MON-1", "GE", "CARESCAPE B650");
        Device server = device("EMS-1", "Example Medical Systems", "EMS-900");
        RecoveryProtocolValues due = new RecoveryProtocolValues(productId(pump), null, "Paper charting", null, null, null, null,
                "Charge nurse", null, LocalDate.of(2025, 12, 1), "jtech", LocalDate.of(2026, 12, 3), List.of());
        RecoveryProtocolValues today = new RecoveryProtocolValues(productId(monitor), null, "Paper charting", null, null, null, null,
                "Charge nurse", null, LocalDate.of(2025, 12, 1), "jtech", LocalDate.of(2026, 12, 4), List.of());
        RecoveryProtocolValues older = new RecoveryProtocolValues(productId(server), null, "Paper charting", null, null, null, null,
                "Charge nurse", null, LocalDate.of(2024, 6, 1), "jtech", LocalDate.of(2025, 6, 1), List.of());

        RecoveryProtocol dueProtocol = protocols.create(due, TestSites.TECHNICIAN);
        protocols.create(today, TestSites.TECHNICIAN);
        RecoveryProtocol olderProtocol = protocols.create(older, TestSites.TECHNICIAN);

        assertThat(protocols.overdueReviews()).extracting(RecoveryProtocol::id).containsExactly(olderProtocol.id(), dueProtocol.id());
        assertThat(dueProtocol.isReviewOverdue(LocalDate.now(TestSites.CLOCK))).isTrue();
        Clock later = Clock.fixed(Instant.parse("2026-12-05T13:00:00Z"), ZoneId.of("America/Chicago"));
        services.close();
        services = TestSites.open(folder.resolve("data"), later);
        assertThat(services.recoveryProtocols().overdueReviews()).hasSize(3);
    }

    @Test
    void invalidValuesAreRejected() {
        Device pump = device("PUMP-1", "Baxter", "Sigma Spectrum");
        long product = productId(pump);
        RecoveryProtocolValues base = minimal(product, null);

        assertThatThrownBy(() -> protocols.create(minimal(null, null), TestSites.TECHNICIAN))
                .hasMessage("Choose the product or the device the recovery protocol is for");
        assertThatThrownBy(() -> protocols.create(minimal(product, pump.id()), TestSites.TECHNICIAN))
                .hasMessage("A recovery protocol is for a product or for one device, not both; choose one");
        assertThatThrownBy(() -> protocols.create(minimal(999L, null), TestSites.TECHNICIAN))
                .hasMessage("Product 999 not found; it may have been deleted");
        assertThatThrownBy(() -> protocols.create(minimal(null, 999L), TestSites.TECHNICIAN))
                .hasMessage("Device 999 not found; it may have been deleted");
        assertThatThrownBy(() -> protocols.create(new RecoveryProtocolValues(product, null, "  ", null, null, null, null, "Charge nurse",
                null, null, null, null, List.of()), TestSites.TECHNICIAN))
                .hasMessage("The clinical downtime procedure is required: how the unit cares for patients while the device is out of use");
        assertThatThrownBy(() -> protocols.create(new RecoveryProtocolValues(product, null, "Paper", null, null, null, null, " ", "",
                null, null, null, List.of()), TestSites.TECHNICIAN))
                .hasMessage("Enter who decides that the device returns to clinical use: a role such as ICU nurse manager, a name, or both");
        assertThatThrownBy(() -> protocols.create(new RecoveryProtocolValues(product, null, "Paper", null, null, null, null, "Nurse",
                null, LocalDate.of(2026, 11, 2), null, null, List.of()), TestSites.TECHNICIAN))
                .hasMessage("Enter who reviewed the protocol on 2026-11-02");
        assertThatThrownBy(() -> protocols.create(new RecoveryProtocolValues(product, null, "Paper", null, null, null, null, "Nurse",
                null, null, "jtech", null, List.of()), TestSites.TECHNICIAN))
                .hasMessage("Enter the date jtech reviewed the protocol, or clear the reviewer");
        assertThatThrownBy(() -> protocols.create(new RecoveryProtocolValues(product, null, "Paper", null, null, null, null, "Nurse",
                null, LocalDate.of(2026, 12, 5), "jtech", null, List.of()), TestSites.TECHNICIAN))
                .hasMessage("The last review date 2026-12-05 is in the future; enter the day the review took place");
        assertThatThrownBy(() -> protocols.create(new RecoveryProtocolValues(product, null, "Paper", null, null, null, null, "Nurse",
                null, LocalDate.of(2026, 11, 2), "jtech", LocalDate.of(2026, 11, 2), List.of()), TestSites.TECHNICIAN))
                .hasMessage("The next review date 2026-11-02 must be after the last review on 2026-11-02");
        assertThatThrownBy(() -> protocols.create(new RecoveryProtocolValues(product, null, "Paper", null, "x".repeat(8001), null, null,
                "Nurse", null, null, null, null, List.of()), TestSites.TECHNICIAN))
                .hasMessage("'Restore or reimage' has 8001 characters; at most 8000 are allowed");
        protocols.create(base, TestSites.TECHNICIAN);
        assertThatThrownBy(() -> protocols.create(base, TestSites.TECHNICIAN))
                .hasMessage("Baxter Sigma Spectrum already has a recovery protocol; edit that one instead");
        protocols.create(minimal(null, pump.id()), TestSites.TECHNICIAN);
        assertThatThrownBy(() -> protocols.create(minimal(null, pump.id()), TestSites.TECHNICIAN))
                .hasMessage("Device PUMP-1 already has a recovery protocol; edit that one instead");
        assertThatThrownBy(() -> protocols.deviceIdForAssetTag("NOPE-7"))
                .hasMessage("No device has asset tag 'NOPE-7'; check the tag in the inventory");
        assertThat(protocols.deviceIdForAssetTag(" pump-1 ")).isEqualTo(pump.id());
        assertThat(protocols.list()).hasSize(2);
    }

    @Test
    void documentPathsAreCleaned() {
        Device pump = device("PUMP-1", "Baxter", "Sigma Spectrum");
        RecoveryProtocolValues values = new RecoveryProtocolValues(productId(pump), null, "Paper", null, null, null, null, "Nurse",
                null, null, null, null, java.util.Arrays.asList(" /a/one.pdf ", "", null, "/a/two.pdf", "/a/one.pdf"));

        RecoveryProtocol created = protocols.create(values, TestSites.TECHNICIAN);

        assertThat(created.documentPaths()).containsExactly("/a/one.pdf", "/a/two.pdf");
        RecoveryProtocolValues reordered = new RecoveryProtocolValues(productId(pump), null, "Paper", null, null, null, null, "Nurse",
                null, null, null, null, List.of("/a/two.pdf", "/a/three.pdf"));
        assertThat(protocols.update(created.id(), reordered, TestSites.TECHNICIAN).documentPaths())
                .containsExactly("/a/two.pdf", "/a/three.pdf");
    }

    @Test
    void changesAreAudited() {
        Device pump = device("PUMP-1", "Baxter", "Sigma Spectrum");
        RecoveryProtocol created = protocols.create(complete(productId(pump), null), TestSites.TECHNICIAN);
        RecoveryProtocolValues changed = new RecoveryProtocolValues(productId(pump), null, "Use the spare pumps from biomed; chart by hand",
                null, "Reimage from the vendor's USB recovery kit", "Biomed safe, shelf 3, and \\\\backup01\\pumps",
                "Vendor 24/7 line 1-800-555-0199", "ICU nurse manager", "Jane Roe", LocalDate.of(2026, 11, 2), "jtech",
                LocalDate.of(2027, 11, 2), List.of("/srv/docs/pump-downtime.pdf", "/srv/docs/pump-reimage.pdf"));

        protocols.update(created.id(), changed, TestSites.MANAGER);
        protocols.update(created.id(), changed, TestSites.MANAGER);
        protocols.delete(created.id(), TestSites.MANAGER);

        List<AuditEntry> entries = audit(created.id());
        assertThat(entries).extracting(AuditEntry::action).containsExactly(AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE);
        assertThat(entries).extracting(AuditEntry::recordLabel).containsOnly("Baxter Sigma Spectrum");
        AuditEntry create = entries.get(0);
        assertThat(create.actor()).isEqualTo("jtech");
        assertThat(create.oldValues()).isEmpty();
        assertThat(create.newValues()).containsEntry("product", "Baxter Sigma Spectrum")
                .containsEntry("return_decider_name", "Jane Roe").containsEntry("next_review_on", "2027-11-02")
                .containsEntry("documents", "/srv/docs/pump-downtime.pdf\n/srv/docs/pump-reimage.pdf");
        AuditEntry update = entries.get(1);
        assertThat(update.actor()).isEqualTo("mmanager");
        assertThat(update.oldValues()).isEqualTo(Map.of("isolation_steps",
                "Unplug the network cable and disable Wi-Fi from the service menu",
                "vendor_emergency_contact", "Vendor 24/7 line 1-800-555-0100, contract 44-1"));
        assertThat(update.newValues()).isEqualTo(Map.of("vendor_emergency_contact", "Vendor 24/7 line 1-800-555-0199"));
        AuditEntry delete = entries.get(2);
        assertThat(delete.newValues()).isEmpty();
        assertThat(delete.oldValues()).containsEntry("downtime_procedure", "Use the spare pumps from biomed; chart by hand")
                .containsEntry("vendor_emergency_contact", "Vendor 24/7 line 1-800-555-0199");
        assertThat(protocols.get(created.id())).isEmpty();
    }

    @Test
    void deletedDeviceTakesItsProtocol() {
        Device pump = device("PUMP-1", "Baxter", "Sigma Spectrum");
        RecoveryProtocol own = protocols.create(minimal(null, pump.id()), TestSites.TECHNICIAN);

        services.devices().delete(pump.id(), TestSites.TECHNICIAN);

        assertThat(protocols.get(own.id())).isEmpty();
    }

    @Test
    void manufacturerMergeKeepsTheProtocol() {
        Device kept = device("PUMP-1", "Baxter", "Sigma Spectrum");
        Device merged = device("PUMP-2", "Baxtre", "Sigma Spectrum");
        RecoveryProtocol protocol = protocols.create(minimal(productId(merged), null), TestSites.TECHNICIAN);
        long keptManufacturer = manufacturerId(kept);

        services.manufacturers().merge(manufacturerId(merged), keptManufacturer, TestSites.TECHNICIAN);

        RecoveryProtocol moved = protocols.get(protocol.id()).orElseThrow();
        assertThat(moved.productId()).isEqualTo(productId(kept));
        assertThat(protocols.protocolFor(merged.id())).contains(moved);
    }

    private long manufacturerId(Device device) {
        return services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT manufacturer_id FROM device WHERE id = :id")
                .bind("id", device.id()).mapTo(Long.class).one());
    }
}
