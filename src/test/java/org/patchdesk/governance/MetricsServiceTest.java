package org.patchdesk.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.patchdesk.governance.MetricsService.*;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.common.Actor;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

/**
 * Every metric on the fixture site of {@link MetricsFixtures}, against values worked out by hand
 * from the steps that built it. The report day is 2026-12-04.
 */
class MetricsServiceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @TempDir
    static Path folder;

    private static MetricsFixtures site;
    private Services services;

    @BeforeAll
    static void build() throws IOException {
        site = MetricsFixtures.build(folder.resolve("data"));
    }

    @BeforeEach
    void open() {
        services = TestSites.open(site.folder);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private MetricsReport lastYear(String department) {
        return services.metrics().compute(MetricsQuery.lastTwelveMonths(TODAY, department));
    }

    private static void assertShare(MetricsReport report, String key, long numerator, long denominator) {
        Metric metric = report.get(key);
        assertThat(metric.numerator()).as(key + " numerator").isEqualTo(numerator);
        assertThat(metric.denominator()).as(key + " denominator").isEqualTo(denominator);
    }

    private static void assertCount(MetricsReport report, String key, long count) {
        assertThat(report.get(key).value()).as(key).isEqualTo((double) count);
    }

    private static void assertDays(MetricsReport report, String key, Double days) {
        if (days == null) {
            assertThat(report.get(key).value()).as(key).isNull();
        } else {
            assertThat(report.get(key).value()).as(key).isCloseTo(days, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    /**
     * Request validated 2026-03-01, window 90 days (deadline 2026-05-30): ICU-1 installed in 9 days,
     * NICU-2 in 89, ICU-2 in 136 (late), ICU-3 and NICU-1 never; RET-1 retired 2026-04-10 before the
     * deadline, so dropped. Own validations: ICU-1 KB500 met in 19 days, NICU-2 KB700 (2026-06-01)
     * only deferred, so missed; ICU-2 KB600 (2026-11-20) is still within its window.
     */
    @Test
    void patchedWithinWindowSiteWide() {
        MetricsReport report = lastYear(null);

        assertShare(report, PATCHED_WITHIN_WINDOW, 1, 5);
        assertThat(report.get(PATCHED_WITHIN_WINDOW).display()).isEqualTo("1 of 5 (20.0 %)");
        assertThat(report.get(PATCHED_WITHIN_WINDOW).label()).isEqualTo("Devices patched within 90 days of validation");
    }

    @Test
    void patchedWithinWindowByDepartment() {
        assertShare(lastYear("ICU"), PATCHED_WITHIN_WINDOW, 1, 3);
        assertShare(lastYear("nicu"), PATCHED_WITHIN_WINDOW, 0, 2);
    }

    @Test
    void longerWindowCountsLateInstall() {
        services.metrics().setWindowDays(140, new Actor("kwong"));

        assertThat(services.metrics().windowDays()).isEqualTo(140);
        assertShare(lastYear(null), PATCHED_WITHIN_WINDOW, 2, 5);
        assertThat(services.auditVerifier().verify(ProgressMonitor.NONE).problems()).isEmpty();
        services.metrics().setWindowDays(DEFAULT_WINDOW_DAYS, new Actor("kwong"));
    }

    @Test
    void windowDaysOutsideRangeRejected() {
        assertThatThrownBy(() -> services.metrics().setWindowDays(0, new Actor("kwong")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from 1 to 365, not 0");
        assertThatThrownBy(() -> services.metrics().setWindowDays(90, TestSites.TECHNICIAN))
                .isInstanceOf(IllegalStateException.class);
    }

    /**
     * Closed in range with a due date of 2026-03-31: ICU-1 CVE-1 patched 03-10 and NICU-1 CVE-1 not
     * affected 03-20 on time; NICU-2 CVE-1 patched 05-29 and ICU-2 CVE-1 patched 07-15 late. ICU-1
     * CVE-2 was set not affected and reopened, so it is not closed. Controlled: NICU-1 CVE-2
     * mitigated, NICU-2 and ICU-1 CVE-2 risk accepted on 12-04.
     */
    @Test
    void findingsClosedAndControlled() {
        MetricsReport site = lastYear(null);
        MetricsReport icu = lastYear("ICU");
        MetricsReport nicu = lastYear("NICU");

        assertShare(site, CLOSED_WITHIN_DUE, 2, 4);
        assertCount(site, CONTROLLED, 3);
        assertShare(icu, CLOSED_WITHIN_DUE, 1, 2);
        assertCount(icu, CONTROLLED, 1);
        assertShare(nicu, CLOSED_WITHIN_DUE, 1, 2);
        assertCount(nicu, CONTROLLED, 2);
    }

    /** Installed with a validation date: 9, 19, 89 and 136 days. */
    @Test
    void timeToPatchPercentiles() {
        MetricsReport site = lastYear(null);
        MetricsReport icu = lastYear("ICU");
        MetricsReport nicu = lastYear("NICU");

        assertDays(site, TIME_TO_PATCH_MEDIAN, 54.0);
        assertDays(site, TIME_TO_PATCH_P90, 121.9);
        assertThat(site.get(TIME_TO_PATCH_MEDIAN).denominator()).isEqualTo(4);
        assertDays(icu, TIME_TO_PATCH_MEDIAN, 19.0);
        assertDays(icu, TIME_TO_PATCH_P90, 112.6);
        assertDays(nicu, TIME_TO_PATCH_MEDIAN, 89.0);
        assertDays(nicu, TIME_TO_PATCH_P90, 89.0);
    }

    /**
     * Open on 12-04 in service: ICU-2 CVE-2 and ICU-3 CVE-2, immediate since the KEV import of
     * 12-01 restarted their clocks (due 12-08), and ICU-3 CVE-1, out-of-cycle and due 03-31. RET-1's
     * findings are open but the device is retired.
     */
    @Test
    void openAndOverdueByDecision() {
        MetricsReport site = lastYear(null);

        assertCount(site, OPEN_FINDINGS, 3);
        assertCount(site, OPEN_FINDINGS + "_immediate", 2);
        assertCount(site, OPEN_FINDINGS + "_out_of_cycle", 1);
        assertCount(site, OPEN_FINDINGS + "_scheduled", 0);
        assertCount(site, OPEN_FINDINGS + "_defer", 0);
        assertCount(site, OVERDUE_FINDINGS, 1);
        assertCount(site, OVERDUE_FINDINGS + "_out_of_cycle", 1);
        assertCount(site, OVERDUE_FINDINGS + "_immediate", 0);
        assertCount(lastYear("NICU"), OPEN_FINDINGS, 0);
    }

    @Test
    void kevDevices() {
        assertCount(lastYear(null), KEV_DEVICES, 2);
        assertCount(lastYear("ICU"), KEV_DEVICES, 2);
        assertCount(lastYear("NICU"), KEV_DEVICES, 0);
    }

    /** ICU-2 has its own "prohibited or none" and a verified control; NICU-1 runs Windows 7 and has an unverified control. */
    @Test
    void unpatchableWithAndWithoutControls() {
        MetricsReport site = lastYear(null);

        assertCount(site, UNPATCHABLE, 2);
        assertCount(site, UNPATCHABLE_CONTROLLED, 1);
        assertCount(site, UNPATCHABLE_UNCONTROLLED, 1);
        assertCount(lastYear("ICU"), UNPATCHABLE_UNCONTROLLED, 0);
        assertCount(lastYear("NICU"), UNPATCHABLE_UNCONTROLLED, 1);
    }

    @Test
    void operatingSystemAndProductSupport() {
        MetricsReport site = lastYear(null);

        assertCount(site, UNSUPPORTED_OS, 1);
        assertCount(site, OS_ENDING, 1);
        assertCount(site, UNSUPPORTED_PRODUCT, 0);
        assertCount(site, PRODUCT_ENDING, 5);
        assertCount(lastYear("ICU"), PRODUCT_ENDING, 3);
    }

    /** NICU-2 accepted for 12 months (ends 2027-12-03); ICU-1 for 1 month (ends 2027-01-03, within 30 days). */
    @Test
    void activeAndExpiringAcceptances() {
        assertCount(lastYear(null), ACTIVE_ACCEPTANCES, 2);
        assertCount(lastYear(null), EXPIRING_ACCEPTANCES, 1);
        assertCount(lastYear("ICU"), EXPIRING_ACCEPTANCES, 1);
        assertCount(lastYear("NICU"), ACTIVE_ACCEPTANCES, 1);
        assertCount(lastYear("NICU"), EXPIRING_ACCEPTANCES, 0);
    }

    /** Responses: acknowledged after 4 days, rejected with a response after 10; the CVE request is open past its follow-up. */
    @Test
    void vendorRequests() {
        MetricsReport site = lastYear(null);

        assertCount(site, REQUESTS_OPEN, 1);
        assertCount(site, REQUESTS_OVERDUE, 1);
        assertDays(site, RESPONSE_MEDIAN, 7.0);
        assertDays(site, RESPONSE_MEDIAN + ".Baxter", 7.0);
        assertThat(site.get(RESPONSE_MEDIAN).denominator()).isEqualTo(2);
    }

    /** The Philips monitor has no network, software version or criticality data. */
    @Test
    void inventoryCompleteness() {
        MetricsReport site = lastYear(null);

        assertShare(site, INVENTORY_COMPLETE, 5, 6);
        assertShare(site, INVENTORY_NETWORK, 5, 6);
        assertShare(site, INVENTORY_SOFTWARE, 5, 6);
        assertShare(site, INVENTORY_CRITICALITY, 5, 6);
        assertShare(lastYear("ICU"), INVENTORY_COMPLETE, 3, 4);
    }

    @Test
    void criticalityFromDeviceTypeCounts(@TempDir Path other) {
        try (Services fresh = TestSites.open(other)) {
            fresh.devices().create(new org.patchdesk.inventory.DeviceValues()
                    .set(org.patchdesk.inventory.DeviceField.ASSET_TAG, "PUMP-1")
                    .set(org.patchdesk.inventory.DeviceField.DEVICE_TYPE, "Infusion pump"), TestSites.TECHNICIAN);
            fresh.devices().create(new org.patchdesk.inventory.DeviceValues()
                    .set(org.patchdesk.inventory.DeviceField.ASSET_TAG, "CART-1"), TestSites.TECHNICIAN);

            MetricsReport report = fresh.metrics().compute(MetricsQuery.lastTwelveMonths(TODAY, null));

            assertShare(report, INVENTORY_CRITICALITY, 1, 2);
        }
    }

    @Test
    void rangeWithoutPatches() {
        MetricsReport report = services.metrics().compute(new MetricsQuery(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null));

        assertShare(report, PATCHED_WITHIN_WINDOW, 0, 0);
        assertThat(report.get(PATCHED_WITHIN_WINDOW).value()).isNull();
        assertThat(report.get(PATCHED_WITHIN_WINDOW).display()).isEqualTo("no data (0 of 0)");
        assertShare(report, CLOSED_WITHIN_DUE, 0, 0);
        assertCount(report, CONTROLLED, 0);
        assertDays(report, TIME_TO_PATCH_MEDIAN, null);
        assertThat(report.get(TIME_TO_PATCH_MEDIAN).display()).isEqualTo("no data");
        assertDays(report, RESPONSE_MEDIAN, null);
        assertCount(report, OPEN_FINDINGS, 3);
    }

    @Test
    void siteAndDepartmentsFromOneReading() {
        var reports = services.metrics().computeSiteAndDepartments(LocalDate.of(2025, 12, 5), TODAY);

        assertThat(reports.keySet()).containsExactly("", "ICU", "NICU");
        assertThat(reports.get("ICU").get(PATCHED_WITHIN_WINDOW)).isEqualTo(lastYear("ICU").get(PATCHED_WITHIN_WINDOW));
    }

    @Test
    void queryRejectsReversedRange() {
        assertThatThrownBy(() -> new MetricsQuery(TODAY, TODAY.minusDays(1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The last day 2026-12-03 is before the first day 2026-12-04");
    }

    @Test
    void percentilesInterpolate() {
        assertThat(Percentiles.of(List.of(9, 19, 89, 136), 50)).isEqualTo(54.0);
        assertThat(Percentiles.of(List.of(5), 90)).isEqualTo(5.0);
        assertThat(Percentiles.of(List.of(), 50)).isNull();
        assertThat(Percentiles.of(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 90)).isCloseTo(9.1, org.assertj.core.data.Offset.offset(1e-9));
    }
}
