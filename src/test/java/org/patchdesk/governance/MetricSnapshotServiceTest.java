package org.patchdesk.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.audit.AuditProblem;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.controls.ControlFixtures;
import org.patchdesk.risk.FindingStatus;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;

/** Monthly snapshots taken when the workspace opens, on demand, and read back as trends. */
class MetricSnapshotServiceTest {

    @TempDir
    Path folder;

    private Path data;

    @BeforeEach
    void site() {
        data = folder.resolve("data");
        try (Services services = TestSites.open(data)) {
            ControlFixtures.pump(services, "ICU-1", "ICU");
            ControlFixtures.pump(services, "NICU-1", "NICU");
            ControlFixtures.vulnerabilities(services);
        }
    }

    private List<MetricSnapshot> openOn(LocalDate day) {
        try (Workspace workspace = Workspace.open(data, MetricsFixtures.clockOn(day)); Services services = workspace.openSite()) {
            return services.metricSnapshots().list();
        }
    }

    @Test
    void firstOpenInNewMonthTakesOne() {
        List<MetricSnapshot> snapshots = openOn(LocalDate.of(2027, 1, 5));

        assertThat(snapshots).hasSize(1);
        MetricSnapshot december = snapshots.get(0);
        assertThat(december.month()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(december.from()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(december.to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(december.kind()).isEqualTo(MetricSnapshot.AUTOMATIC);
        assertThat(december.takenBy()).isEqualTo("system");
        assertThat(december.takenAt()).isEqualTo(Instant.parse("2027-01-05T13:00:00Z"));
    }

    @Test
    void secondOpenSameMonthTakesNone() {
        openOn(LocalDate.of(2027, 1, 5));

        assertThat(openOn(LocalDate.of(2027, 1, 20))).hasSize(1);
        assertThat(openOn(LocalDate.of(2027, 2, 1))).hasSize(2);
    }

    @Test
    void monthBeforeInventoryTakesNone() {
        assertThat(openOn(LocalDate.of(2026, 12, 4))).isEmpty();
    }

    @Test
    void snapshotStoresSiteAndDepartments() {
        openOn(LocalDate.of(2027, 1, 5));

        try (Services services = TestSites.open(data, MetricsFixtures.clockOn(LocalDate.of(2027, 1, 5)))) {
            long id = services.metricSnapshots().list().get(0).id();
            var values = services.metricSnapshots().values(id);
            assertThat(values.keySet()).containsExactly("", "ICU", "NICU");
            assertThat(values.get("").stream().filter(metric -> metric.key().equals(MetricsService.OPEN_FINDINGS)).findFirst()
                    .orElseThrow().value()).isEqualTo(4.0);
            assertThat(values.get("ICU")).hasSameSizeAs(services.metrics().compute(new MetricsQuery(LocalDate.of(2026, 12, 1),
                    LocalDate.of(2026, 12, 31), "ICU")).metrics());
        }
    }

    @Test
    void seriesAndPreviousValue() {
        openOn(LocalDate.of(2027, 1, 5));
        try (Services services = TestSites.open(data, MetricsFixtures.clockOn(LocalDate.of(2027, 1, 20)))) {
            long finding = services.findings().find("ICU-1", ControlFixtures.FIRST_CVE).orElseThrow().finding().id();
            services.findings().setStatus(finding, FindingStatus.MITIGATED, "Port blocked", TestSites.TECHNICIAN);
            MetricSnapshot january = services.metricSnapshots().takeNow(TestSites.TECHNICIAN);

            assertThat(january.kind()).isEqualTo(MetricSnapshot.ON_DEMAND);
            assertThat(january.from()).isEqualTo(LocalDate.of(2027, 1, 1));
            assertThat(january.to()).isEqualTo(LocalDate.of(2027, 1, 20));
            List<SnapshotPoint> site = services.metricSnapshots().series(MetricsService.OPEN_FINDINGS, null, 12);
            assertThat(site).extracting(SnapshotPoint::month).containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1));
            assertThat(site).extracting(SnapshotPoint::value).containsExactly(4.0, 3.0);
            assertThat(services.metricSnapshots().series(MetricsService.OPEN_FINDINGS, "icu", 12)).extracting(SnapshotPoint::value)
                    .containsExactly(2.0, 1.0);
            assertThat(services.metricSnapshots().series(MetricsService.OPEN_FINDINGS, null, 1)).extracting(SnapshotPoint::value)
                    .containsExactly(3.0);
            assertThat(services.metricSnapshots().previous(MetricsService.OPEN_FINDINGS, "NICU").orElseThrow().value()).isEqualTo(2.0);
            assertThat(services.metricSnapshots().previous(MetricsService.OPEN_FINDINGS, null).orElseThrow().snapshotId())
                    .isEqualTo(january.id());
            assertThatThrownBy(() -> services.metricSnapshots().series(MetricsService.OPEN_FINDINGS, null, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void snapshotsAuditedAndChangesDetected() {
        openOn(LocalDate.of(2027, 1, 5));
        try (Services services = TestSites.open(data, MetricsFixtures.clockOn(LocalDate.of(2027, 1, 5)))) {
            assertThat(services.auditVerifier().verify(ProgressMonitor.NONE).problems()).isEmpty();

            services.database().jdbi().useHandle(handle -> handle.execute("UPDATE metric_snapshot_value SET metric_value = 1"
                    + " WHERE metric_key = 'open_findings' AND department = ''"));

            List<AuditProblem> problems = services.auditVerifier().verify(ProgressMonitor.NONE).problems();
            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).recordType()).isEqualTo(MetricSnapshotService.RECORD_TYPE);
            assertThat(problems.get(0).field()).isEqualTo("values_sha256");
        }
    }

    @Test
    void onDemandTakenByActor() {
        try (Services services = TestSites.open(data)) {
            MetricSnapshot snapshot = services.metricSnapshots().takeNow(new Actor("jtech"));

            assertThat(snapshot.takenBy()).isEqualTo("jtech");
            assertThat(snapshot.month()).isEqualTo(LocalDate.of(2026, 12, 1));
            assertThat(services.auditVerifier().verify(ProgressMonitor.NONE).problems()).isEmpty();
        }
    }
}
