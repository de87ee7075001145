package org.patchdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

/** Product end of support, with the test clock's day 2026-12-04. */
class ProductSupportServiceTest {

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

    private Device device(String tag, String model, String os) {
        DeviceValues values = new DeviceValues().set(DeviceField.ASSET_TAG, tag).set(DeviceField.MANUFACTURER, "Example Medical Systems")
                .set(DeviceField.MODEL, model);
        if (os != null) {
            values.set(DeviceField.OS_NAME, os);
        }
        return services.devices().create(values, TestSites.TECHNICIAN);
    }

    private long productId(Device device) {
        return services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT product_id FROM device WHERE id = :id")
                .bind("id", device.id()).mapTo(Long.class).one());
    }

    private int audited() {
        return services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM audit_entry"
                + " WHERE record_type = 'product_support'").mapTo(Integer.class).one());
    }

    @Test
    void productPastItsEndIsUnsupported() {
        Device pump = device("EMS-1", "EMS-900", null);
        long product = productId(pump);
        services.patchability().setForProduct(product, null, Patchability.OWNER_AFTER_VALIDATION, "vendor letter of 2024-03-01",
                PatchabilityService.Source.VENDOR_LETTER, null, TestSites.MANAGER);

        services.productSupport().save(product, LocalDate.of(2026, 6, 30), LocalDate.of(2024, 12, 31), "vendor notice of 2024-01-15",
                TestSites.MANAGER);

        assertThat(services.patchability().resolve(pump.id())).isEqualTo(new PatchabilityService.Resolved(Patchability.UNSUPPORTED,
                "Example Medical Systems EMS-900 reached its end of support on 2026-06-30 (vendor notice of 2024-01-15)",
                PatchabilityService.Source.PRODUCT_END_OF_SUPPORT));
        assertThat(services.productSupport().devicesNeedingAttention()).singleElement()
                .satisfies(device -> assertThat(device.state()).isEqualTo(OsSupport.State.UNSUPPORTED));
    }

    @Test
    void deviceValueAndOperatingSystemComeFirst() {
        Device own = device("EMS-1", "EMS-900", null);
        Device windows7 = device("EMS-2", "EMS-900", "Windows 7");
        services.productSupport().save(productId(own), LocalDate.of(2026, 6, 30), null, "vendor notice", TestSites.MANAGER);

        services.patchability().setForDevice(own.id(), Patchability.VENDOR_ONLY, "the vendor still patches it under contract",
                PatchabilityService.Source.USER, TestSites.MANAGER);

        assertThat(services.patchability().resolve(own.id()).patchability()).isEqualTo(Patchability.VENDOR_ONLY);
        assertThat(services.patchability().resolve(windows7.id()).reason()).startsWith("Windows 7 reached its end of support");
    }

    @Test
    void supportEndingWithinTwelveMonthsIsFlagged() {
        Device ending = device("EMS-1", "EMS-900", null);
        Device lastDay = device("EMS-2", "EMS-950", null);
        Device later = device("EMS-3", "EMS-1000", "Windows 10 Enterprise LTSC 2019");
        Device both = device("EMS-4", "EMS-1100", "Windows 11");
        services.osSupport().save("Windows 11", LocalDate.of(2027, 3, 1), null, "vendor lifecycle page", TestSites.MANAGER);
        services.productSupport().save(productId(ending), LocalDate.of(2027, 6, 30), null, "vendor notice", TestSites.MANAGER);
        services.productSupport().save(productId(lastDay), LocalDate.of(2026, 12, 4), null, "vendor notice", TestSites.MANAGER);
        services.productSupport().save(productId(later), LocalDate.of(2027, 12, 4), null, "vendor notice", TestSites.MANAGER);
        services.productSupport().save(productId(both), LocalDate.of(2027, 1, 31), null, "vendor notice", TestSites.MANAGER);

        Map<String, String> flags = services.patchability().resolveAll().stream().filter(row -> row.supportEnding() != null)
                .collect(Collectors.toMap(PatchabilityService.DevicePatchability::assetTag,
                        PatchabilityService.DevicePatchability::supportEnding));
        Map<String, OsSupport.State> states = services.productSupport().devicesNeedingAttention().stream()
                .collect(Collectors.toMap(ProductSupportService.DeviceSupport::assetTag, ProductSupportService.DeviceSupport::state));

        assertThat(flags).containsExactlyInAnyOrderEntriesOf(Map.of(
                "EMS-1", "Example Medical Systems EMS-900 on 2027-06-30",
                "EMS-2", "Example Medical Systems EMS-950 on 2026-12-04",
                "EMS-4", "Windows 11 on 2027-03-01; Example Medical Systems EMS-1100 on 2027-01-31"));
        assertThat(states).containsExactlyInAnyOrderEntriesOf(Map.of("EMS-1", OsSupport.State.ENDING, "EMS-2", OsSupport.State.ENDING,
                "EMS-4", OsSupport.State.ENDING));
        assertThat(services.patchability().resolve(lastDay.id()).patchability()).isEqualTo(Patchability.UNKNOWN);
    }

    @Test
    void nextDayMakesTheLastDayUnsupported() {
        Device pump = device("EMS-1", "EMS-900", null);
        services.productSupport().save(productId(pump), LocalDate.of(2026, 12, 4), null, "vendor notice", TestSites.MANAGER);
        services.close();
        Clock nextDay = Clock.fixed(Instant.parse("2026-12-05T13:00:00Z"), ZoneId.of("America/Chicago"));

        services = TestSites.open(folder.resolve("data"), nextDay);

        assertThat(services.patchability().resolve(pump.id()).patchability()).isEqualTo(Patchability.UNSUPPORTED);
    }

    @Test
    void savingChecksAndAuditsTheDates() {
        Device pump = device("EMS-1", "EMS-900", null);
        long product = productId(pump);

        ProductSupport saved = services.productSupport().save(product, LocalDate.of(2028, 3, 31), null, " vendor letter ",
                TestSites.MANAGER);
        ProductSupport changed = services.productSupport().save(product, LocalDate.of(2029, 3, 31), LocalDate.of(2027, 1, 1),
                "extended by the vendor's letter of 2026-11-20", TestSites.MANAGER);

        assertThat(saved.source()).isEqualTo("vendor letter");
        assertThat(changed.endOfSale()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(services.productSupport().list()).singleElement().isEqualTo(changed);
        assertThatThrownBy(() -> services.productSupport().save(product, LocalDate.of(2028, 1, 1), LocalDate.of(2029, 1, 1),
                "letter", TestSites.MANAGER)).hasMessageStartingWith("End of sale 2029-01-01 is after the end of support 2028-01-01");
        assertThatThrownBy(() -> services.productSupport().save(product, LocalDate.of(2028, 1, 1), null, " ", TestSites.MANAGER))
                .hasMessageStartingWith("A source is required");
        assertThatThrownBy(() -> services.productSupport().save(product, null, null, "letter", TestSites.MANAGER))
                .hasMessage("An end-of-support date is required");
        assertThatThrownBy(() -> services.productSupport().save(-1, LocalDate.of(2028, 1, 1), null, "letter", TestSites.MANAGER))
                .hasMessage("Product -1 not found");
        assertThat(audited()).isEqualTo(2);

        services.productSupport().remove(product, TestSites.MANAGER);
        services.productSupport().remove(product, TestSites.MANAGER);

        assertThat(services.productSupport().list()).isEmpty();
        assertThat(audited()).isEqualTo(3);
    }
}
