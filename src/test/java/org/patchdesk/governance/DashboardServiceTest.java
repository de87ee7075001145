package org.patchdesk.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.governance.DashboardService.Dashboard;
import org.patchdesk.governance.DashboardService.DepartmentCount;
import org.patchdesk.governance.DashboardService.Tile;
import org.patchdesk.governance.ui.DashboardFixture;
import org.patchdesk.planning.Patchability;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

class DashboardServiceTest {

    @TempDir
    Path folder;

    private Services services;

    @BeforeEach
    void open() throws IOException {
        services = TestSites.open(folder.resolve("data"));
        DashboardFixture.load(services, folder.resolve("files"));
    }

    @AfterEach
    void close() {
        services.close();
    }

    private static Tile tile(Dashboard dashboard, String key) {
        return dashboard.tiles().stream().filter(tile -> tile.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void defaultQueryIsLastTwelveMonths() {
        MetricsQuery query = services.dashboard().defaultQuery();

        assertThat(query.from()).isEqualTo(LocalDate.of(2025, 12, 5));
        assertThat(query.to()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(query.department()).isNull();
    }

    @Test
    void tilesCarryTheServiceMetrics() {
        Dashboard dashboard = services.dashboard().load(services.dashboard().defaultQuery());

        assertThat(dashboard.tiles()).extracting(Tile::key).containsExactly(MetricsService.PATCHED_WITHIN_WINDOW,
                MetricsService.CLOSED_WITHIN_DUE, MetricsService.TIME_TO_PATCH_MEDIAN, MetricsService.KEV_DEVICES,
                MetricsService.UNPATCHABLE_UNCONTROLLED, MetricsService.UNSUPPORTED_OS, MetricsService.ACTIVE_ACCEPTANCES,
                MetricsService.REQUESTS_OVERDUE, MetricsService.INVENTORY_COMPLETE);
        assertThat(tile(dashboard, MetricsService.KEV_DEVICES).metric().value()).isEqualTo(3.0);
        assertThat(tile(dashboard, MetricsService.KEV_DEVICES).detail()).isEqualTo("6 open findings in all");
        assertThat(tile(dashboard, MetricsService.UNSUPPORTED_OS).metric().value()).isEqualTo(1.0);
        assertThat(tile(dashboard, MetricsService.UNPATCHABLE_UNCONTROLLED).detail()).isEqualTo("of 1 unpatchable devices");
        assertThat(tile(dashboard, MetricsService.INVENTORY_COMPLETE).detail())
                .isEqualTo("3 of 4 devices with network, software and criticality data");
        assertThat(tile(dashboard, MetricsService.KEV_DEVICES).trend()).isEmpty();
    }

    @Test
    void openFindingsByDepartment() {
        Dashboard dashboard = services.dashboard().load(services.dashboard().defaultQuery());

        assertThat(dashboard.openFindingsByDepartment()).containsExactly(new DepartmentCount("ICU", 4), new DepartmentCount("NICU", 2),
                new DepartmentCount("Radiology", 0));
        assertThat(dashboard.departments()).containsExactly("ICU", "NICU", "Radiology");
    }

    @Test
    void departmentNarrowsTilesAndPatchability() {
        Dashboard icu = services.dashboard().load(services.dashboard().defaultQuery().forDepartment("icu"));

        assertThat(tile(icu, MetricsService.KEV_DEVICES).metric().value()).isEqualTo(2.0);
        assertThat(icu.patchability().get(Patchability.UNKNOWN)).isEqualTo(2L);
        assertThat(icu.patchability().get(Patchability.UNSUPPORTED)).isEqualTo(0L);
        Dashboard site = services.dashboard().load(services.dashboard().defaultQuery());
        assertThat(site.patchability().get(Patchability.UNSUPPORTED)).isEqualTo(1L);
        assertThat(site.patchability().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4L);
    }

    @Test
    void snapshotGivesTrendAndSeries() {
        services.metricSnapshots().takeNow(TestSites.MANAGER);
        services.devices().create(new org.patchdesk.inventory.DeviceValues()
                .set(org.patchdesk.inventory.DeviceField.ASSET_TAG, "RAD-WS-2")
                .set(org.patchdesk.inventory.DeviceField.MANUFACTURER, "Dell")
                .set(org.patchdesk.inventory.DeviceField.MODEL, "OptiPlex 7050")
                .set(org.patchdesk.inventory.DeviceField.OS_NAME, "Windows 7"), TestSites.TECHNICIAN);

        Dashboard dashboard = services.dashboard().load(services.dashboard().defaultQuery());

        DashboardService.Trend trend = tile(dashboard, MetricsService.UNSUPPORTED_OS).trend().orElseThrow();
        assertThat(trend.previous()).isEqualTo(1.0);
        assertThat(trend.difference()).isEqualTo(1.0);
        assertThat(trend.month()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(dashboard.countTrends().get(0).key()).isEqualTo(MetricsService.KEV_DEVICES);
        assertThat(dashboard.countTrends().get(0).points()).extracting(SnapshotPoint::value).containsExactly(3.0);
    }

    @Test
    void rangeBeforeSnapshotsHasNoPoints() {
        services.metricSnapshots().takeNow(TestSites.MANAGER);

        Dashboard dashboard = services.dashboard().load(new MetricsQuery(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), null));

        assertThat(dashboard.shareTrends()).allSatisfy(line -> assertThat(line.points()).isEmpty());
    }
}
