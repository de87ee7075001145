package org.patchdesk.reports.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.patchdesk.governance.Metric;
import org.patchdesk.governance.MetricsQuery;
import org.patchdesk.governance.MetricsReport;
import org.patchdesk.governance.MetricsService;
import org.patchdesk.intel.FeedImport;
import org.patchdesk.intel.FeedKind;
import org.patchdesk.risk.FeedStatus;

/** The executive summary's sentences for none, one and many, built from hand-made metrics. */
class ExecutiveSummaryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    /** Returns a report in which every count is {@code count} and every share and time has one measured case. */
    private static MetricsReport report(long count, Long medianDays) {
        List<Metric> metrics = new ArrayList<>();
        for (String key : List.of(MetricsService.OPEN_FINDINGS, MetricsService.OVERDUE_FINDINGS, MetricsService.KEV_DEVICES,
                MetricsService.UNPATCHABLE, MetricsService.UNPATCHABLE_UNCONTROLLED, MetricsService.UNSUPPORTED_OS,
                MetricsService.OS_ENDING, MetricsService.CONTROLLED, MetricsService.OVERDUE_FINDINGS + "_immediate",
                MetricsService.OVERDUE_FINDINGS + "_out_of_cycle", MetricsService.ACTIVE_ACCEPTANCES, MetricsService.EXPIRING_ACCEPTANCES,
                MetricsService.REQUESTS_OPEN, MetricsService.REQUESTS_OVERDUE)) {
            metrics.add(Metric.count(key, key, count));
        }
        metrics.add(Metric.share(MetricsService.PATCHED_WITHIN_WINDOW, "patched", count, count));
        metrics.add(Metric.share(MetricsService.CLOSED_WITHIN_DUE, "closed", count, count));
        metrics.add(Metric.share(MetricsService.INVENTORY_COMPLETE, "complete", 10, 10));
        metrics.add(Metric.days(MetricsService.TIME_TO_PATCH_MEDIAN, "median", medianDays == null ? null : medianDays.doubleValue(),
                medianDays == null ? 0 : count));
        metrics.add(Metric.days(MetricsService.TIME_TO_PATCH_P90, "p90", medianDays == null ? null : medianDays.doubleValue(),
                medianDays == null ? 0 : count));
        return new MetricsReport(new MetricsQuery(LocalDate.of(2026, 1, 1), TODAY, null), TODAY, Instant.parse("2026-12-04T13:00:00Z"),
                90, metrics);
    }

    private static String text(MetricsReport report, List<FeedStatus> feeds) {
        List<String> sentences = new ArrayList<>();
        new ExecutiveSummary(report, feeds).parts().forEach(part -> sentences.addAll(part.sentences()));
        return String.join("\n", sentences);
    }

    @Test
    void oneOfEachReadsSingular() {
        String text = text(report(1, 24L), List.of());

        assertThat(text).contains("1 finding is open on devices in service, and it is past the due date its priority sets.");
        assertThat(text).contains("1 device has an open finding that attackers are known to exploit");
        assertThat(text).contains("1 device cannot be patched", "; it has no verified compensating control.");
        assertThat(text).contains("1 device runs an operating system past its end of support, and 1 more reaches it within 12 months.");
        assertThat(text).contains("The one installation with a validation date in this period took 24 days from validation to installation.");
        assertThat(text).contains("The one active risk acceptance ends within 30 days and must be renewed or closed.");
        assertThat(text).contains("The one open validation request to a manufacturer is past its follow-up date.");
        assertThat(text).contains("The one finding closed in this period was closed by its due date, and 1 more was controlled");
        assertThat(text).doesNotContain("9 in 10", " 1 have ", "1 active risk acceptance end ", "1 devices", "1 findings");
    }

    @Test
    void noneReadsAsNone() {
        String text = text(report(0, null), List.of());

        assertThat(text).contains("No finding is open on devices in service.");
        assertThat(text).contains("No device has an open finding that attackers are known to exploit");
        assertThat(text).contains("Every device in service can be patched");
        assertThat(text).contains("No device runs an operating system past its end of support, and none reaches it within 12 months.");
        assertThat(text).contains("No risk acceptance is active");
        assertThat(text).contains("No validation request to a manufacturer is open.");
        assertThat(text).contains("No finding with the decision \"immediate\" or \"out-of-cycle\" is past due.");
        assertThat(text).doesNotContain("0 of ", "0 devices", "0 findings");
    }

    @Test
    void manyUseThousandsSeparators() {
        String text = text(report(1_253, 24L), List.of());

        assertThat(text).contains("1,253 findings are open on devices in service, and 1,253 of them are past");
        assertThat(text).contains("Over 1,253 installations, the median time from validation to installation was 24 days");
        assertThat(text).contains("1,253 of the 1,253 active risk acceptances end within 30 days");
    }

    @Test
    void feedAgesAndStalenessStated() {
        FeedImport kev = new FeedImport(1, FeedKind.KEV, "kev.json", "a".repeat(64), "2025.08.24", "2025-08-24", Instant.parse(
                "2025-08-25T12:00:00Z"), "jtech", 1_400, 1_400, 0, 0, null);
        List<FeedStatus> feeds = List.of(new FeedStatus(FeedKind.KEV, kev, 1, LocalDate.of(2025, 8, 24), 467L, 14, true),
                new FeedStatus(FeedKind.EPSS, null, 0, null, null, 7, false),
                new FeedStatus(FeedKind.CSAF, null, 0, null, null, null, false));

        String text = text(report(1, 24L), feeds);

        assertThat(text).contains("The KEV and EPSS figures depend on the feeds: the CISA KEV catalog, dated 2025-08-24, is 467 days"
                + " old: STALE, as the site counts data older than 14 days as stale; the FIRST EPSS scores were never imported, so no"
                + " finding has a score.");
    }
}
