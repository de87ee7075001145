package org.patchdesk.reports.workbook;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.patchdesk.audit.AuditChain;
import org.patchdesk.governance.MetricsQuery;
import org.patchdesk.governance.MetricsService;
import org.patchdesk.audit.ChainHead;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.intel.FeedKind;
import org.patchdesk.planning.OsSupport;
import org.patchdesk.planning.OsSupportService;
import org.patchdesk.tabular.XlsxTableWriter;

/**
 * Writes the audit workbook (.xlsx) for auditors: a Summary, then Inventory, Findings, Patch log,
 * Patch windows, Vendor validations, Compensating controls, Risk acceptances, Audit trail and
 * Control mapping. Every sheet is read in one repeatable-read transaction, so the sheets and their
 * counts agree, and streamed row by row into the workbook, so memory does not grow with the site.
 * The file is replaced only when the whole workbook was written.
 */
public final class AuditWorkbook {

    /** The sheets of the workbook in order, before numbered sheets that continue one past Excel's row limit. */
    public static final List<String> SHEETS = List.of(SummarySheet.NAME, RecordSheets.INVENTORY, RecordSheets.FINDINGS,
            RecordSheets.PATCH_LOG, RecordSheets.PATCH_WINDOWS, RecordSheets.VENDOR_VALIDATIONS, RecordSheets.CONTROLS,
            RecordSheets.ACCEPTANCES, RecordSheets.AUDIT_TRAIL, ControlMapping.SHEET);

    private final Jdbi jdbi;
    private final AuditChain chain;
    private final OsSupportService osSupport;
    private final MetricsService metrics;
    private final Clock clock;

    public AuditWorkbook(Jdbi jdbi, AuditChain chain, OsSupportService osSupport, MetricsService metrics, Clock clock) {
        this.jdbi = jdbi;
        this.chain = chain;
        this.osSupport = osSupport;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Writes the workbook to {@code target}, replacing it.
     *
     * @throws IllegalArgumentException when the range starts after its last day, which defaults to today
     * @throws org.patchdesk.common.OperationCancelledException when cancelled; no file is written
     */
    public WorkbookResult write(WorkbookRequest request, Path target, ProgressMonitor monitor) throws IOException {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        WorkbookRange range = new WorkbookRange(request.from(), request.to() == null ? today : request.to(), zone);
        if (range.from() != null && range.from().isAfter(range.to())) {
            throw new IllegalArgumentException("The range starts on " + range.from() + ", after its last day " + range.to()
                    + (request.to() == null ? " (today)" : "") + "; choose a first day on or before the last day");
        }
        if (request.metrics().isEmpty()) {
            monitor.progress(0, SHEETS.size(), "Computing the governance metrics");
            request = request.withMetrics(MetricRows.of(metrics.compute(new MetricsQuery(range.from() == null ? firstRecordDay(today)
                    : range.from(), range.to(), null))));
        }
        LocalDateTime generatedAt = LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.SECONDS);
        ChainHead head = chain.head();
        try (XlsxTableWriter writer = new XlsxTableWriter(target)) {
            SheetWriter out = new SheetWriter(writer, monitor, zone, SHEETS.size());
            Written written = jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ,
                    handle -> writeSheets(handle, out, range, today));
            SummarySheet.write(writer, new SummarySheet.Header(request, range, generatedAt, zone, head), written.feeds(),
                    written.sheets());
            monitor.checkCancelled();
            monitor.progress(SHEETS.size(), SHEETS.size(), "Saving " + target.getFileName());
            writer.finish();
            return new WorkbookResult(target, written.sheets(), head);
        }
    }

    /**
     * Returns the rows of the Control mapping sheet for a workbook of the range, counted without
     * writing one: each control or subcategory, the records that evidence it, the sheet that
     * lists them and how many the sheet would hold.
     *
     * @param from the first day, or null for no lower bound
     * @param to   the last day
     */
    public List<ControlEvidence> controlMapping(LocalDate from, LocalDate to) {
        WorkbookRange range = new WorkbookRange(from, to, clock.getZone());
        LocalDate today = LocalDate.now(clock);
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            RecordSheets.Tally tally = RecordSheets.tally(handle, range);
            ControlMapping.Counts counts = new ControlMapping.Counts(tally.rows(), tally.openFindings(), tally.activeAcceptances(),
                    feedImports(handle, range, false), feedImports(handle, range, true), lifecycleRecords(handle),
                    unsupportedDevices(handle, today), controlTypes(handle));
            return ControlMapping.rows(counts).stream()
                    .map(row -> new ControlEvidence(row.control().framework(), row.control().id(), row.control().title(), row.description(),
                            row.sheet(), row.records()))
                    .toList();
        });
    }

    /** Returns the day the first device was recorded, the start of a range "from the first record", or today without devices. */
    private LocalDate firstRecordDay(LocalDate today) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT MIN(created_at) FROM device")
                .mapTo(java.time.OffsetDateTime.class)
                .findOne()
                .map(first -> first.atZoneSameInstant(clock.getZone()).toLocalDate())
                .filter(first -> first.isBefore(today))
                .orElse(today));
    }

    /** The sheets written in the transaction, and the newest feed imports for the Summary. */
    private record Written(List<WorkbookResult.SheetCount> sheets, List<SummarySheet.FeedImport> feeds) {
    }

    private Written writeSheets(Handle handle, SheetWriter out, WorkbookRange range, LocalDate today) {
        RecordSheets records = new RecordSheets(handle, out, range, today);
        Map<String, WorkbookResult.SheetCount> sheets = new LinkedHashMap<>();
        long[] subsets = new long[2];
        counted(out, sheets, records::inventory);
        counted(out, sheets, () -> subsets[0] = records.findings());
        counted(out, sheets, records::patchLog);
        counted(out, sheets, records::patchWindows);
        counted(out, sheets, records::vendorValidations);
        counted(out, sheets, records::controls);
        counted(out, sheets, () -> subsets[1] = records.acceptances());
        counted(out, sheets, records::auditTrail);

        Map<String, Long> rows = new LinkedHashMap<>();
        sheets.values().forEach(count -> rows.put(count.sheet(), count.rows()));
        ControlMapping.Counts counts = new ControlMapping.Counts(rows, subsets[0], subsets[1], feedImports(handle, range, false),
                feedImports(handle, range, true), lifecycleRecords(handle), unsupportedDevices(handle, today), controlTypes(handle));
        counted(out, sheets, () -> {
            out.start(ControlMapping.SHEET, ControlMapping.HEADERS);
            for (ControlMapping.Evidence evidence : ControlMapping.rows(counts)) {
                out.add(List.of(evidence.control().framework(), evidence.control().id(), evidence.control().title(),
                        evidence.description(), evidence.sheet(), evidence.records()));
            }
        });
        return new Written(List.copyOf(sheets.values()), newestImports(handle, out));
    }

    /** Runs the writing of one sheet and records its rows and the numbered sheets it continued on. */
    private static void counted(SheetWriter out, Map<String, WorkbookResult.SheetCount> sheets, Runnable write) {
        XlsxTableWriter writer = out.writer();
        int before = writer.sheetNames().size();
        write.run();
        List<String> names = writer.sheetNames();
        String sheet = names.get(before);
        sheets.put(sheet, new WorkbookResult.SheetCount(sheet, writer.rowsInSheet(), List.copyOf(names.subList(before + 1, names.size()))));
    }

    /** Counts the feed imports within the range: KEV, EPSS, CSAF and CVE files, or the disclosures (CSAF, CVE and entries by hand). */
    private static long feedImports(Handle handle, WorkbookRange range, boolean disclosures) {
        List<String> feeds = disclosures ? List.of(FeedKind.CSAF.word(), FeedKind.CVE.word(), FeedKind.MANUAL.word())
                : List.of(FeedKind.KEV.word(), FeedKind.EPSS.word(), FeedKind.CSAF.word(), FeedKind.CVE.word());
        return handle.createQuery("SELECT COUNT(*) FROM feed_import WHERE feed IN (<feeds>) AND imported_at >= :from AND imported_at < :to")
                .bindList("feeds", feeds).bind("from", range.start()).bind("to", range.endExclusive()).mapTo(Long.class).one();
    }

    private static long lifecycleRecords(Handle handle) {
        return handle.createQuery("SELECT (SELECT COUNT(*) FROM product_support) + (SELECT COUNT(*) FROM os_support)")
                .mapTo(Long.class).one();
    }

    /**
     * Counts the devices not retired whose product is past its recorded end of support, or whose
     * operating system matches an entry past its end of support. Devices are grouped by their
     * operating system name, so each distinct name is matched once.
     */
    private long unsupportedDevices(Handle handle, LocalDate today) {
        List<OsSupport> entries = osSupport.list();
        long[] unsupported = new long[1];
        handle.createQuery("SELECT os_name, product_ended, COUNT(*) AS devices FROM (SELECT d.os_name,"
                        + " CASE WHEN ps.end_of_support < :today THEN TRUE ELSE FALSE END AS product_ended"
                        + " FROM device d LEFT JOIN product_support ps ON ps.product_id = d.product_id WHERE d.status <> 'RETIRED')"
                        + " GROUP BY os_name, product_ended")
                .bind("today", today)
                .map((rs, ctx) -> {
                    boolean ended = rs.getBoolean("product_ended") || OsSupportService.match(entries, rs.getString("os_name"))
                            .map(entry -> entry.stateOn(today) == OsSupport.State.UNSUPPORTED).orElse(false);
                    if (ended) {
                        unsupported[0] += rs.getLong("devices");
                    }
                    return ended;
                }).forEach(ignored -> { });
        return unsupported[0];
    }

    private static List<ControlMapping.TypeCount> controlTypes(Handle handle) {
        return handle.createQuery("SELECT ct.name, ct.nist_800_53, ct.csf_subcategories,"
                        + " (SELECT COUNT(*) FROM compensating_control c WHERE c.type_code = ct.code) AS controls"
                        + " FROM control_type ct ORDER BY ct.position")
                .map((rs, ctx) -> {
                    List<String> mapped = new ArrayList<>(ControlMapping.split(rs.getString("nist_800_53")));
                    mapped.addAll(ControlMapping.split(rs.getString("csf_subcategories")));
                    return new ControlMapping.TypeCount(rs.getString("name"), mapped, rs.getLong("controls"));
                }).list();
    }

    /** Returns the newest import of each feed file kind, for the Summary. */
    private static List<SummarySheet.FeedImport> newestImports(Handle handle, SheetWriter out) {
        List<SummarySheet.FeedImport> feeds = new ArrayList<>();
        for (FeedKind kind : List.of(FeedKind.KEV, FeedKind.EPSS, FeedKind.CSAF, FeedKind.CVE)) {
            SummarySheet.FeedImport newest = handle.createQuery("SELECT imported_at, feed_version, feed_date, file_name FROM feed_import"
                            + " WHERE feed = :feed ORDER BY id DESC LIMIT 1")
                    .bind("feed", kind.word())
                    .map((rs, ctx) -> new SummarySheet.FeedImport(kind.title(), out.time(rs, "imported_at"),
                            detail(rs.getString("file_name"), rs.getString("feed_version"), rs.getString("feed_date"))))
                    .findOne().orElse(new SummarySheet.FeedImport(kind.title(), null, null));
            feeds.add(newest);
        }
        return feeds;
    }

    private static String detail(String file, String version, String date) {
        List<String> parts = new ArrayList<>();
        if (file != null) {
            parts.add("file " + file);
        }
        if (version != null) {
            parts.add("version " + version);
        }
        if (date != null) {
            parts.add("dated " + date);
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }
}
