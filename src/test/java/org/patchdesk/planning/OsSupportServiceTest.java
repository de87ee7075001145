package org.patchdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

class OsSupportServiceTest {

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

    private void device(String tag, String os) {
        services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, tag).set(DeviceField.MANUFACTURER, "Acme Medical")
                .set(DeviceField.MODEL, "Workstation").set(DeviceField.OS_NAME, os), TestSites.TECHNICIAN);
    }

    @Test
    void longestWholeWordNameMatches() {
        assertThat(services.osSupport().match("Windows 10 IoT Enterprise LTSC 2021")).get()
                .satisfies(entry -> assertThat(entry.endOfSupport()).isEqualTo(LocalDate.of(2032, 1, 13)));
        assertThat(services.osSupport().match("windows  7 Professional SP1")).get()
                .satisfies(entry -> assertThat(entry.osName()).isEqualTo("Windows 7"));
        assertThat(services.osSupport().match("Windows Server 2012 R2")).get()
                .satisfies(entry -> assertThat(entry.osName()).isEqualTo("Windows Server 2012 R2"));
        assertThat(services.osSupport().match("Windows 70")).isEmpty();
        assertThat(services.osSupport().match("VxWorks 6.9")).isEmpty();
    }

    @Test
    void devicesPastOrNearTheEndAreListed() {
        device("WS-1", "Windows 10");
        device("WS-2", "Windows 10 IoT Enterprise LTSC 2021");
        device("WS-3", "Windows 7");
        device("WS-4", "Windows 11");
        device("WS-5", "VxWorks");
        services.osSupport().save("Windows 11", LocalDate.of(2027, 6, 1), null, "vendor lifecycle page, checked 2026-12-04",
                TestSites.MANAGER);

        Map<String, OsSupport.State> states = services.osSupport().devicesNeedingAttention().stream()
                .collect(Collectors.toMap(OsSupportService.DeviceSupport::assetTag, OsSupportService.DeviceSupport::state));

        assertThat(states).containsExactlyInAnyOrderEntriesOf(Map.of("WS-1", OsSupport.State.UNSUPPORTED,
                "WS-3", OsSupport.State.UNSUPPORTED, "WS-4", OsSupport.State.ENDING));
    }

    @Test
    void savingChecksAndAuditsTheDates() {
        OsSupport changed = services.osSupport().save("windows 10", LocalDate.of(2026, 10, 13), LocalDate.of(2028, 10, 10),
                "paid Extended Security Updates contract", TestSites.MANAGER);

        assertThat(changed.osName()).isEqualTo("windows 10");
        assertThat(changed.paidSupportUntil()).isEqualTo(LocalDate.of(2028, 10, 10));
        assertThat(services.osSupport().list()).filteredOn(entry -> entry.osKey().equals("windows 10")).hasSize(1);
        assertThatThrownBy(() -> services.osSupport().save("Windows 12", LocalDate.of(2030, 1, 1), LocalDate.of(2029, 1, 1),
                "guess", TestSites.MANAGER)).hasMessage("Paid support until 2029-01-01 is before the end of support 2030-01-01");
        assertThatThrownBy(() -> services.osSupport().save("Windows 12", LocalDate.of(2030, 1, 1), null, " ", TestSites.MANAGER))
                .hasMessageStartingWith("A source is required");
        int audited = services.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM audit_entry WHERE record_type = 'os_support'").mapTo(Integer.class).one());
        assertThat(audited).isEqualTo(1);
    }
}
