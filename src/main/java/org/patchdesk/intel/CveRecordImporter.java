package org.patchdesk.intel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.patchdesk.common.Actor;
import org.patchdesk.intel.cvss.CvssVector;
import org.patchdesk.intel.cvss.CvssVersion;
import org.patchdesk.intel.cvss.InvalidCvssVectorException;
import org.patchdesk.intel.feeds.CveAffected;
import org.patchdesk.intel.feeds.CveMetric;
import org.patchdesk.intel.feeds.CveRecord;
import org.patchdesk.intel.feeds.CveVersion;
import org.patchdesk.intel.feeds.CveIds;
import org.patchdesk.intel.feeds.FeedFormatException;

/**
 * Stores one parsed CVE JSON 5 record inside the caller's transaction, replacing the data an earlier
 * import of the same CVE record stored: the description, CWEs, CVSS metrics and affected products.
 */
public final class CveRecordImporter {

    public static final String SOURCE = "cve";

    /** The result for one file: the CVE, a sentence for the user and the import record. */
    public record Result(String fileName, String cveId, boolean updated, String message, FeedImport feedImport) {
    }

    private record ValidMetric(CvssVector vector, Double published) {
    }

    public Result apply(Handle handle, String fileName, String sha256, CveRecord record, Actor actor, Instant now)
            throws FeedFormatException {
        String cve = Optional.ofNullable(CveIds.normalize(record.cveId()))
                .orElseThrow(() -> new FeedFormatException(fileName + " /cveMetadata/cveId: '" + record.cveId() + "' is not a CVE id"));
        List<ValidMetric> metrics = new ArrayList<>();
        for (int m = 0; m < record.metrics().size(); m++) {
            CveMetric metric = record.metrics().get(m);
            CvssVersion version = switch (metric.version()) {
                case "3.0" -> CvssVersion.V3_0;
                case "4.0" -> CvssVersion.V4_0;
                default -> CvssVersion.V3_1;
            };
            try {
                metrics.add(new ValidMetric(CvssVector.parse(metric.vectorString(), version), metric.baseScore()));
            } catch (InvalidCvssVectorException e) {
                throw new FeedFormatException(fileName + " /containers/cna/metrics/" + m + " (" + cve + "): " + e.getMessage());
            }
        }

        VulnerabilityStore store = new VulnerabilityStore(handle, now);
        store.clearSource(SOURCE, cve);
        store.ensure(cve, null, record.description(), record.cwes().isEmpty() ? null : String.join(", ", record.cwes()));
        List<Statement> statements = new ArrayList<>();
        for (CveAffected affected : record.affected()) {
            if (isUnnamed(affected.vendor()) || isUnnamed(affected.product())) {
                continue;
            }
            if (affected.versions().isEmpty()) {
                String status = "affected".equalsIgnoreCase(affected.defaultStatus()) ? Statement.AFFECTED : null;
                if (status != null) {
                    statements.add(VulnerabilityStore.statement(SOURCE, cve, cve, affected.vendor(), affected.product(), "unknown", null,
                            null, null, status));
                }
                continue;
            }
            for (CveVersion version : affected.versions()) {
                statements.add(VulnerabilityStore.statement(SOURCE, cve, cve, affected.vendor(), affected.product(), "cve",
                        version.version(), version.lessThan(), version.lessThanOrEqual(), status(version.status())));
            }
        }
        store.addStatements(statements);
        for (ValidMetric metric : metrics) {
            store.addScore(cve, metric.vector(), metric.published(), SOURCE, cve);
        }

        FeedImportDao imports = handle.attach(FeedImportDao.class);
        String date = record.dateUpdated() != null ? record.dateUpdated().toString()
                : record.datePublished() == null ? null : record.datePublished().toString();
        boolean known = handle.createQuery("SELECT COUNT(*) FROM cve_record WHERE cve_id = :cve").bind("cve", cve)
                .mapTo(Integer.class).one() > 0;
        String message = cve + (known ? " updated" : " added") + ": " + CsafImporter.count(statements.size(), "product statement") + ", "
                + CsafImporter.count(metrics.size(), "CVSS metric") + ("REJECTED".equalsIgnoreCase(record.state()) ? " (the record is REJECTED)" : "");
        long importId = imports.insert(FeedKind.CVE.word(), fileName, sha256, cve, date, OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                actor.name(), 1, known ? 0 : 1, known ? 1 : 0, 0, message);
        handle.createUpdate("MERGE INTO cve_record (cve_id, state, date_published, date_updated, file_name, file_sha256, import_id)"
                        + " KEY (cve_id) VALUES (:cve, :state, :published, :updated, :file, :sha, :importId)")
                .bind("cve", cve)
                .bind("state", record.state())
                .bind("published", record.datePublished())
                .bind("updated", record.dateUpdated())
                .bind("file", fileName)
                .bind("sha", sha256)
                .bind("importId", importId)
                .execute();
        return new Result(fileName, cve, known, message, imports.findById(importId).orElseThrow());
    }

    private static boolean isUnnamed(String name) {
        if (name == null) {
            return true;
        }
        String value = name.strip().toLowerCase(Locale.ROOT);
        return value.isEmpty() || value.equals("n/a") || value.equals("unknown");
    }

    private static String status(String status) {
        if (status == null) {
            return Statement.AFFECTED;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "unaffected" -> Statement.NOT_AFFECTED;
            default -> Statement.AFFECTED;
        };
    }
}
