package org.patchdesk.intel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.patchdesk.common.Actor;
import org.patchdesk.intel.cvss.CvssVector;
import org.patchdesk.intel.cvss.CvssVersion;
import org.patchdesk.intel.cvss.InvalidCvssVectorException;
import org.patchdesk.intel.feeds.CsafAdvisory;
import org.patchdesk.intel.feeds.CsafProduct;
import org.patchdesk.intel.feeds.CsafRemediation;
import org.patchdesk.intel.feeds.CsafScore;
import org.patchdesk.intel.feeds.CsafVulnerability;
import org.patchdesk.intel.feeds.CveIds;
import org.patchdesk.intel.feeds.FeedFormatException;

/**
 * Stores one parsed CSAF advisory inside the caller's transaction. A newer revision of an advisory
 * already stored replaces it whole; an older or the same revision changes nothing. Every CVSS
 * vector is validated first, so an advisory with a bad vector is rejected before anything is written.
 */
public final class CsafImporter {

    public static final String SOURCE = "csaf";

    /** The outcome of one advisory file. */
    public enum Outcome { ADDED, REPLACED, SKIPPED }

    /** The result for one file: the outcome, the advisory, a sentence for the user, and every CVE the old and new revision name. */
    public record Result(String fileName, Outcome outcome, String trackingId, String version, String message, Set<String> cves,
                         FeedImport feedImport) {
    }

    /** A vector read from the advisory and already validated. */
    private record ValidScore(String cve, CvssVector vector, Double published) {
    }

    public Result apply(Handle handle, String fileName, String sha256, CsafAdvisory advisory, Actor actor, Instant now)
            throws FeedFormatException {
        List<ValidScore> scores = validateScores(fileName, advisory);
        String baseId = AdvisoryRevisions.baseId(advisory.trackingId());
        String label = advisory.trackingId() + " version " + advisory.version();
        Optional<StoredAdvisory> stored = handle.createQuery("SELECT id, tracking_id, version, current_release_date FROM advisory"
                        + " WHERE base_id = :base")
                .bind("base", baseId)
                .map((rs, ctx) -> new StoredAdvisory(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .findOne();
        Set<String> cves = new LinkedHashSet<>();
        if (stored.isPresent()) {
            StoredAdvisory old = stored.get();
            int order = AdvisoryRevisions.compare(advisory.trackingId(), advisory.version(), advisory.currentReleaseDate(),
                    old.trackingId(), old.version(), old.currentReleaseDate());
            if (order <= 0) {
                String reason = order == 0 ? "the same revision is already imported"
                        : "a newer revision (" + old.trackingId() + " version " + old.version() + ") is already imported";
                return new Result(fileName, Outcome.SKIPPED, advisory.trackingId(), advisory.version(), label + " skipped: " + reason,
                        Set.of(), null);
            }
            cves.addAll(handle.attach(StatementDao.class).cvesOfSource(SOURCE, baseId));
            handle.createUpdate("DELETE FROM advisory WHERE id = :id").bind("id", old.id()).execute();
        }

        VulnerabilityStore store = new VulnerabilityStore(handle, now);
        store.clearSource(SOURCE, baseId);
        int statements = 0;
        Map<String, CsafProduct> products = new HashMap<>();
        for (CsafProduct product : advisory.products()) {
            products.put(product.productId(), product);
        }
        List<Statement> rows = new ArrayList<>();
        List<Remediation> remediations = new ArrayList<>();
        int withoutCve = 0;
        for (CsafVulnerability vulnerability : advisory.vulnerabilities()) {
            Optional<String> cve = Optional.ofNullable(CveIds.normalize(vulnerability.cve()));
            if (cve.isEmpty()) {
                withoutCve++;
                continue;
            }
            cves.add(cve.get());
            String title = vulnerability.title() != null ? vulnerability.title() : vulnerability.cweName();
            store.ensure(cve.get(), title, vulnerability.summary(), vulnerability.cweId());
            addStatements(rows, baseId, cve.get(), vulnerability.knownAffected(), products, Statement.AFFECTED);
            addStatements(rows, baseId, cve.get(), vulnerability.fixed(), products, Statement.FIXED);
            addStatements(rows, baseId, cve.get(), vulnerability.knownNotAffected(), products, Statement.NOT_AFFECTED);
            for (CsafRemediation remediation : vulnerability.remediations()) {
                remediations.add(new Remediation(0, SOURCE, baseId, cve.get(), remediation.category(), remediation.details(),
                        remediation.url(), productNames(remediation.productIds(), products)));
            }
        }
        statements = rows.size();
        store.addStatements(rows);
        store.addRemediations(remediations);
        for (ValidScore score : scores) {
            store.addScore(score.cve(), score.vector(), score.published(), SOURCE, baseId);
        }

        FeedImportDao imports = handle.attach(FeedImportDao.class);
        String date = advisory.currentReleaseDate() == null ? null : advisory.currentReleaseDate().toString();
        long importId = imports.insert(FeedKind.CSAF.word(), fileName, sha256, label, date,
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC), actor.name(), advisory.vulnerabilities().size(),
                stored.isEmpty() ? 1 : 0, stored.isPresent() ? 1 : 0, 0, null);
        handle.createUpdate("INSERT INTO advisory (base_id, tracking_id, version, current_release_date, initial_release_date, title,"
                        + " publisher, file_name, file_sha256, import_id) VALUES (:base, :tracking, :version, :current, :initial, :title,"
                        + " :publisher, :file, :sha, :importId)")
                .bind("base", baseId)
                .bind("tracking", advisory.trackingId())
                .bind("version", advisory.version())
                .bind("current", advisory.currentReleaseDate())
                .bind("initial", advisory.initialReleaseDate())
                .bind("title", advisory.title())
                .bind("publisher", advisory.publisherName())
                .bind("file", fileName)
                .bind("sha", sha256)
                .bind("importId", importId)
                .execute();
        Outcome outcome = stored.isPresent() ? Outcome.REPLACED : Outcome.ADDED;
        String message = label + (outcome == Outcome.REPLACED ? " replaced " + stored.get().trackingId() + " version "
                + stored.get().version() : " added") + ": " + count(cves.size(), "CVE") + ", " + count(statements, "product statement")
                + (withoutCve > 0 ? ", " + withoutCve + " vulnerabilities without a CVE id left out" : "");
        imports.updateSummary(importId, message);
        return new Result(fileName, outcome, advisory.trackingId(), advisory.version(), message, cves,
                imports.findById(importId).orElseThrow());
    }

    /** Returns a count with its noun, such as "1 CVE" or "8 CVEs". */
    static String count(int number, String noun) {
        return number + " " + noun + (number == 1 ? "" : "s");
    }

    private record StoredAdvisory(long id, String trackingId, String version, OffsetDateTime currentReleaseDate) {
    }

    /** Validates every CVSS vector of the advisory, including 4.0 vectors found in reference URLs. */
    private static List<ValidScore> validateScores(String fileName, CsafAdvisory advisory) throws FeedFormatException {
        List<ValidScore> scores = new ArrayList<>();
        for (int v = 0; v < advisory.vulnerabilities().size(); v++) {
            CsafVulnerability vulnerability = advisory.vulnerabilities().get(v);
            Optional<String> cve = Optional.ofNullable(CveIds.normalize(vulnerability.cve()));
            if (cve.isEmpty()) {
                continue;
            }
            for (int s = 0; s < vulnerability.scores().size(); s++) {
                CsafScore score = vulnerability.scores().get(s);
                CvssVersion version = "3.0".equals(score.version()) ? CvssVersion.V3_0 : CvssVersion.V3_1;
                try {
                    scores.add(new ValidScore(cve.get(), CvssVector.parse(score.vectorString(), version), score.baseScore()));
                } catch (InvalidCvssVectorException e) {
                    throw new FeedFormatException(fileName + " /vulnerabilities/" + v + "/scores/" + s + "/cvss_v3 (" + cve.get()
                            + "): " + e.getMessage());
                }
            }
            for (String url : vulnerability.referenceUrls()) {
                Optional<String> v4 = CvssVector.findV4InUrl(url);
                if (v4.isPresent()) {
                    try {
                        scores.add(new ValidScore(cve.get(), CvssVector.parse(v4.get()), null));
                    } catch (InvalidCvssVectorException e) {
                        throw new FeedFormatException(fileName + " /vulnerabilities/" + v + "/references (" + cve.get() + "): "
                                + e.getMessage());
                    }
                }
            }
        }
        return scores;
    }

    private static void addStatements(List<Statement> rows, String baseId, String cve, List<String> productIds,
                                      Map<String, CsafProduct> products, String status) {
        for (String productId : productIds) {
            CsafProduct product = products.get(productId);
            if (product == null || product.vendor() == null || product.productName() == null) {
                continue;
            }
            String versionKind = product.version() == null ? "unknown" : product.versionIsRange() ? "range" : "exact";
            rows.add(VulnerabilityStore.statement(SOURCE, baseId, cve, product.vendor(), product.productName(), versionKind,
                    product.version(), null, null, status));
        }
    }

    private static String productNames(List<String> productIds, Map<String, CsafProduct> products) {
        Set<String> names = new LinkedHashSet<>();
        for (String productId : productIds) {
            CsafProduct product = products.get(productId);
            if (product != null) {
                names.add(product.productName() + (product.version() == null ? "" : " " + product.version()));
            }
        }
        return String.join("; ", names);
    }
}
