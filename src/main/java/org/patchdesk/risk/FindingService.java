package org.patchdesk.risk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.intel.VulnerabilityDao;
import org.patchdesk.intel.feeds.CveIds;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.risk.ssvc.Automatable;
import org.patchdesk.risk.ssvc.SsvcTables;
import org.patchdesk.risk.ssvc.SystemExposure;

/**
 * The worklist of findings: paged and grouped queries, explanations, and the changes a person
 * makes to a finding (its status, a confirmed version review, exposure and automatable overrides)
 * or to a vulnerability (exploitation marks). Every change is audited and rescored at once.
 */
public final class FindingService {

    public static final String RECORD_TYPE = "finding";
    public static final String VULNERABILITY_RECORD = "vulnerability";

    /** The columns of the findings CSV, in order. */
    public static final List<String> CSV_HEADERS = List.of("Asset Tag", "Manufacturer", "Model", "Department", "CVE", "CVSS Version",
            "CVSS Score", "EPSS", "EPSS Percentile", "KEV", "KEV Due Date", "Exploitation", "System Exposure", "Automatable",
            "Human Impact", "Decision", "Priority", "Due Date", "Overdue", "Status", "Review", "First Found", "Status Note", "Status Changed By",
            "Status Changed On");

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final SsvcTables tables;
    private final SettingsService settings;
    private final Clock clock;

    public FindingService(Jdbi jdbi, AuditLog auditLog, SsvcTables tables, SettingsService settings, Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.tables = tables;
        this.settings = settings;
        this.clock = clock;
    }

    /** One page of the worklist and the number of rows all pages hold. */
    public record Page(List<WorklistRow> rows, int total) {
    }

    public Page worklist(WorklistQuery query, int offset, int limit) {
        LocalDate today = LocalDate.now(clock);
        WorklistSql sql = WorklistSql.of(query, today);
        return jdbi.withHandle(handle -> new Page(sql.rows(handle, offset, limit).map(rowMapper()).list(),
                sql.count(handle).mapTo(Integer.class).one()));
    }

    /** Returns one page of the findings that match the query, in worklist order, without counting them. */
    public List<WorklistRow> page(WorklistQuery query, int offset, int limit) {
        WorklistSql sql = WorklistSql.of(query, LocalDate.now(clock));
        return jdbi.withHandle(handle -> sql.rows(handle, offset, limit).map(rowMapper()).list());
    }

    /**
     * Counts the findings that match the query. On a large site a filtered count reads every
     * finding, so screens show the page first and the count when it is known.
     */
    public int count(WorklistQuery query) {
        WorklistSql sql = WorklistSql.of(query, LocalDate.now(clock));
        return jdbi.withHandle(handle -> sql.count(handle).mapTo(Integer.class).one());
    }

    public List<WorklistGroup> groups(WorklistQuery query, Grouping grouping) {
        LocalDate today = LocalDate.now(clock);
        WorklistSql sql = WorklistSql.of(query.inGroup(null, null), today);
        return jdbi.withHandle(handle -> sql.groups(handle, grouping, today)
                .map((rs, ctx) -> new WorklistGroup(rs.getString("group_key"), rs.getString("group_label"), rs.getInt("findings"),
                        rs.getInt("overdue"), decisionWord(rs.getInt("top_rank")), rs.getDouble("top_priority")))
                .list());
    }

    /**
     * Returns how many product and operating-system matches wait for a user's decision. Their
     * findings do not exist until a match is accepted.
     */
    public int matchesAwaitingDecision() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT (SELECT COUNT(*) FROM product_match WHERE decision = 'proposed')"
                        + " + (SELECT COUNT(*) FROM os_match WHERE decision = 'proposed')")
                .mapTo(Integer.class)
                .one());
    }

    /** Returns the departments of devices that have findings, for the worklist's filter. */
    public List<String> departments() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT DISTINCT d.department FROM device d WHERE d.department IS NOT NULL"
                        + " AND EXISTS (SELECT 1 FROM finding f WHERE f.device_id = d.id) ORDER BY d.department")
                .mapTo(String.class)
                .list());
    }

    /** Returns every finding of a device, of any status, most urgent first. */
    public List<WorklistRow> forDevice(long deviceId) {
        return jdbi.withHandle(handle -> handle.createQuery(WorklistSql.ROW_COLUMNS + WorklistSql.FROM + " WHERE f.device_id = :id"
                        + WorklistSql.ORDER)
                .bind("id", deviceId)
                .map(rowMapper())
                .list());
    }

    /**
     * Finds the finding of one CVE on the device with the asset tag.
     *
     * @throws IllegalArgumentException when the CVE id is not one
     */
    public Optional<WorklistRow> find(String assetTag, String cveId) {
        String cve = CveIds.normalize(cveId);
        if (cve == null) {
            throw new IllegalArgumentException(CveIds.invalid(cveId == null ? "" : cveId.strip()));
        }
        return jdbi.withHandle(handle -> handle.createQuery(WorklistSql.ROW_COLUMNS + WorklistSql.FROM
                        + " WHERE d.asset_tag_key = :tag AND f.cve_id = :cve")
                .bind("tag", DeviceValues.assetTagKey(assetTag))
                .bind("cve", cve)
                .map(rowMapper())
                .findOne());
    }

    public Optional<WorklistRow> find(long findingId) {
        return jdbi.withHandle(handle -> findRow(handle, findingId));
    }

    private static Optional<WorklistRow> findRow(Handle handle, long findingId) {
        return handle.createQuery(WorklistSql.ROW_COLUMNS + WorklistSql.FROM + " WHERE f.id = :id")
                .bind("id", findingId)
                .map(rowMapper())
                .findOne();
    }

    public Explanation explain(long findingId) {
        LocalDate today = LocalDate.now(clock);
        ScoringSettings current = settings.current();
        return jdbi.withHandle(handle -> {
            WorklistRow row = findRow(handle, findingId).orElseThrow(() -> new IllegalArgumentException("No finding has number " + findingId));
            return new Explainer(tables).explain(handle, row.finding(), current, today);
        });
    }

    /**
     * Sets a finding's status. Not affected, risk accepted and mitigated need a note with the reason, and
     * withdrawn is set only by PatchDesk when a source stops naming the device.
     *
     * @throws IllegalArgumentException when the note is missing or the status cannot be set by hand
     */
    public WorklistRow setStatus(long findingId, FindingStatus status, String note, Actor actor) {
        return jdbi.inTransaction(handle -> setStatus(handle, findingId, status, note, actor));
    }

    /**
     * Sets a finding's status inside the caller's transaction, with the same checks and audit entry
     * as {@link #setStatus(long, FindingStatus, String, Actor)}. Other features that close findings,
     * such as the patch log, go through it.
     */
    public WorklistRow setStatus(Handle handle, long findingId, FindingStatus status, String note, Actor actor) {
        if (status == FindingStatus.WITHDRAWN) {
            throw new IllegalArgumentException("Findings are withdrawn only when their source stops naming the device");
        }
        boolean needsNote = status == FindingStatus.NOT_AFFECTED || status == FindingStatus.RISK_ACCEPTED
                || status == FindingStatus.MITIGATED;
        if (needsNote && (note == null || note.isBlank())) {
            throw new IllegalArgumentException("Setting a finding to " + status.word() + " needs a justification");
        }
        Instant now = clock.instant();
        WorklistRow before = findRow(handle, findingId)
                .orElseThrow(() -> new IllegalArgumentException("No finding has number " + findingId));
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        handle.createUpdate("UPDATE finding SET status = :status, status_note = :note, status_changed_at = :at,"
                        + " status_changed_by = :by WHERE id = :id")
                .bind("status", status.stored())
                .bind("note", cleanNote)
                .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .bind("by", actor.name())
                .bind("id", findingId)
                .execute();
        Map<String, String> oldValues = new LinkedHashMap<>();
        oldValues.put("status", before.finding().status());
        oldValues.put("status_note", before.finding().statusNote());
        Map<String, String> newValues = new LinkedHashMap<>();
        newValues.put("status", status.stored());
        newValues.put("status_note", cleanNote);
        // An installed update settles whether the vulnerability applied, so a pending version review ends with it.
        if (status == FindingStatus.PATCHED && !ReviewFlag.NONE.stored().equals(before.finding().review())) {
            handle.createUpdate("UPDATE finding SET review = :none WHERE id = :id")
                    .bind("none", ReviewFlag.NONE.stored())
                    .bind("id", findingId)
                    .execute();
            oldValues.put("review", before.finding().review());
            newValues.put("review", ReviewFlag.NONE.stored());
        }
        audit(handle, before, oldValues, newValues, "Finding set to " + status.word(), actor, now);
        return findRow(handle, findingId).orElseThrow();
    }

    /**
     * Reopens a finding inside the caller's transaction and restarts its due-date clock from today,
     * as when the risk acceptance that held it ends. The status change and the restart are audited,
     * and the finding is rescored, so that its due date counts from today.
     */
    public WorklistRow reopen(Handle handle, long findingId, String note, Actor actor) {
        WorklistRow before = setStatus(handle, findingId, FindingStatus.OPEN, note, actor);
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        handle.createUpdate("UPDATE finding SET clock_started_on = :today, decision_rank = 0 WHERE id = :id")
                .bind("today", today)
                .bind("id", findingId)
                .execute();
        audit(handle, before, Map.of("clock_started_on", before.finding().clockStartedOn().toString()),
                Map.of("clock_started_on", today.toString()), "Restarted the finding's due-date clock", actor, now);
        new Rescorer(tables).rescore(handle, Rescorer.Target.finding(findingId), settings.current(), today,
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC), ProgressMonitor.NONE);
        return findRow(handle, findingId).orElseThrow();
    }

    /** Confirms that a finding flagged "version needs review" applies to its device. */
    public WorklistRow confirmApplies(long findingId, Actor actor) {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            WorklistRow before = findRow(handle, findingId)
                    .orElseThrow(() -> new IllegalArgumentException("No finding has number " + findingId));
            handle.createUpdate("UPDATE finding SET review = 'none', applicability = 'confirmed' WHERE id = :id")
                    .bind("id", findingId)
                    .execute();
            audit(handle, before, Map.of("review", before.finding().review()), Map.of("review", ReviewFlag.NONE.stored()),
                    "Confirmed the finding applies to the device's version", actor, now);
            return findRow(handle, findingId).orElseThrow();
        });
    }

    /** Sets or clears (null) the finding's system exposure and automatable overrides, and rescores it. */
    public WorklistRow setOverrides(long findingId, SystemExposure exposure, Automatable automatable, Actor actor) {
        Instant now = clock.instant();
        ScoringSettings current = settings.current();
        return jdbi.inTransaction(handle -> {
            WorklistRow before = findRow(handle, findingId)
                    .orElseThrow(() -> new IllegalArgumentException("No finding has number " + findingId));
            handle.createUpdate("UPDATE finding SET exposure_override = :exposure, automatable_override = :automatable WHERE id = :id")
                    .bind("exposure", exposure == null ? null : exposure.word())
                    .bind("automatable", automatable == null ? null : automatable.word())
                    .bind("id", findingId)
                    .execute();
            Map<String, String> oldValues = new LinkedHashMap<>();
            oldValues.put("exposure_override", before.finding().exposureOverride());
            oldValues.put("automatable_override", before.finding().automatableOverride());
            Map<String, String> newValues = new LinkedHashMap<>();
            newValues.put("exposure_override", exposure == null ? null : exposure.word());
            newValues.put("automatable_override", automatable == null ? null : automatable.word());
            audit(handle, before, oldValues, newValues, "Changed the finding's SSVC overrides", actor, now);
            new Rescorer(tables).rescore(handle, Rescorer.Target.finding(findingId), current, LocalDate.now(clock),
                    OffsetDateTime.ofInstant(now, ZoneOffset.UTC), ProgressMonitor.NONE);
            return findRow(handle, findingId).orElseThrow();
        });
    }

    /**
     * Marks a vulnerability as exploited in the wild or as having public exploit code, for sources
     * that state it only in free text, and rescores its findings.
     */
    public void markVulnerability(String cveId, boolean exploited, boolean publicPoc, Actor actor) {
        Instant now = clock.instant();
        ScoringSettings current = settings.current();
        jdbi.useTransaction(handle -> {
            VulnerabilityDao dao = handle.attach(VulnerabilityDao.class);
            var before = dao.find(cveId).orElseThrow(() -> new IllegalArgumentException("No vulnerability " + cveId + " is known"));
            OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
            dao.mark(cveId, exploited, publicPoc, actor.name(), at);
            auditLog.append(handle, new AuditEntry(null, now, actor.name(), AuditAction.UPDATE, VULNERABILITY_RECORD, null, cveId, null,
                    Map.of("exploited_mark", Boolean.toString(before.exploitedMark()), "poc_mark", Boolean.toString(before.pocMark())),
                    Map.of("exploited_mark", Boolean.toString(exploited), "poc_mark", Boolean.toString(publicPoc)),
                    "Changed the exploitation marks of " + cveId));
            new Rescorer(tables).rescore(handle, Rescorer.Target.cve(cveId), current, LocalDate.now(clock), at, ProgressMonitor.NONE);
        });
    }

    /** Returns a vulnerability's exploitation marks: exploited in the wild, and public exploit code. */
    public boolean[] marks(String cveId) {
        return jdbi.withExtension(VulnerabilityDao.class, dao -> dao.find(cveId)
                .map(v -> new boolean[] {v.exploitedMark(), v.pocMark()})
                .orElse(new boolean[] {false, false}));
    }

    /**
     * Writes the findings the query selects as CSV, in worklist order, with ISO dates. The writer's
     * encoding is the caller's choice (UTF-8 for files); it is flushed, not closed.
     */
    public int writeCsv(WorklistQuery query, Writer out) throws IOException {
        LocalDate today = LocalDate.now(clock);
        WorklistSql sql = WorklistSql.of(query, today);
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
        printer.printRecord(CSV_HEADERS);
        int written;
        try {
            written = jdbi.withHandle(handle -> {
                int count = 0;
                try (var rows = sql.all(handle).map(rowMapper()).iterator()) {
                    while (rows.hasNext()) {
                        printer.printRecord(csvValues(rows.next(), today));
                        count++;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return count;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        printer.flush();
        return written;
    }

    static List<String> csvValues(WorklistRow row, LocalDate today) {
        Finding f = row.finding();
        return java.util.Arrays.asList(row.assetTag(), orEmpty(row.manufacturer()), orEmpty(row.model()), orEmpty(row.department()),
                f.cveId(), orEmpty(f.cvssVersion()), f.cvssScore() == null ? "" : f.cvssScore().toPlainString(),
                f.epss() == null ? "" : decimal(f.epss()), f.epssPercentile() == null ? "" : decimal(f.epssPercentile()), f.kevWord(),
                f.kevDueDate() == null ? "" : f.kevDueDate().toString(), orEmpty(f.exploitation()), orEmpty(f.exposure()),
                orEmpty(f.automatable()), orEmpty(f.humanImpact()), orEmpty(f.decision()), String.format(Locale.US, "%.2f", f.priority()),
                f.dueDate() == null ? "" : f.dueDate().toString(), f.overdue(today) ? "yes" : "no", f.statusValue().word(),
                f.reviewValue().word(), f.firstFoundAt().toLocalDate().toString(), orEmpty(f.statusNote()), orEmpty(f.statusChangedBy()),
                f.statusChangedAt() == null ? "" : f.statusChangedAt().toLocalDate().toString());
    }

    private static String decimal(double value) {
        return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private void audit(Handle handle, WorklistRow row, Map<String, String> oldValues, Map<String, String> newValues, String summary,
                       Actor actor, Instant now) {
        auditLog.append(handle, new AuditEntry(null, now, actor.name(), AuditAction.UPDATE, RECORD_TYPE, row.finding().id(),
                row.assetTag() + " " + row.finding().cveId(), null, oldValues, newValues, summary));
    }

    static String decisionWord(int rank) {
        return switch (rank) {
            case 4 -> "immediate";
            case 3 -> "out-of-cycle";
            case 2 -> "scheduled";
            case 1 -> "defer";
            default -> "";
        };
    }

    static RowMapper<WorklistRow> rowMapper() {
        RowMapper<Finding> findings = ConstructorMapper.of(Finding.class);
        return (rs, ctx) -> new WorklistRow(findings.map(rs, ctx), rs.getString("asset_tag"), rs.getString("manufacturer_name"),
                rs.getString("device_model"), rs.getString("device_department"), rs.getString("device_type_name"),
                rs.getString("vulnerability_title"));
    }
}
