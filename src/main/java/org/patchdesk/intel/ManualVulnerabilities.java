package org.patchdesk.intel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.patchdesk.common.Actor;
import org.patchdesk.intel.cvss.CvssVector;
import org.patchdesk.intel.cvss.InvalidCvssVectorException;
import org.patchdesk.intel.feeds.CveIds;

/**
 * Vulnerabilities entered by hand, typically from a vendor letter: the CVE, the affected
 * manufacturer and model, the affected versions, a CVSS vector and a description.
 */
public final class ManualVulnerabilities {

    public static final String SOURCE = "manual";

    /** A user's entry. {@code versions} is a range such as "<=2.4", or empty for every version, and the vector may be null. */
    public record Entry(String cveId, String manufacturer, String model, String versions, String cvssVector, String description) {
    }

    /**
     * Stores the entry and records it as an import by the user.
     *
     * @throws IllegalArgumentException when the CVE id or the CVSS vector is invalid, or the manufacturer or model is missing
     */
    public FeedImport add(Handle handle, Entry entry, Actor actor, Instant now) {
        String cve = Optional.ofNullable(CveIds.normalize(entry.cveId()))
                .orElseThrow(() -> new IllegalArgumentException("'" + entry.cveId() + "' is not a CVE id (write it as CVE-2024-12345)"));
        if (entry.manufacturer() == null || entry.manufacturer().isBlank() || entry.model() == null || entry.model().isBlank()) {
            throw new IllegalArgumentException("A manufacturer and a model are required");
        }
        CvssVector vector = null;
        if (entry.cvssVector() != null && !entry.cvssVector().isBlank()) {
            try {
                vector = CvssVector.parse(entry.cvssVector().strip());
            } catch (InvalidCvssVectorException e) {
                throw new IllegalArgumentException("Invalid CVSS vector: " + e.getMessage(), e);
            }
        }
        boolean allVersions = entry.versions() == null || entry.versions().isBlank();
        FeedImportDao imports = handle.attach(FeedImportDao.class);
        String summary = cve + " for " + entry.manufacturer().strip() + " " + entry.model().strip()
                + (allVersions ? ", all versions" : ", versions " + entry.versions().strip());
        long importId = imports.insert(FeedKind.MANUAL.word(), null, null, null, null, OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                actor.name(), 1, 1, 0, 0, summary);
        String sourceRef = "M" + importId;
        VulnerabilityStore store = new VulnerabilityStore(handle, now);
        store.ensure(cve, null, blankToNull(entry.description()), null);
        store.addStatements(List.of(VulnerabilityStore.statement(SOURCE, sourceRef, cve, entry.manufacturer(), entry.model(),
                allVersions ? "all" : "manual", allVersions ? null : entry.versions().strip(), null, null, Statement.AFFECTED)));
        if (vector != null) {
            store.addScore(cve, vector, null, SOURCE, sourceRef);
        }
        return imports.findById(importId).orElseThrow();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
