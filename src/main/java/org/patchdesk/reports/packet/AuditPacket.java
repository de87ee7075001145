package org.patchdesk.reports.packet;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.patchdesk.acceptance.AcceptanceState;
import org.patchdesk.acceptance.RiskAcceptance;
import org.patchdesk.acceptance.RiskAcceptancePdf;
import org.patchdesk.acceptance.RiskAcceptanceService;
import org.patchdesk.audit.AuditChain;
import org.patchdesk.audit.AuditVerification;
import org.patchdesk.audit.AuditVerifier;
import org.patchdesk.audit.ChainHead;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.governance.Metric;
import org.patchdesk.governance.MetricSnapshotService;
import org.patchdesk.governance.MetricsReport;
import org.patchdesk.governance.MetricsService;
import org.patchdesk.governance.SiteSettings;
import org.patchdesk.governance.SiteSettingsService;
import org.patchdesk.governance.SnapshotPoint;
import org.patchdesk.planning.PatchabilityService;
import org.patchdesk.reports.ReportDocument;
import org.patchdesk.reports.ReportDocument.Column;
import org.patchdesk.reports.ReportDocument.KeyValue;
import org.patchdesk.reports.ReportSite;
import org.patchdesk.reports.workbook.AuditWorkbook;
import org.patchdesk.reports.workbook.ControlEvidence;
import org.patchdesk.risk.FeedStatus;
import org.patchdesk.risk.FeedStatusService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the audit packet (PDF) for auditors and clinical leadership. It starts with a cover page
 * (site, range, author, audit chain head, and the result of the audit trail check that 'audit
 * verify' runs, made while the packet is written) and a table of contents. The sections follow: an
 * executive summary computed from the metrics, the metrics with definitions and charts, the
 * unpatchable devices with their controls, each active risk acceptance with its signature block,
 * the overdue findings, the patch log and patch decisions of the range, and the control mapping. Long lists print their first
 * {@value #ROW_LIMIT} rows and refer to the audit workbook for the rest.
 */
public final class AuditPacket {

    private static final Logger log = LoggerFactory.getLogger(AuditPacket.class);

    /** The maximum number of rows each list of the packet prints. */
    public static final int ROW_LIMIT = 100;

    public static final String SUMMARY = "Executive summary";
    public static final String METRICS = "Metrics";
    public static final String CHARTS = "Trends and departments";
    public static final String UNPATCHABLE = "Unpatchable devices and their controls";
    public static final String ACCEPTANCES = "Active risk acceptances";
    public static final String OVERDUE = "Overdue findings";
    public static final String PATCH_LOG = "Patch log";
    public static final String PATCH_DECISIONS = "Patch decisions";
    public static final String CONTROL_MAPPING = "Control mapping";
    /** The sections after the cover page and table of contents, in order. */
    public static final List<String> SECTIONS = List.of(SUMMARY, METRICS, CHARTS, UNPATCHABLE, ACCEPTANCES, OVERDUE, PATCH_LOG,
            PATCH_DECISIONS, CONTROL_MAPPING);

    /** Maximum number of audit trail problems the cover lists; the count names the rest. */
    static final int COVER_PROBLEMS = 5;

    /** The months the trend charts cover, this one included. */
    static final int TREND_MONTHS = 12;
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.US);

    private final Jdbi jdbi;
    private final AuditChain chain;
    private final AuditVerifier verifier;
    private final FeedStatusService feeds;
    private final MetricsService metrics;
    private final MetricSnapshotService snapshots;
    private final SiteSettingsService siteSettings;
    private final PatchabilityService patchability;
    private final RiskAcceptanceService acceptances;
    private final AuditWorkbook workbook;
    private final boolean demo;
    private final Clock clock;
    private final int rowLimit;

    /** @param demo true for the demo database, which every page marks as not a real record */
    public AuditPacket(Jdbi jdbi, AuditChain chain, AuditVerifier verifier, FeedStatusService feeds, MetricsService metrics,
                       MetricSnapshotService snapshots, SiteSettingsService siteSettings, PatchabilityService patchability,
                       RiskAcceptanceService acceptances, AuditWorkbook workbook, boolean demo, Clock clock) {
        this.jdbi = jdbi;
        this.chain = chain;
        this.verifier = verifier;
        this.feeds = feeds;
        this.metrics = metrics;
        this.snapshots = snapshots;
        this.siteSettings = siteSettings;
        this.patchability = patchability;
        this.acceptances = acceptances;
        this.workbook = workbook;
        this.demo = demo;
        this.clock = clock;
        this.rowLimit = ROW_LIMIT;
    }

    private AuditPacket(AuditPacket packet, int rowLimit) {
        this.jdbi = packet.jdbi;
        this.chain = packet.chain;
        this.verifier = packet.verifier;
        this.feeds = packet.feeds;
        this.metrics = packet.metrics;
        this.snapshots = packet.snapshots;
        this.siteSettings = packet.siteSettings;
        this.patchability = packet.patchability;
        this.acceptances = packet.acceptances;
        this.workbook = packet.workbook;
        this.demo = packet.demo;
        this.clock = packet.clock;
        this.rowLimit = rowLimit;
    }

    /** Returns a packet writer that prints at most {@code rows} rows of each list, for tests of the cut. */
    AuditPacket withRowLimit(int rows) {
        return new AuditPacket(this, rows);
    }

    /**
     * Writes the packet to {@code target}, replacing it only once the whole file is written.
     *
     * @throws IllegalArgumentException when the range starts after its last day, which defaults to today
     * @throws org.patchdesk.common.OperationCancelledException when cancelled; no file is written
     */
    public PacketResult write(PacketRequest request, Path target, ProgressMonitor monitor) throws IOException {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        LocalDate to = request.to() == null ? today : request.to();
        LocalDate from = request.from() == null ? firstRecordDay(today) : request.from();
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("The range starts on " + from + ", after its last day " + to
                    + (request.to() == null ? " (today)" : "") + "; choose a first day on or before the last day");
        }
        int steps = 7;
        AuditVerification check = AuditWorkbook.checkTrail(verifier, monitor, steps, "packet");
        ChainHead head = chain.head();
        SiteSettings site = siteSettings.current();
        String range = from + " to " + to;

        monitor.progress(0, steps, "Computing the governance metrics");
        Map<String, MetricsReport> reports = metrics.computeSiteAndDepartments(from, to);
        MetricsReport siteReport = reports.get("");
        monitor.checkCancelled();

        try (ReportDocument document = new ReportDocument(new ReportSite(site.name(), demo), "Audit packet, " + range)) {
            ZonedDateTime generatedAt = ZonedDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
            document.footerNote("Generated " + GENERATED.format(generatedAt) + " by " + request.generatedBy().name()
                    + "; audit chain " + entries(head.entryCount()) + ", check " + check.outcome());
            cover(document, site, range, request, generatedAt, head, check);
            summary(document, siteReport, feeds.statuses());
            metricsTable(document, siteReport);
            monitor.progress(1, steps, "Drawing the charts");
            charts(document, reports);
            monitor.checkCancelled();

            monitor.progress(2, steps, "Listing the unpatchable devices");
            OffsetDateTime start = from.atStartOfDay(zone).toInstant().atOffset(ZoneOffset.UTC);
            OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toInstant().atOffset(ZoneOffset.UTC);
            var devices = patchability.resolveAll();
            Lists lists = jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
                PacketData data = new PacketData(handle, today, zone, rowLimit);
                return new Lists(data.unpatchable(devices), data.overdueFindings(), data.patchLog(start, end),
                        data.patchDecisions(start, end));
            });
            unpatchable(document, lists.unpatchable(), siteReport);
            monitor.checkCancelled();

            monitor.progress(3, steps, "Adding the risk acceptances");
            acceptanceSection(document, zone);
            monitor.checkCancelled();

            monitor.progress(4, steps, "Listing overdue findings and the patch log");
            overdue(document, lists.overdue());
            patchLog(document, lists.patchLog(), range);
            patchDecisions(document, lists.decisions(), range);

            monitor.progress(5, steps, "Counting the control evidence");
            controlMapping(document, workbook.controlMapping(request.from(), to));
            monitor.checkCancelled();

            monitor.progress(6, steps, "Saving " + target.getFileName());
            List<ReportDocument.Section> sections = document.sections();
            int pages = document.pageCount();
            document.save(target);
            monitor.progress(steps, steps, "Saved " + target.getFileName());
            return new PacketResult(target, pages, sections, head, siteReport, check);
        }
    }

    /** The lists read in one transaction. */
    private record Lists(PacketTable unpatchable, PacketTable overdue, PacketTable patchLog, PacketTable decisions) {
    }

    /** Returns the day the first device was recorded, where a range "from the first record" starts, or today without devices. */
    private LocalDate firstRecordDay(LocalDate today) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT MIN(created_at) FROM device")
                .mapTo(OffsetDateTime.class)
                .findOne()
                .map(first -> first.atZoneSameInstant(clock.getZone()).toLocalDate())
                .filter(first -> first.isBefore(today))
                .orElse(today));
    }

    private void cover(ReportDocument document, SiteSettings site, String range, PacketRequest request, ZonedDateTime generatedAt,
                       ChainHead head, AuditVerification check) {
        BufferedImage logo = logo(site.logo());
        if (logo != null) {
            document.image(logo, 180, 90);
        }
        document.space(24);
        document.title("Audit packet");
        document.subheading(site.name());
        document.space(12);
        List<KeyValue> facts = new ArrayList<>();
        facts.add(KeyValue.of("Site", site.name().equals(SiteSettings.DEFAULT_NAME)
                ? site.name() + " (site name not set: an administrator sets it under Reports › Site name and logo…)" : site.name()));
        if (demo) {
            facts.add(KeyValue.of("Data", ReportSite.DEMO_MARK + ": made from the demo database, which holds fictional devices"));
        }
        facts.add(KeyValue.of("Range", range + ", both days included"
                + (request.from() == null ? "; the first day is the day the first device was recorded" : "")));
        facts.add(KeyValue.of("Generated by", request.author()));
        facts.add(KeyValue.of("Generated at", GENERATED.format(generatedAt)));
        facts.add(KeyValue.of("Audit chain entries", String.format(Locale.US, "%,d", head.entryCount())));
        facts.add(KeyValue.of("Audit chain head", head.hash()));
        facts.add(KeyValue.of("Audit trail check", check.intact()
                ? "passed: " + entries(check.databaseHead().entryCount())
                        + ", the anchor file and each record against its last audit entry"
                : check.outcome()));
        document.keyValues(facts);
        if (!check.intact()) {
            document.box(problemLines(check));
        }
        document.note("The audit chain head is the SHA-256 hash of the newest audit entry when the packet was made; 'patchdesk audit"
                + " verify' checks every entry up to it. The audit workbook for the same range holds the full lists this packet"
                + " shortens.");
        document.space(18);
        document.subheading("Contents");
        document.tableOfContents(SECTIONS);
    }

    /** Returns the lines of the box that lists the audit trail's problems: a heading, then at most {@value #COVER_PROBLEMS} problems. */
    static List<String> problemLines(AuditVerification check) {
        List<String> lines = new ArrayList<>();
        int problems = check.problems().size();
        lines.add(String.format(Locale.US, "Audit trail check FAILED: %s. Records changed outside PatchDesk appear in this packet"
                + " with their changed values.", ExecutiveSummary.plural(problems, "problem")));
        for (int i = 0; i < Math.min(COVER_PROBLEMS, problems); i++) {
            lines.add((i + 1) + ". " + check.problems().get(i).message());
        }
        if (problems > COVER_PROBLEMS) {
            lines.add(String.format(Locale.US, "%,d more; the audit workbook's Summary and 'patchdesk audit verify' list every"
                    + " problem.", problems - COVER_PROBLEMS));
        }
        return lines;
    }

    /** Reads the logo; a logo that cannot be read is left out with a warning, since the packet is still complete without it. */
    private static BufferedImage logo(Path file) {
        if (file == null) {
            return null;
        }
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                log.warn("The site logo {} is not a PNG or JPEG image; the packet is printed without it", file);
            }
            return image;
        } catch (IOException e) {
            log.warn("Reading the site logo {} failed; the packet is printed without it", file, e);
            return null;
        }
    }

    private static void summary(ReportDocument document, MetricsReport report, List<FeedStatus> feedStatuses) {
        document.section(SUMMARY, true);
        document.paragraph("For clinical leadership: the state of medical device patching at the site on " + report.asOf()
                + ", and the work of " + report.query().from() + " to " + report.query().to() + ".");
        for (ExecutiveSummary.Part part : new ExecutiveSummary(report, feedStatuses).parts()) {
            document.subheading(part.title());
            for (String sentence : part.sentences()) {
                document.paragraph("• " + sentence);
            }
        }
    }

    private static void metricsTable(ReportDocument document, MetricsReport report) {
        document.section(METRICS, true);
        document.paragraph("Site-wide metrics for " + report.query().from() + " to " + report.query().to() + "; counts of open"
                + " records describe " + report.asOf() + ". The patch window is " + report.patchWindowDays() + " days.");
        List<List<String>> rows = new ArrayList<>();
        for (Metric metric : report.metrics()) {
            rows.add(List.of(metric.label(), metric.display(), MetricDefinitions.of(metric.key())));
        }
        document.table(List.of(Column.text("Metric", 3.2f), Column.text("Value", 1.8f), Column.text("Definition", 4.5f)), rows);
    }

    private void charts(ReportDocument document, Map<String, MetricsReport> reports) {
        document.section(CHARTS, true);
        List<SnapshotPoint> patched = snapshots.series(MetricsService.PATCHED_WITHIN_WINDOW, null, TREND_MONTHS);
        List<SnapshotPoint> kev = snapshots.series(MetricsService.KEV_DEVICES, null, TREND_MONTHS);
        if (patched.isEmpty() && kev.isEmpty()) {
            document.paragraph("No snapshot history yet: PatchDesk stores the metrics once a month, on the first start in a new month"
                    + " or with 'patchdesk report snapshot', and the trend lines start with the first snapshot.");
        } else {
            document.paragraph("From the monthly metric snapshots of the last " + TREND_MONTHS + " months, the newest of each month."
                    + " A month without a snapshot is left out, and a month whose snapshot had nothing to measure has no point.");
            document.image(PacketCharts.trend("Devices patched within the window (%)", "%", patched, true),
                    PacketCharts.WIDTH, PacketCharts.HEIGHT);
            document.image(PacketCharts.trend("Devices with KEV-listed open findings", "devices", kev, false),
                    PacketCharts.WIDTH, PacketCharts.HEIGHT);
        }
        Map<String, Long> byDepartment = new LinkedHashMap<>();
        reports.forEach((department, report) -> {
            if (!department.isEmpty()) {
                byDepartment.put(department, Math.round(report.get(MetricsService.OPEN_FINDINGS).value()));
            }
        });
        if (byDepartment.isEmpty()) {
            document.paragraph("No department has a device in service, so there are no open findings by department.");
        } else if (byDepartment.values().stream().allMatch(count -> count == 0)) {
            document.paragraph("No department has an open finding on " + reports.get("").asOf() + ", so there is no chart of open"
                    + " findings by department.");
        } else {
            document.image(PacketCharts.bars("Open findings by department, " + reports.get("").asOf(), "findings", byDepartment),
                    PacketCharts.WIDTH, PacketCharts.HEIGHT);
            List<List<String>> rows = new ArrayList<>();
            byDepartment.forEach((department, count) -> rows.add(List.of(department, ExecutiveSummary.number(count))));
            document.table(List.of(Column.text("Department", 3), Column.text("Open findings", 1)), rows);
        }
    }

    private static void unpatchable(ReportDocument document, PacketTable table, MetricsReport report) {
        document.section(UNPATCHABLE, true);
        if (table.total() == 0) {
            document.paragraph("No device in service is unpatchable: every one has patches allowed and supported.");
            return;
        }
        long controlled = Math.round(report.get(MetricsService.UNPATCHABLE_CONTROLLED).value());
        long uncontrolled = Math.round(report.get(MetricsService.UNPATCHABLE_UNCONTROLLED).value());
        document.paragraph(String.format(Locale.US, "%s in service cannot be patched; %s %s a verified compensating control and %s"
                        + " %s not. Devices without a verified control are listed first.", ExecutiveSummary.plural(table.total(), "device"),
                ExecutiveSummary.number(controlled), controlled == 1 ? "has" : "have", ExecutiveSummary.number(uncontrolled),
                uncontrolled == 1 ? "does" : "do"));
        document.table(List.of(Column.text("Asset tag", 1.6f), Column.text("Device", 2.4f), Column.text("Department", 1.6f),
                Column.text("Patchability", 2f), Column.text("Compensating controls", 4f)), table.rows());
        more(document, table, "Inventory and Compensating controls");
    }

    private void acceptanceSection(ReportDocument document, ZoneId zone) {
        document.section(ACCEPTANCES, true);
        List<RiskAcceptance> active = acceptances.list(null).stream()
                .filter(acceptance -> acceptance.storedState() == AcceptanceState.ACTIVE)
                .sorted(java.util.Comparator.comparing(RiskAcceptance::endDate).thenComparing(RiskAcceptance::id))
                .toList();
        if (active.isEmpty()) {
            document.paragraph("No risk acceptance is active.");
            return;
        }
        document.paragraph(ExecutiveSummary.plural(active.size(), "risk acceptance") + (active.size() == 1 ? " is" : " are")
                + " active, each with its signatures and lines for the required signers still missing.");
        for (RiskAcceptance acceptance : active) {
            RiskAcceptancePdf.appendSummary(document, acceptances.form(acceptance.id()), zone);
            document.space(8);
        }
    }

    private static void overdue(ReportDocument document, PacketTable table) {
        document.section(OVERDUE, true);
        if (table.total() == 0) {
            document.paragraph("No open finding is past its due date.");
            return;
        }
        document.paragraph(ExecutiveSummary.plural(table.total(), "open finding") + (table.total() == 1 ? " is" : " are")
                + " past the due date, the most overdue first.");
        document.table(List.of(Column.text("Asset tag", 1.6f), Column.text("Department", 1.8f), Column.text("CVE", 1.8f),
                Column.text("Decision", 1.3f), Column.text("Due", 1.3f), Column.text("Days overdue", 1.1f), Column.text("KEV", 0.9f)),
                table.rows());
        more(document, table, "Findings");
    }

    private static void patchLog(ReportDocument document, PacketTable table, String range) {
        document.section(PATCH_LOG, true);
        if (table.total() == 0) {
            document.paragraph("No update was logged as performed from " + range + ".");
            return;
        }
        document.paragraph(ExecutiveSummary.plural(table.total(), "update") + " logged as performed from " + range + ", oldest first;"
                + " the last column counts the days from validation to the work.");
        document.table(List.of(Column.text("Asset tag", 1.5f), Column.text("Update", 2.6f), Column.text("Version after", 1.4f),
                Column.text("Performed", 1.3f), Column.text("By", 1.5f), Column.text("Outcome", 1.2f), Column.text("Days", 0.8f)),
                table.rows());
        more(document, table, "Patch log");
    }

    private static void patchDecisions(ReportDocument document, PacketTable table, String range) {
        document.section(PATCH_DECISIONS, true);
        if (table.total() == 0) {
            document.paragraph("No decision to deploy, defer or reject an update was made from " + range + ".");
            return;
        }
        document.paragraph(ExecutiveSummary.plural(table.total(), "decision") + " to deploy, defer or reject an update "
                + (table.total() == 1 ? "was" : "were") + " made from " + range + ", oldest first, each with who approved it.");
        document.table(List.of(Column.text("Decided", 1.2f), Column.text("Device or product", 2f), Column.text("Update", 1.8f),
                Column.text("Decision", 1f), Column.text("Approved by", 2.4f), Column.text("Rationale", 3f)), table.rows());
        more(document, table, "Patch decisions");
    }

    private static void controlMapping(ReportDocument document, List<ControlEvidence> rows) {
        document.section(CONTROL_MAPPING, true);
        document.paragraph("The NIST SP 800-53 Rev. 5 controls and NIST CSF 2.0 subcategories an audit of medical device patching"
                + " asks about, the records in PatchDesk that evidence each, and how many the audit workbook's sheet of the same range"
                + " holds.");
        List<List<String>> cells = new ArrayList<>();
        for (ControlEvidence row : rows) {
            String sheet = row.filter().equals("every row") ? row.sheet() : row.sheet() + ", where " + row.filter();
            cells.add(List.of(row.control(), row.title(), row.evidence(), sheet, String.format(Locale.US, "%,d", row.records())));
        }
        document.table(List.of(Column.text("Control", 1.1f), Column.text("Title", 2f), Column.text("Evidence in PatchDesk", 3.6f),
                Column.text("Workbook sheet and filter", 2.4f), Column.text("Records", 0.9f)), cells);
    }

    private static String entries(long count) {
        return count == 1 ? "1 entry" : String.format(Locale.US, "%,d entries", count);
    }

    private static void more(ReportDocument document, PacketTable table, String sheets) {
        if (table.left() > 0) {
            document.paragraph(String.format(Locale.US, "%,d more — see the audit workbook (%s).", table.left(), sheets));
        }
    }

}
