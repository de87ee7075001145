package org.patchdesk.risk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.common.BeforeImport;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.common.Sha256;
import org.patchdesk.intel.CsafImporter;
import org.patchdesk.intel.CveRecordImporter;
import org.patchdesk.intel.EpssStore;
import org.patchdesk.intel.FeedImport;
import org.patchdesk.intel.FeedImportDao;
import org.patchdesk.intel.FeedKind;
import org.patchdesk.intel.KevImporter;
import org.patchdesk.intel.ManualVulnerabilities;
import org.patchdesk.intel.MatchDao;
import org.patchdesk.intel.MatchDecision;
import org.patchdesk.intel.MatchService;
import org.patchdesk.intel.MatchView;
import org.patchdesk.intel.ProductNames;
import org.patchdesk.intel.feeds.CsafAdvisory;
import org.patchdesk.intel.feeds.CsafAdvisoryParser;
import org.patchdesk.intel.feeds.CveIds;
import org.patchdesk.intel.feeds.CveRecord;
import org.patchdesk.intel.feeds.CveRecordParser;
import org.patchdesk.intel.feeds.FeedFormatException;
import org.patchdesk.intel.feeds.KevCatalog;
import org.patchdesk.intel.feeds.KevCatalogParser;
import org.patchdesk.inventory.InventoryChangeListener;
import org.patchdesk.risk.ssvc.SsvcTables;

/**
 * Imports vulnerability feeds and keeps findings in step with them and with the inventory. Each
 * import parses its file first, so a file that is not what it claims changes nothing, then stores
 * it, refreshes the product matches and findings, and rescores in one transaction. Recomputed
 * scores are recorded as part of the import in one audit entry, not finding by finding.
 */
public final class IntelligenceService implements InventoryChangeListener {

    public static final String RECORD_TYPE = "feed_import";

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final MatchService matches;
    private final SsvcTables tables;
    private final SettingsService settings;
    private final Clock clock;
    private final BeforeImport beforeImport;
    private final FindingEngine engine = new FindingEngine();

    public IntelligenceService(Jdbi jdbi, AuditLog auditLog, MatchService matches, SsvcTables tables, SettingsService settings,
                               Clock clock) {
        this(jdbi, auditLog, matches, tables, settings, clock, BeforeImport.NONE);
    }

    /** Creates the service with work, such as a backup, that runs before each feed import changes the database. */
    public IntelligenceService(Jdbi jdbi, AuditLog auditLog, MatchService matches, SsvcTables tables, SettingsService settings,
                               Clock clock, BeforeImport beforeImport) {
        this.beforeImport = beforeImport;
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.matches = matches;
        this.tables = tables;
        this.settings = settings;
        this.clock = clock;
    }

    /** The effect of an import on findings: the refresh counts and the rescore counts. */
    public record FindingChanges(FindingEngine.Counts refresh, Rescorer.Counts rescore) {

        public String describe() {
            return String.format(Locale.US, "findings: %,d new, %,d reopened, %,d withdrawn, %,d not affected; %,d rescored, %,d changed",
                    refresh.added(), refresh.reopened(), refresh.withdrawn(), refresh.notAffected(), rescore.scored(), rescore.changed());
        }
    }

    /**
     * The result of a vulnerability entered by hand: the normalized CVE id, what was stored and the
     * findings it changed. The counts give the inventory products that match the manufacturer and
     * model (applying, and waiting for review), the in-service devices of the applying products,
     * and the devices among them that the vulnerability affects.
     */
    public record ManualResult(String cveId, String summary, FindingChanges findings, int applyingMatches, int proposedMatches,
                               int productDevices, int affectedDevices) {

        /** Describes the result in a few lines, with a warning when no device can be affected yet. */
        public String describe() {
            String text = "Added " + summary + ".\n" + findings.describe().substring(0, 1).toUpperCase(Locale.ROOT)
                    + findings.describe().substring(1) + ".";
            if (applyingMatches == 0 && proposedMatches > 0) {
                text += "\nNo inventory product matches this manufacturer and model exactly; " + proposedMatches
                        + (proposedMatches == 1 ? " close match waits" : " close matches wait") + " for review in Matches.";
            } else if (applyingMatches == 0) {
                text += "\nWarning: no inventory product matches this manufacturer and model, so no device is affected."
                        + " Check the names against the device list.";
            } else if (productDevices > 0 && affectedDevices == 0) {
                text += String.format(Locale.US, "%nWarning: none of the %,d devices of this product runs an affected version."
                        + " Check the versions against the devices' software versions.", productDevices);
            } else if (productDevices > 0) {
                text += String.format(Locale.US, "%nAffects %,d of the %,d devices of this product.", affectedDevices, productDevices);
            }
            return text;
        }
    }

    /** The result of a KEV import: the import, the CVEs new since the previous catalog with the devices each affects. */
    public record KevResult(FeedImport feedImport, Map<String, List<String>> newCveDevices, List<String> removedCves,
                            FindingChanges findings) {
    }

    /** The result of an EPSS import. */
    public record EpssResult(FeedImport feedImport, FindingChanges findings) {
    }

    /** The outcome of one file of a CSAF or CVE import. */
    public enum FileOutcome {
        /** Stored as a new advisory or CVE. */
        ADDED,
        /** Stored in place of an earlier revision or record. */
        UPDATED,
        /** Read, but the same or a newer revision is already stored. */
        SKIPPED,
        /** Not read; the message gives the reason. */
        REJECTED
    }

    /** The result of one file of a CSAF or CVE import: what became of it and a sentence for the user. */
    public record FileResult(Path file, FileOutcome outcome, String message) {

        public boolean imported() {
            return outcome != FileOutcome.REJECTED;
        }
    }

    /** The results of a CSAF or CVE import of one or more files, and what the files did to findings together. */
    public record BatchResult(List<FileResult> files, FindingChanges findings) {

        public long failures() {
            return count(FileOutcome.REJECTED);
        }

        public long count(FileOutcome outcome) {
            return files.stream().filter(file -> file.outcome() == outcome).count();
        }

        /** Returns a line such as "12 files: 10 added, 1 updated, 1 skipped, 0 rejected; findings: ...". */
        public String summary() {
            return String.format(Locale.US, "%,d %s: %,d added, %,d updated, %,d skipped, %,d rejected; %s", files.size(),
                    files.size() == 1 ? "file" : "files", count(FileOutcome.ADDED), count(FileOutcome.UPDATED), count(FileOutcome.SKIPPED),
                    failures(), findings.describe());
        }

        /** Returns the summary and a line per file; a rejected file's line starts with "Rejected:". */
        public String describe() {
            StringBuilder text = new StringBuilder(summary());
            for (FileResult file : files) {
                text.append('\n').append(file.imported() ? file.file().getFileName() + ": " + file.message() : "Rejected: " + file.message());
            }
            return text.toString();
        }
    }

    // ---------------------------------------------------------------- KEV

    /**
     * Imports a CISA KEV catalog, JSON or CSV.
     *
     * @throws FeedFormatException when the file is not a KEV catalog; nothing changes then
     */
    public KevResult importKev(Path file, Actor actor, ProgressMonitor monitor) throws FeedFormatException, IOException {
        monitor.progress(-1, 0, "Reading " + file.getFileName());
        KevCatalog catalog = new KevCatalogParser().parse(file);
        String sha256 = Sha256.ofFile(file);
        monitor.checkCancelled();
        beforeImport.run("KEV import of " + file.getFileName());
        Instant now = clock.instant();
        String version = KevImporter.version(catalog);
        Optional<LocalDate> date = KevImporter.date(catalog);
        return jdbi.inTransaction(handle -> {
            Optional<FeedImport> previous = handle.attach(FeedImportDao.class).latest(FeedKind.KEV.word());
            rejectOlder(file, "a KEV catalog", date, previous);
            KevImporter.Result stored = new KevImporter().apply(handle, file.getFileName().toString(), sha256, catalog, actor, now);
            FindingChanges changes = refreshAndRescore(handle, FindingEngine.Scope.ALL, cve -> "withdrawn: the KEV catalog "
                    + version + " no longer lists " + cve, Rescorer.Target.ALL, monitor, now);
            Map<String, List<String>> devices = devicesOf(handle, stored.newCves());
            String news = previous.isEmpty() ? "the first catalog imported"
                    : String.format(Locale.US, "%,d new since the previous catalog, %,d removed", stored.newCves().size(),
                    stored.removedCves().size());
            String summary = String.format(Locale.US, "KEV catalog %s%s: %,d entries, %s; %s", version,
                    date.map(day -> " dated " + day).orElse(""), catalog.entries().size(), news, changes.describe());
            FeedImport feedImport = finish(handle, stored.feedImport(), summary, actor, now);
            return new KevResult(feedImport, devices, stored.removedCves(), changes);
        });
    }

    /**
     * Rejects a feed file whose data is older than the data already imported, because it would
     * replace newer data. {@code feedName} names the file's kind with its article, such as "an EPSS file".
     */
    private static void rejectOlder(Path file, String feedName, Optional<LocalDate> date, Optional<FeedImport> previous) {
        if (date.isEmpty() || previous.isEmpty() || previous.get().feedDate() == null || previous.get().feedDate().length() < 10) {
            return;
        }
        LocalDate before;
        try {
            before = LocalDate.parse(previous.get().feedDate().substring(0, 10));
        } catch (java.time.format.DateTimeParseException e) {
            return;
        }
        if (date.get().isBefore(before)) {
            throw new IllegalArgumentException(file.getFileName() + " is " + feedName + " of " + date.get() + ", older than the one"
                    + " already imported (" + before + ", file " + previous.get().fileName() + "); nothing was changed."
                    + " Import a newer file.");
        }
    }

    /** Returns, for each CVE, the asset tags of the devices with an open finding of it. */
    private static Map<String, List<String>> devicesOf(Handle handle, List<String> cves) {
        Map<String, List<String>> devices = new LinkedHashMap<>();
        for (String cve : cves) {
            devices.put(cve, handle.createQuery("SELECT d.asset_tag FROM finding f JOIN device d ON d.id = f.device_id"
                            + " WHERE f.cve_id = :cve AND f.status = 'open' ORDER BY d.asset_tag_key")
                    .bind("cve", cve)
                    .mapTo(String.class)
                    .list());
        }
        return devices;
    }

    // ---------------------------------------------------------------- EPSS

    /**
     * Imports a FIRST EPSS file. The scores are loaded beside the current ones first, then made
     * current with a rescore; the scores they replace are kept as the previous import.
     *
     * @throws FeedFormatException when the file is not an EPSS file; the current scores stay
     */
    public EpssResult importEpss(Path file, Actor actor, ProgressMonitor monitor) throws FeedFormatException, IOException {
        monitor.progress(-1, 0, "Reading " + file.getFileName());
        String sha256 = Sha256.ofFile(file);
        beforeImport.run("EPSS import of " + file.getFileName());
        EpssStore store = new EpssStore(jdbi);
        EpssStore.Staged staged = store.stage(file, sha256, monitor);
        monitor.checkCancelled();
        Instant now = clock.instant();
        Optional<LocalDate> date = Optional.ofNullable(staged.scoreDate()).filter(text -> text.length() >= 10).map(text -> {
            try {
                return LocalDate.parse(text.substring(0, 10));
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        });
        return jdbi.inTransaction(handle -> {
            Long currentId = EpssStore.tables(handle).currentImportId();
            rejectOlder(file, "an EPSS file", date, currentId == null ? Optional.empty()
                    : handle.attach(FeedImportDao.class).findById(currentId));
            FeedImport stored = store.activate(handle, staged, actor, now);
            FindingChanges changes = new FindingChanges(new FindingEngine.Counts(0, 0, 0, 0, 0),
                    new Rescorer(tables).rescore(handle, Rescorer.Target.ALL, settings.current(), LocalDate.now(clock),
                            OffsetDateTime.ofInstant(now, ZoneOffset.UTC), monitor));
            String summary = String.format(Locale.US, "EPSS %s, %s: %,d CVEs; %s",
                    stored.feedVersion() == null ? "file without a model version" : "model " + stored.feedVersion(),
                    stored.feedDate() == null ? "score date not stated" : "scores of " + stored.feedDate(), staged.rows(),
                    changes.describe());
            return new EpssResult(finish(handle, stored, summary, actor, now), changes);
        });
    }

    // ---------------------------------------------------------------- CSAF and CVE records

    /**
     * Imports CSAF advisories from files and folders (every .json file in a folder, not its
     * subfolders). Each file is stored whole or not at all; a refused file is reported and the
     * others go on. Findings are then refreshed once for all the files.
     */
    public BatchResult importCsaf(List<Path> paths, Actor actor, ProgressMonitor monitor) throws IOException {
        List<Path> files = expand(paths);
        if (!files.isEmpty()) {
            beforeImport.run("CSAF import of " + describeFiles(files));
        }
        List<FileResult> results = new ArrayList<>();
        Set<String> cves = new LinkedHashSet<>();
        Map<String, String> withdrawNotes = new HashMap<>();
        List<FeedImport> imports = new ArrayList<>();
        CsafAdvisoryParser parser = new CsafAdvisoryParser();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            monitor.checkCancelled();
            monitor.progress(i, files.size(), "Reading " + file.getFileName());
            try {
                CsafAdvisoryParser.verifySha512(file);
                CsafAdvisory advisory = parser.parse(file);
                String sha256 = Sha256.ofFile(file);
                Instant now = clock.instant();
                CsafImporter.Result result = jdbi.inTransaction(handle ->
                        new CsafImporter().apply(handle, file.getFileName().toString(), sha256, advisory, actor, now));
                results.add(new FileResult(file, switch (result.outcome()) {
                    case ADDED -> FileOutcome.ADDED;
                    case REPLACED -> FileOutcome.UPDATED;
                    case SKIPPED -> FileOutcome.SKIPPED;
                }, result.message()));
                cves.addAll(result.cves());
                if (result.outcome() == CsafImporter.Outcome.REPLACED) {
                    for (String cve : result.cves()) {
                        withdrawNotes.put(cve, "withdrawn by advisory revision " + advisory.trackingId() + " version " + advisory.version());
                    }
                }
                if (result.feedImport() != null) {
                    imports.add(result.feedImport());
                }
            } catch (FeedFormatException e) {
                results.add(new FileResult(file, FileOutcome.REJECTED, e.getMessage()));
            } catch (NoSuchFileException e) {
                results.add(new FileResult(file, FileOutcome.REJECTED, file + ": the file does not exist"));
            }
        }
        return finishBatch(results, cves, cve -> withdrawNotes.getOrDefault(cve, "withdrawn: no source names the device for " + cve),
                imports, "CSAF", actor, monitor);
    }

    private static String describeFiles(List<Path> files) {
        return files.size() == 1 ? files.get(0).getFileName().toString() : files.size() + " files";
    }

    /** Imports CVE JSON 5 records from files and folders, file by file like {@link #importCsaf}. */
    public BatchResult importCveRecords(List<Path> paths, Actor actor, ProgressMonitor monitor) throws IOException {
        List<Path> files = expand(paths);
        if (!files.isEmpty()) {
            beforeImport.run("CVE record import of " + describeFiles(files));
        }
        List<FileResult> results = new ArrayList<>();
        Set<String> cves = new LinkedHashSet<>();
        List<FeedImport> imports = new ArrayList<>();
        CveRecordParser parser = new CveRecordParser();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            monitor.checkCancelled();
            monitor.progress(i, files.size(), "Reading " + file.getFileName());
            try {
                CveRecord record = parser.parse(file);
                String sha256 = Sha256.ofFile(file);
                Instant now = clock.instant();
                CveRecordImporter.Result result = jdbi.inTransaction(handle ->
                        new CveRecordImporter().apply(handle, file.getFileName().toString(), sha256, record, actor, now));
                results.add(new FileResult(file, result.updated() ? FileOutcome.UPDATED : FileOutcome.ADDED, result.message()));
                cves.add(result.cveId());
                imports.add(result.feedImport());
            } catch (FeedFormatException e) {
                results.add(new FileResult(file, FileOutcome.REJECTED, e.getMessage()));
            } catch (NoSuchFileException e) {
                results.add(new FileResult(file, FileOutcome.REJECTED, file + ": the file does not exist"));
            }
        }
        return finishBatch(results, cves, cve -> "withdrawn: the CVE record " + cve + " no longer names the device", imports, "CVE record",
                actor, monitor);
    }

    private BatchResult finishBatch(List<FileResult> results, Set<String> cves, Function<String, String> withdrawNote,
                                    List<FeedImport> imports, String feedName, Actor actor, ProgressMonitor monitor) {
        if (cves.isEmpty()) {
            return new BatchResult(results, new FindingChanges(new FindingEngine.Counts(0, 0, 0, 0, 0), new Rescorer.Counts(0, 0)));
        }
        monitor.progress(-1, 0, "Updating findings");
        Instant now = clock.instant();
        FindingChanges changes = jdbi.inTransaction(handle -> {
            FindingChanges result = refreshAndRescore(handle, FindingEngine.Scope.cves(cves), withdrawNote,
                    Rescorer.Target.cvesAndUnscored(cves), monitor, now);
            long stored = results.stream().filter(FileResult::imported).count();
            String summary = feedName + " import of " + new BatchResult(results, result).summary();
            auditLog.append(handle, new AuditEntry(null, now, actor.name(), AuditAction.IMPORT, RECORD_TYPE,
                    imports.isEmpty() ? null : imports.get(imports.size() - 1).id(), feedName + " import", null, Map.of(),
                    Map.of("files", Long.toString(stored)), summary));
            return result;
        });
        return new BatchResult(results, changes);
    }

    /** Lists the files to import: each file as given, and the .json files directly inside each folder, by name. */
    static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> children = Files.list(path)) {
                    children.filter(child -> Files.isRegularFile(child)
                                    && child.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                            .sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    // ---------------------------------------------------------------- entered by hand

    /**
     * Adds a vulnerability entered by hand and the findings it causes.
     *
     * @throws IllegalArgumentException when the entry is invalid
     */
    public ManualResult addManual(ManualVulnerabilities.Entry entry, Actor actor) {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            FeedImport stored = new ManualVulnerabilities().add(handle, entry, actor, now);
            String cve = stored.summary().substring(0, stored.summary().indexOf(' '));
            FindingChanges changes = refreshAndRescore(handle, FindingEngine.Scope.cves(Set.of(cve)),
                    id -> "withdrawn: no source names the device for " + id, Rescorer.Target.cvesAndUnscored(Set.of(cve)),
                    ProgressMonitor.NONE, now);
            List<String> decisions = handle.attach(MatchDao.class).decisionsFor(ProductNames.vendorKey(entry.manufacturer()),
                    ProductNames.productKey(entry.model()));
            int applying = (int) decisions.stream().filter(word -> MatchDecision.fromWord(word).applies()).count();
            int proposed = (int) decisions.stream().filter(word -> MatchDecision.fromWord(word) == MatchDecision.PROPOSED).count();
            String devicesOfProduct = " FROM device d JOIN product_match pm ON pm.product_id = d.product_id"
                    + " WHERE pm.vendor_key = :vendor AND pm.product_key = :product AND pm.decision IN ('auto', 'accepted')"
                    + " AND d.status <> 'RETIRED'";
            int devices = handle.createQuery("SELECT COUNT(DISTINCT d.id)" + devicesOfProduct)
                    .bind("vendor", ProductNames.vendorKey(entry.manufacturer())).bind("product", ProductNames.productKey(entry.model()))
                    .mapTo(Integer.class).one();
            int affected = handle.createQuery("SELECT COUNT(DISTINCT d.id)" + devicesOfProduct + " AND EXISTS (SELECT 1 FROM finding f"
                            + " WHERE f.device_id = d.id AND f.cve_id = :cve AND f.status NOT IN ('withdrawn', 'not_affected'))")
                    .bind("vendor", ProductNames.vendorKey(entry.manufacturer())).bind("product", ProductNames.productKey(entry.model()))
                    .bind("cve", cve)
                    .mapTo(Integer.class).one();
            finish(handle, stored, stored.summary() + "; " + changes.describe(), actor, now);
            return new ManualResult(cve, stored.summary(), changes, applying, proposed, devices, affected);
        });
    }

    /** Lists the vulnerabilities entered by hand. */
    public List<ManualVulnerabilities.Stored> listManual() {
        return jdbi.withHandle(handle -> new ManualVulnerabilities().list(handle));
    }

    /**
     * Removes the entry by hand of a CVE for a manufacturer and model and withdraws the findings
     * that only it caused.
     *
     * @throws IllegalArgumentException when there is no such entry
     */
    public FindingChanges removeManual(String cveId, String manufacturer, String model, Actor actor) {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            new ManualVulnerabilities().remove(handle, cveId, manufacturer, model, now);
            String cve = CveIds.normalize(cveId);
            FindingChanges changes = refreshAndRescore(handle, FindingEngine.Scope.cves(Set.of(cve)),
                    id -> "withdrawn: the entry by hand for " + id + " was removed", Rescorer.Target.cvesAndUnscored(Set.of(cve)),
                    ProgressMonitor.NONE, now);
            String summary = "Removed the entry by hand of " + cve + " for " + manufacturer.strip() + " " + model.strip() + "; "
                    + changes.describe();
            auditLog.append(handle, new AuditEntry(null, now, actor.name(), AuditAction.DELETE, "manual_vulnerability", null,
                    cve + " " + manufacturer.strip() + " " + model.strip(), null, Map.of("cve", cve, "manufacturer", manufacturer.strip(),
                    "model", model.strip()), Map.of(), summary));
            return changes;
        });
    }

    // ---------------------------------------------------------------- matches and inventory changes

    public List<MatchView> listMatches() {
        return jdbi.withHandle(matches::list);
    }

    /**
     * Accepts or rejects a match by the id {@link #listMatches} shows (P12 for a product match, O3
     * for an operating-system match) and updates the findings it causes.
     *
     * @throws IllegalArgumentException when no match has the id
     */
    public FindingChanges decideMatch(String id, MatchDecision decision, Actor actor) {
        String key = id.strip().toUpperCase(Locale.ROOT);
        if (!key.matches("[PO]\\d+")) {
            throw new IllegalArgumentException("'" + id + "' is not a match id; ids look like P12 or O3 (see matches list)");
        }
        if (decision != MatchDecision.ACCEPTED && decision != MatchDecision.REJECTED) {
            throw new IllegalArgumentException("A match can only be accepted or rejected");
        }
        long number = Long.parseLong(key.substring(1));
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            if (key.charAt(0) == 'P') {
                matches.decideProductMatch(handle, number, decision, actor, now);
            } else {
                matches.decideOsMatch(handle, number, decision, actor, now);
            }
            String note = "withdrawn: the match " + key + " was rejected";
            FindingEngine.Counts refresh = engine.refresh(handle, FindingEngine.Scope.ALL, cve -> note, now, LocalDate.now(clock));
            Rescorer.Counts rescore = new Rescorer(tables).rescore(handle, Rescorer.Target.UNSCORED, settings.current(),
                    LocalDate.now(clock), OffsetDateTime.ofInstant(now, ZoneOffset.UTC), ProgressMonitor.NONE);
            return new FindingChanges(refresh, rescore);
        });
    }

    /**
     * Brings matches and findings up to date after devices were added, changed or deleted: all of
     * them when {@code deviceIds} is empty.
     */
    public FindingChanges inventoryChanged(Collection<Long> deviceIds, ProgressMonitor monitor) {
        return jdbi.inTransaction(handle -> refreshDevices(handle, deviceIds, monitor));
    }

    /** Refreshes findings inside the transaction that changed the inventory. */
    @Override
    public void devicesChanged(Handle handle, Collection<Long> deviceIds, ProgressMonitor monitor) {
        // A site without vulnerability data has nothing to match or score, as during a first inventory import.
        boolean anyData = handle.createQuery("SELECT EXISTS (SELECT 1 FROM affected_statement) OR EXISTS (SELECT 1 FROM finding)")
                .mapTo(Boolean.class).one();
        if (anyData) {
            refreshDevices(handle, deviceIds, monitor);
        }
    }

    private FindingChanges refreshDevices(Handle handle, Collection<Long> deviceIds, ProgressMonitor monitor) {
        Instant now = clock.instant();
        FindingEngine.Scope scope = deviceIds.isEmpty() ? FindingEngine.Scope.ALL : FindingEngine.Scope.devices(Set.copyOf(deviceIds));
        Rescorer.Target target = deviceIds.isEmpty() ? Rescorer.Target.ALL : Rescorer.Target.devicesAndUnscored(deviceIds);
        return refreshAndRescore(handle, scope, cve -> "withdrawn: the device's product or software version changed", target, monitor,
                now);
    }

    /** Rescores every finding, for example when a day has passed or settings changed outside this service. */
    public Rescorer.Counts rescoreAll(ProgressMonitor monitor) {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> new Rescorer(tables).rescore(handle, Rescorer.Target.ALL, settings.current(),
                LocalDate.now(clock), OffsetDateTime.ofInstant(now, ZoneOffset.UTC), monitor));
    }

    // ---------------------------------------------------------------- shared steps

    private FindingChanges refreshAndRescore(Handle handle, FindingEngine.Scope scope, Function<String, String> withdrawNote,
                                             Rescorer.Target target, ProgressMonitor monitor, Instant now) {
        monitor.progress(-1, 0, "Matching products");
        matches.refresh(handle);
        monitor.checkCancelled();
        monitor.progress(-1, 0, "Updating findings");
        FindingEngine.Counts refresh = engine.refresh(handle, scope, withdrawNote, now, LocalDate.now(clock));
        monitor.checkCancelled();
        Rescorer.Counts rescore = new Rescorer(tables).rescore(handle, target, settings.current(), LocalDate.now(clock),
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC), monitor);
        return new FindingChanges(refresh, rescore);
    }

    private FeedImport finish(Handle handle, FeedImport feedImport, String summary, Actor actor, Instant now) {
        FeedImportDao imports = handle.attach(FeedImportDao.class);
        imports.updateSummary(feedImport.id(), summary);
        auditLog.append(handle, new AuditEntry(null, now, actor.name(), AuditAction.IMPORT, RECORD_TYPE, feedImport.id(),
                feedImport.feed().title() + (feedImport.fileName() == null ? "" : " " + feedImport.fileName()), null, Map.of(),
                Map.of("feed", feedImport.feed().word(), "records", Integer.toString(feedImport.records())), summary));
        return imports.findById(feedImport.id()).orElseThrow();
    }
}
