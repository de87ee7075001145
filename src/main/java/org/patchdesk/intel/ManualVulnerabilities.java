package org.patchdesk.intel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import org.jdbi.v3.core.Handle;
import org.patchdesk.common.Actor;
import org.patchdesk.intel.cvss.CvssVector;
import org.patchdesk.intel.cvss.InvalidCvssVectorException;
import org.patchdesk.intel.feeds.CveIds;
import org.patchdesk.intel.versions.VersionSpec;

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
     * @throws IllegalArgumentException when the CVE id, the versions or the CVSS vector cannot be read, or the manufacturer
     *                                  or model is missing
     */
    public FeedImport add(Handle handle, Entry entry, Actor actor, Instant now) {
        String problem = problem(entry);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        String cve = CveIds.normalize(entry.cveId());
        CvssVector vector = null;
        if (entry.cvssVector() != null && !entry.cvssVector().isBlank()) {
            try {
                vector = CvssVector.parse(entry.cvssVector().strip());
            } catch (InvalidCvssVectorException e) {
                throw new IllegalArgumentException("Invalid CVSS vector: " + e.getMessage(), e);
            }
        }
        boolean allVersions = entry.versions() == null || entry.versions().isBlank();
        String versionKind = allVersions ? "all" : versionKind(entry.versions().strip());
        FeedImportDao imports = handle.attach(FeedImportDao.class);
        String summary = cve + " for " + entry.manufacturer().strip() + " " + entry.model().strip()
                + (allVersions ? ", all versions" : ", versions " + entry.versions().strip());
        long importId = imports.insert(FeedKind.MANUAL.word(), null, null, null, null, OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                actor.name(), 1, 1, 0, 0, summary);
        String sourceRef = "M" + importId;
        VulnerabilityStore store = new VulnerabilityStore(handle, now);
        store.ensure(cve, null, blankToNull(entry.description()), null);
        store.addStatements(List.of(VulnerabilityStore.statement(SOURCE, sourceRef, cve, entry.manufacturer(), entry.model(),
                versionKind, allVersions ? null : entry.versions().strip(), null, null, Statement.AFFECTED)));
        if (vector != null) {
            store.addScore(cve, vector, null, SOURCE, sourceRef);
        }
        return imports.findById(importId).orElseThrow();
    }

    /** Returns what is wrong with the entry, or null when it can be stored. */
    public static String problem(Entry entry) {
        if (CveIds.normalize(entry.cveId()) == null) {
            return "'" + Objects.toString(entry.cveId(), "").strip() + "' is not a CVE id (write it as CVE-2024-12345)";
        }
        if (entry.manufacturer() == null || entry.manufacturer().isBlank() || entry.model() == null || entry.model().isBlank()) {
            return "A manufacturer and a model are required";
        }
        if (entry.versions() != null && !entry.versions().isBlank()) {
            try {
                versionKind(entry.versions().strip());
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        if (entry.cvssVector() != null && !entry.cvssVector().isBlank()) {
            try {
                CvssVector.parse(entry.cvssVector().strip());
            } catch (InvalidCvssVectorException e) {
                return "Invalid CVSS vector: " + e.getMessage();
            }
        }
        return null;
    }

    /**
     * Reads the versions as a range such as "<=2.4" or ">=1.0|<2.0" ("manual"), else as one version or
     * alternatives such as "2.4.1|2.4.2" ("exact").
     */
    private static String versionKind(String versions) {
        if (VersionSpec.range(versions).isParsed()) {
            return "manual";
        }
        if (VersionSpec.exact(versions).isParsed()) {
            return "exact";
        }
        throw new IllegalArgumentException("'" + versions + "' is not a version range; write it as <=2.4, >=1.0|<2.0 or 2.4.1,"
                + " or leave it empty for every version");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
