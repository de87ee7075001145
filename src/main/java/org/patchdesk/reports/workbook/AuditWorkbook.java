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
import org.patchdesk.audit.AuditVerification;
import org.patchdesk.audit.AuditVerifier;
import org.patchdesk.governance.MetricsQuery;
import org.patchdesk.governance.MetricsService;
import org.patchdesk.audit.ChainHead;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.intel.FeedKind;
import org.patchdesk.planning.OsSupport;
import org.patchdesk.planning.OsSupportService;
import org.patchdesk.tabular.XlsxTableWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the audit workbook (.xlsx) for auditors: a Summary, then Inventory, Findings, Patch log,
 * Patch decisions, Patch windows, Vendor validations, Compensating controls, Risk acceptances,
 * Feed imports, End-of-support dates, Audit trail and Control mapping. The Summary states the
 * result of the audit trail check that 'audit verify' runs, made when the workbook is written.
 * Every sheet is read in one repeatable-read transaction, so the sheets and their counts agree,
 * and streamed row by row into the workbook, so memory does not grow with the site.
 * The file is replaced only when the whole workbook was written.
 */
public final class AuditWorkbook {

    /** The sheets of the workbook in order, before numbered sheets that continue one past Excel's row limit. */
    public static final List<String> SHEETS = List.of(SummarySheet.NAME, RecordSheets.INVENTORY, RecordSheets.FINDINGS,
            RecordSheets.PATCH_LOG, EvidenceSheets.PATCH_DECISIONS, RecordSheets.PATCH_WINDOWS, RecordSheets.VENDOR_VALIDATIONS,
            RecordSheets.CONTROLS, RecordSheets.ACCEPTANCES, EvidenceSheets.FEED_IMPORTS, EvidenceSheets.SUPPORT_DATES,
            RecordSheets.AUDIT_TRAIL, ControlMapping.SHEET);

    private static final Logger log = LoggerFactory.getLogger(AuditWorkbook.class);

    private final Jdbi jdbi;
    private final AuditChain chain;
    private final AuditVerifier verifier;
    private final OsSupportService osSupport;
    private final MetricsService metrics;
    private final Clock clock;

    public AuditWorkbook(Jdbi jdbi, AuditChain chain, AuditVerifier verifier, OsSupportService osSupport, MetricsService metrics,
                         Clock clock) {
        this.jdbi = jdbi;
        this.chain = chain;
        this.verifier = verifier;
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
        AuditVerification check = checkTrail(verifier, monitor, SHEETS.size(), "workbook");
        ChainHead head = chain.head();
        try (XlsxTableWriter writer = new XlsxTableWriter(target)) {
            SheetWriter out = new SheetWriter(writer, monitor, zone, SHEETS.size());
            Written written = jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ,
                    handle -> writeSheets(handle, out, range, today));
            SummarySheet.write(writer, new SummarySheet.Header(request, range, generatedAt, zone, head, check), written.feeds(),
                    written.sheets());
            monitor.checkCancelled();
            monitor.progress(SHEETS.size(), SHEETS.size(), "Saving " + target.getFileName());
            writer.finish();
            return new WorkbookResult(target, written.sheets(), head, check);
        }
    }

    /**
     * Runs the check of 'audit verify' for a report and logs how long it took. Its progress shows
     * as the first of {@code steps} steps of the report; cancelling the report cancels it.
     */
    public static AuditVerification checkTrail(AuditVerifier verifier, ProgressMonitor monitor, int steps, String report) {
        long started = System.nanoTime();
        AuditVerification check = verifier.verify(new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                monitor.progress(0, steps, message);
            }

            @Override
            public boolean isCancelled() {
                return monitor.isCancelled();
            }
        });
        log.info("The audit trail check for the {} took {} ms over {} entries: {}", report, (System.nanoTime() - started) / 1_000_000,
                check.databaseHead().entryCount(), check.outcome());
        return check;
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
        List<OsSupport> osEntries = osSupport.list();
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            RecordSheets.Tally tally = RecordSheets.tally(handle, range, SupportStatus.load(handle, osEntries, today));
            ControlMapping.Counts counts = new ControlMapping.Counts(tally.rows(), tally.openFindings(), tally.activeAcceptances(),
                    EvidenceSheets.feedImports(handle, range, ControlMapping.FEEDS),
                    EvidenceSheets.feedImports(handle, range, ControlMapping.DISCLOSURES), tally.unsupportedDevices(), controlTypes(handle));
            return ControlMapping.rows(counts).stream()
                    .map(row -> new ControlEvidence(row.control().framework(), row.control().id(), row.control().title(), row.description(),
                            row.sheet(), row.filter().describe(), row.records()))
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
        RecordSheets records = new RecordSheets(handle, out, range, today, SupportStatus.load(handle, osSupport.list(), today));
        EvidenceSheets evidence = new EvidenceSheets(handle, out, range, today);
        Map<String, WorkbookResult.SheetCount> sheets = new LinkedHashMap<>();
        long[] subsets = new long[3];
        counted(out, sheets, () -> subsets[2] = records.inventory());
        counted(out, sheets, () -> subsets[0] = records.findings());
        counted(out, sheets, records::patchLog);
        counted(out, sheets, evidence::patchDecisions);
        counted(out, sheets, records::patchWindows);
        counted(out, sheets, records::vendorValidations);
        counted(out, sheets, records::controls);
        counted(out, sheets, () -> subsets[1] = records.acceptances());
        counted(out, sheets, evidence::feedImports);
        counted(out, sheets, evidence::supportDates);
        counted(out, sheets, records::auditTrail);

        Map<String, Long> rows = new LinkedHashMap<>();
        sheets.values().forEach(count -> rows.put(count.sheet(), count.rows()));
        ControlMapping.Counts counts = new ControlMapping.Counts(rows, subsets[0], subsets[1],
                EvidenceSheets.feedImports(handle, range, ControlMapping.FEEDS),
                EvidenceSheets.feedImports(handle, range, ControlMapping.DISCLOSURES), subsets[2], controlTypes(handle));
        counted(out, sheets, () -> {
            out.start(ControlMapping.SHEET, ControlMapping.HEADERS);
            out.writer().fixColumnWidths(ControlMapping.WIDTHS);
            for (ControlMapping.Evidence row : ControlMapping.rows(counts)) {
                out.add(List.of(row.control().framework(), row.control().id(), row.control().title(), row.description(), row.sheet(),
                        row.filter().describe(), row.records()));
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
