package org.patchdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.common.Sha256;
import org.patchdesk.intel.EpssStore;
import org.patchdesk.intel.MatchService;
import org.patchdesk.intel.feeds.EpssFileWriter;
import org.patchdesk.inventory.FdaProductClassification;
import org.patchdesk.risk.FindingEngine;
import org.patchdesk.risk.FindingService;
import org.patchdesk.risk.Grouping;
import org.patchdesk.risk.IntelligenceService;
import org.patchdesk.risk.Rescorer;
import org.patchdesk.risk.WorklistQuery;
import org.patchdesk.risk.WorklistRow;
import org.patchdesk.risk.ssvc.Decision;
import org.patchdesk.risk.ssvc.SsvcTables;
import org.patchdesk.storage.Database;
import org.patchdesk.workspace.Services;

/**
 * Measures the vulnerability features on large inputs: importing a full-size EPSS file, the KEV
 * and EPSS imports and rescoring on a site of many devices and findings, and the worklist's first
 * page. Run by {@code bench/intel-benchmark.sh}, which calls one step per process:
 *
 * <pre>
 *   epss WORK RUNS               writes a 350,000-row EPSS file (plain and gzip) and imports each into new data folders
 *   site DATA WORK FINDINGS      adds advisories, EPSS scores and a KEV catalog to the inventory in DATA
 *   feeds DATA WORK RUNS         times KEV and EPSS imports and rescoring on that site
 *   worklist DATA RUNS           times the worklist's first page, first after opening the database
 * </pre>
 */
public final class IntelBenchmark {

    static final int EPSS_ROWS = 350_000;
    private static final Actor ACTOR = new Actor("benchmark");
    private static final int PAGE = 100;

    private IntelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "epss" -> epss(Path.of(args[1]), Integer.parseInt(args[2]));
            case "site" -> site(Path.of(args[1]), Path.of(args[2]), Long.parseLong(args[3]));
            case "feeds" -> feeds(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            case "worklist" -> worklist(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("Invalid step '" + args[0] + "'; give epss, site, feeds or worklist");
        }
    }

    private static Services open(Path folder) {
        return new Services(Database.open(folder, Database.DEFAULT_NAME), FdaProductClassification.load(), SsvcTables.load(),
                Clock.systemDefaultZone());
    }

    // ---------------------------------------------------------------- EPSS file on an empty site

    private static void epss(Path work, int runs) throws Exception {
        Path plain = work.resolve("epss-" + EPSS_ROWS + ".csv");
        Path gzip = work.resolve("epss-" + EPSS_ROWS + ".csv.gz");
        EpssFileWriter.write(plain, EPSS_ROWS);
        EpssFileWriter.write(gzip, EPSS_ROWS);
        System.out.printf(Locale.US, "EPSS file: %,d rows, %s (%,d KB), %s (%,d KB)%n", EPSS_ROWS, plain.getFileName(),
                Files.size(plain) / 1024, gzip.getFileName(), Files.size(gzip) / 1024);
        for (Path file : List.of(plain, gzip)) {
            List<Long> times = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                Path data = work.resolve("epss-site-" + run);
                try (Services services = open(data)) {
                    long start = System.nanoTime();
                    IntelligenceService.EpssResult result = services.intelligence().importEpss(file, ACTOR, ProgressMonitor.NONE);
                    long elapsed = System.nanoTime() - start;
                    times.add(elapsed);
                    System.out.printf(Locale.US, "  %s run %d: %s (%,d rows stored)%n", file.getFileName(), run, seconds(elapsed),
                            result.feedImport().records());
                }
                deleteTree(data);
            }
            System.out.printf(Locale.US, "importEpss %s on an empty site: median %s of %d runs%n", file.getFileName(),
                    seconds(median(times)), runs);
        }
    }

    // ---------------------------------------------------------------- building the large site

    private static void site(Path data, Path work, long targetFindings) throws Exception {
        Random random = new Random(2026);
        Path epssFile = work.resolve("epss-" + EPSS_ROWS + ".csv");
        if (!Files.exists(epssFile)) {
            EpssFileWriter.write(epssFile, EPSS_ROWS);
        }
        SyntheticFeeds.writeNextDay(epssFile, work.resolve("epss-next-day.csv"), new Random(7));
        // Recent CVE ids in random order, so the site's vulnerabilities all have EPSS scores.
        List<String> cveIds = new ArrayList<>(SyntheticFeeds.readEpssIds(epssFile).stream()
                .filter(id -> Integer.parseInt(id.substring(4, 8)) >= 2012).toList());
        Collections.shuffle(cveIds, random);

        SyntheticFeeds feeds = new SyntheticFeeds();
        try (Services services = open(data)) {
            Jdbi jdbi = services.database().jdbi();
            List<SyntheticFeeds.Product> products = jdbi.withHandle(SyntheticFeeds::loadProducts);
            SyntheticFeeds.Plan plan = SyntheticFeeds.plan(products, cveIds, targetFindings, random);
            List<SyntheticFeeds.Cve> cves = new ArrayList<>(plan.cves());
            List<Path> advisories = feeds.writeCsaf(work.resolve("csaf"), plan);
            System.out.printf(Locale.US, "planned: %,d advisories about %,d products, %,d CVEs, %,d findings expected before KEV%n",
                    advisories.size(), products.size(), cves.size(), plan.expectedFindings());

            // The catalog already imported lists 2 % of the site's CVEs; the next one adds 25 more.
            Collections.shuffle(cves, random);
            int listed = cves.size() / 50;
            feeds.writeKev(work.resolve("kev-before.json"), cves.subList(0, listed), "2026.12.03");
            feeds.writeKev(work.resolve("kev-after.json"), cves.subList(0, listed + 25), "2026.12.04");

            long start = System.nanoTime();
            IntelligenceService.BatchResult csaf = services.intelligence().importCsaf(List.of(work.resolve("csaf")), ACTOR,
                    ProgressMonitor.NONE);
            System.out.printf(Locale.US, "importCsaf of %,d files (%d rejected): %s; %s%n", csaf.files().size(), csaf.failures(),
                    seconds(System.nanoTime() - start), csaf.findings().describe());
            csaf.files().stream().filter(file -> !file.imported()).limit(3).forEach(file -> System.out.println("  " + file.message()));

            start = System.nanoTime();
            IntelligenceService.EpssResult epss = services.intelligence().importEpss(epssFile, ACTOR, ProgressMonitor.NONE);
            System.out.printf(Locale.US, "importEpss: %s; %s%n", seconds(System.nanoTime() - start), epss.findings().describe());

            start = System.nanoTime();
            IntelligenceService.KevResult kev = services.intelligence().importKev(work.resolve("kev-before.json"), ACTOR,
                    ProgressMonitor.NONE);
            System.out.printf(Locale.US, "importKev: %s; %s%n", seconds(System.nanoTime() - start), kev.findings().describe());
            describeSite(jdbi);
        }
        System.out.printf(Locale.US, "database file: %,d MB%n", Files.size(data.resolve(Database.DEFAULT_NAME + ".mv.db")) >> 20);
    }

    private static void describeSite(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            System.out.printf(Locale.US, "site: %,d devices (%,d retired), %,d statements, %,d CVSS rows, %,d KEV entries%n",
                    count(handle, "SELECT COUNT(*) FROM device"), count(handle, "SELECT COUNT(*) FROM device WHERE status = 'RETIRED'"),
                    count(handle, "SELECT COUNT(*) FROM affected_statement"), count(handle, "SELECT COUNT(*) FROM cvss_score"),
                    count(handle, "SELECT COUNT(*) FROM kev_entry"));
            System.out.printf(Locale.US, "findings: %,d, of which %,d open, %,d on KEV, %,d needing review; %,d CVEs; %,d devices with"
                            + " findings%n", count(handle, "SELECT COUNT(*) FROM finding"),
                    count(handle, "SELECT COUNT(*) FROM finding WHERE status = 'open'"),
                    count(handle, "SELECT COUNT(*) FROM finding WHERE kev"),
                    count(handle, "SELECT COUNT(*) FROM finding WHERE review <> 'none'"),
                    count(handle, "SELECT COUNT(DISTINCT cve_id) FROM finding"),
                    count(handle, "SELECT COUNT(DISTINCT device_id) FROM finding"));
            handle.createQuery("SELECT decision, COUNT(*) FROM finding GROUP BY decision ORDER BY 2 DESC")
                    .map((rs, ctx) -> String.format(Locale.US, "  decision %s: %,d", rs.getString(1), rs.getLong(2)))
                    .forEach(System.out::println);
        });
    }

    private static long count(org.jdbi.v3.core.Handle handle, String sql) {
        return handle.createQuery(sql).mapTo(Long.class).one();
    }

    // ---------------------------------------------------------------- imports and rescoring on the large site

    private static void feeds(Path data, Path work, int runs) throws Exception {
        try (Services services = open(data)) {
            IntelligenceService intelligence = services.intelligence();
            List<Long> kevTimes = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                // PatchDesk refuses a catalog older than the current one, so each run's copy is a day newer.
                Path file = SyntheticFeeds.redateKev(work.resolve(run % 2 == 1 ? "kev-after.json" : "kev-before.json"),
                        work.resolve("kev-run-" + run + ".json"), LocalDate.of(2026, 12, 4).plusDays(run));
                PhaseTimer timer = new PhaseTimer();
                IntelligenceService.KevResult result = intelligence.importKev(file, ACTOR, timer);
                long elapsed = timer.finish();
                kevTimes.add(elapsed);
                System.out.printf(Locale.US, "  importKev %s: %s [%s]; %s%n", file.getFileName(), seconds(elapsed), timer.phases(),
                        result.findings().describe());
            }
            System.out.printf(Locale.US, "importKev on the site: median %s of %d runs%n", seconds(median(kevTimes)), runs);

            List<Long> epssTimes = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                Path file = SyntheticFeeds.redateEpss(work.resolve(run % 2 == 1 ? "epss-next-day.csv" : "epss-" + EPSS_ROWS + ".csv"),
                        work.resolve("epss-run-" + run + ".csv"), LocalDate.of(2026, 10, 1).plusDays(run));
                PhaseTimer timer = new PhaseTimer();
                IntelligenceService.EpssResult result = intelligence.importEpss(file, ACTOR, timer);
                long elapsed = timer.finish();
                epssTimes.add(elapsed);
                System.out.printf(Locale.US, "  importEpss %s: %s [%s]; %s%n", file.getFileName(), seconds(elapsed), timer.phases(),
                        result.findings().describe());
            }
            System.out.printf(Locale.US, "importEpss on the site: median %s of %d runs%n", seconds(median(epssTimes)), runs);

            // Each run loads the file that the site does not have as its current scores, so most findings change.
            List<Long> rescoreTimes = new ArrayList<>();
            boolean nextDayCurrent = runs % 2 == 1;
            for (int run = 1; run <= runs; run++) {
                Path file = work.resolve(nextDayCurrent ? "epss-" + EPSS_ROWS + ".csv" : "epss-next-day.csv");
                nextDayCurrent = !nextDayCurrent;
                rescoreTimes.add(rescoreAfterEpss(services, file));
            }
            System.out.printf(Locale.US, "Rescorer.rescore(ALL) after new EPSS scores: median %s of %d runs%n", seconds(median(rescoreTimes)),
                    runs);

            List<Long> unchangedTimes = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                long start = System.nanoTime();
                Rescorer.Counts counts = intelligence.rescoreAll(ProgressMonitor.NONE);
                unchangedTimes.add(System.nanoTime() - start);
                System.out.printf(Locale.US, "  rescoreAll with nothing changed: %s, %,d scored, %,d changed%n",
                        seconds(unchangedTimes.get(run - 1)), counts.scored(), counts.changed());
            }
            System.out.printf(Locale.US, "Rescorer.rescore(ALL) with nothing changed: median %s of %d runs%n",
                    seconds(median(unchangedTimes)), runs);
            timeSteps(services);
        }
        // The script then imports this file with the command line; it is newer than every file above.
        SyntheticFeeds.redateEpss(work.resolve("epss-next-day.csv"), work.resolve("epss-cli.csv"), LocalDate.of(2026, 11, 1));
    }

    /**
     * Stages an EPSS file, then makes it current and rescores every finding in one transaction,
     * as {@link IntelligenceService#importEpss} does, and returns the time of the rescore alone.
     */
    private static long rescoreAfterEpss(Services services, Path file) throws Exception {
        Jdbi jdbi = services.database().jdbi();
        EpssStore store = new EpssStore(jdbi);
        long start = System.nanoTime();
        EpssStore.Staged staged = store.stage(file, Sha256.ofFile(file), ProgressMonitor.NONE);
        long stagedAt = System.nanoTime();
        long[] rescore = new long[1];
        Rescorer.Counts counts = jdbi.inTransaction(handle -> {
            store.activate(handle, staged, ACTOR, services.clock().instant());
            long rescoreStart = System.nanoTime();
            Rescorer.Counts result = new Rescorer(SsvcTables.load()).rescore(handle, Rescorer.Target.ALL, services.settings().current(),
                    LocalDate.now(services.clock()), OffsetDateTime.now(services.clock()).withOffsetSameInstant(ZoneOffset.UTC),
                    ProgressMonitor.NONE);
            rescore[0] = System.nanoTime() - rescoreStart;
            return result;
        });
        long end = System.nanoTime();
        System.out.printf(Locale.US, "  %s: stage %s, rescore %s (%,d scored, %,d changed), commit %s%n", file.getFileName(),
                seconds(stagedAt - start), seconds(rescore[0]), counts.scored(), counts.changed(), seconds(end - stagedAt - rescore[0]));
        return rescore[0];
    }

    /** Times the steps a KEV import runs after storing the catalog, on the site as it is, and rolls them back. */
    private static void timeSteps(Services services) {
        services.database().jdbi().useHandle(handle -> {
            handle.begin();
            try {
                long start = System.nanoTime();
                new MatchService(new AuditLog(services.auditChain())).refresh(handle);
                long matched = System.nanoTime();
                FindingEngine.Counts refresh = new FindingEngine().refresh(handle, FindingEngine.Scope.ALL, cve -> "withdrawn",
                        services.clock().instant(), LocalDate.now(services.clock()));
                long refreshed = System.nanoTime();
                System.out.printf(Locale.US, "steps with nothing to change: match refresh %s, finding refresh %s (%,d changed)%n",
                        seconds(matched - start), seconds(refreshed - matched), refresh.changed());
            } finally {
                handle.rollback();
            }
        });
    }

    // ---------------------------------------------------------------- the worklist

    private static void worklist(Path data, int runs) throws Exception {
        long start = System.nanoTime();
        try (Services services = open(data)) {
            long opened = System.nanoTime();
            FindingService findings = services.findings();
            // As the worklist screen does: the page first, then the count.
            List<WorklistRow> firstRows = findings.page(WorklistQuery.openFindings(), 0, PAGE);
            long pageRead = System.nanoTime();
            int total = findings.count(WorklistQuery.openFindings());
            long counted = System.nanoTime();
            FindingService.Page first = new FindingService.Page(firstRows, total);
            System.out.printf(Locale.US, "open the database: %s; after opening, first worklist page: %s (%d rows), then its count: %s"
                    + " (%,d)%n", seconds(opened - start), millis(pageRead - opened), firstRows.size(), millis(counted - pageRead), total);

            String department = services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT d.department FROM finding f"
                    + " JOIN device d ON d.id = f.device_id WHERE f.status = 'open' AND d.department IS NOT NULL GROUP BY d.department"
                    + " ORDER BY COUNT(*) DESC LIMIT 1").mapTo(String.class).one());
            WorklistQuery open = WorklistQuery.openFindings();
            time("open findings, first page", runs, () -> findings.worklist(open, 0, PAGE).total());
            time("open findings, page 50", runs, () -> findings.worklist(open, 49 * PAGE, PAGE).total());
            time("KEV only", runs, () -> findings.worklist(open.withKevOnly(true), 0, PAGE).total());
            time("decision immediate", runs, () -> findings.worklist(open.withDecisions(Set.of(Decision.IMMEDIATE)), 0, PAGE).total());
            time("decision scheduled", runs, () -> findings.worklist(open.withDecisions(Set.of(Decision.SCHEDULED)), 0, PAGE).total());
            time("department " + department, runs, () -> findings.worklist(open.withDepartment(department), 0, PAGE).total());
            String model = first.rows().get(0).model();
            time("text search '" + model + "'", runs, () -> findings.worklist(open.withText(model), 0, PAGE).total());
            time("all statuses", runs, () -> findings.worklist(WorklistQuery.everything(), 0, PAGE).total());
            // The worklist screen shows the page as soon as it is read and the count when it is known.
            time("open findings, page only", runs, () -> findings.page(open, 0, PAGE).size());
            time("KEV only, page only", runs, () -> findings.page(open.withKevOnly(true), 0, PAGE).size());
            time("decision immediate, page only", runs, () -> findings.page(open.withDecisions(Set.of(Decision.IMMEDIATE)), 0, PAGE).size());
            time("decision scheduled, page only", runs, () -> findings.page(open.withDecisions(Set.of(Decision.SCHEDULED)), 0, PAGE).size());
            time("text search, page only", runs, () -> findings.page(open.withText(model), 0, PAGE).size());
            time("KEV only, count only", runs, () -> findings.count(open.withKevOnly(true)));
            time("text search, count only", runs, () -> findings.count(open.withText(model)));
            time("groups by device", runs, () -> findings.groups(open, Grouping.DEVICE).size());
            time("groups by vulnerability", runs, () -> findings.groups(open, Grouping.VULNERABILITY).size());
            String device = findings.groups(open, Grouping.DEVICE).get(0).key();
            time("one device's group, first page", runs, () -> findings.worklist(open.inGroup(Grouping.DEVICE, device), 0, PAGE).total());
            List<String> statuses = services.database().jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT status || ' ' || COUNT(*) FROM finding GROUP BY status ORDER BY status").mapTo(String.class).list());
            System.out.println("findings by status: " + String.join(", ", statuses));
        }
    }

    /** Runs a query once, then {@code runs} more times, and prints the first time and the median of the others. */
    private static void time(String label, int runs, Callable<Integer> query) throws Exception {
        long start = System.nanoTime();
        int rows = query.call();
        long first = System.nanoTime() - start;
        List<Long> times = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            start = System.nanoTime();
            query.call();
            times.add(System.nanoTime() - start);
        }
        System.out.printf(Locale.US, "  %-40s first %s, then median %s (%,d rows or groups)%n", label, millis(first), millis(median(times)),
                rows);
    }

    // ---------------------------------------------------------------- helpers

    /** A progress monitor that records when each step of an import starts, by the step's message without numbers. */
    private static final class PhaseTimer implements ProgressMonitor {
        private final long start = System.nanoTime();
        private final List<String> names = new ArrayList<>();
        private final List<Long> starts = new ArrayList<>();
        private long end;

        @Override
        public void progress(long done, long total, String message) {
            String name = message.replaceAll("[\\d,]+", "#").replaceAll("^Reading .*", "Reading");
            if (names.isEmpty() || !names.get(names.size() - 1).equals(name)) {
                names.add(name);
                starts.add(System.nanoTime());
            }
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        long finish() {
            end = System.nanoTime();
            return end - start;
        }

        String phases() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < names.size(); i++) {
                long until = i + 1 < starts.size() ? starts.get(i + 1) : end;
                text.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ').append(seconds(until - starts.get(i)));
            }
            return text.toString();
        }
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((sorted.size() - 1) / 2);
    }

    static String seconds(long nanos) {
        return String.format(Locale.US, "%.2f s", nanos / 1e9);
    }

    static String millis(long nanos) {
        return String.format(Locale.US, "%d ms", nanos / 1_000_000);
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
