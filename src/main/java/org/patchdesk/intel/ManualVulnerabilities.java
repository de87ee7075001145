package org.patchdesk.intel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** Two versions joined by a dash, as vendor letters write ranges ("06.00-06.10"). */
    private static final Pattern DASH_RANGE = Pattern.compile("(\\d[\\w.]*?)\\s*-\\s*(\\d[\\w.]*)");

    /** A stored entry, for listing: its values, the user who entered it and the time. */
    public record Stored(String cveId, String manufacturer, String model, String versions, String cvssVector, String enteredBy,
                         OffsetDateTime enteredAt) {
    }

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
        // Entering the same CVE for the same product again corrects the earlier entry.
        List<String> earlier = sourceRefs(handle, cve, entry.manufacturer(), entry.model());
        FeedImportDao imports = handle.attach(FeedImportDao.class);
        String summary = cve + " for " + entry.manufacturer().strip() + " " + entry.model().strip()
                + (allVersions ? ", all versions" : ", versions " + entry.versions().strip())
                + (earlier.isEmpty() ? "" : ", in place of the earlier entry");
        long importId = imports.insert(FeedKind.MANUAL.word(), null, null, null, null, OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                actor.name(), 1, earlier.isEmpty() ? 1 : 0, earlier.isEmpty() ? 0 : 1, 0, summary);
        String sourceRef = "M" + importId;
        VulnerabilityStore store = new VulnerabilityStore(handle, now);
        for (String ref : earlier) {
            store.clearSource(SOURCE, ref);
        }
        store.ensure(cve, null, blankToNull(entry.description()), null);
        store.addStatements(List.of(VulnerabilityStore.statement(SOURCE, sourceRef, cve, entry.manufacturer(), entry.model(),
                versionKind, allVersions ? null : entry.versions().strip(), null, null, Statement.AFFECTED)));
        if (vector != null) {
            store.addScore(cve, vector, null, SOURCE, sourceRef);
        }
        return imports.findById(importId).orElseThrow();
    }

    /** Lists the entries made by hand, by CVE, manufacturer and model. */
    public List<Stored> list(Handle handle) {
        return handle.createQuery("SELECT s.cve_id, s.vendor, s.product, s.version_text, c.vector, i.imported_by, i.imported_at"
                        + " FROM affected_statement s JOIN feed_import i ON 'M' || i.id = s.source_ref"
                        + " LEFT JOIN cvss_score c ON c.source_kind = s.source_kind AND c.source_ref = s.source_ref"
                        + " WHERE s.source_kind = '" + SOURCE + "' ORDER BY s.cve_id, LOWER(s.vendor), LOWER(s.product)")
                .map((rs, ctx) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
                .list();
    }

    /**
     * Deletes the entry of a CVE for a manufacturer and model, with its CVSS vector. The
     * vulnerability itself stays, with the data other sources give for it.
     *
     * @throws IllegalArgumentException when no entry by hand has that CVE, manufacturer and model
     */
    public void remove(Handle handle, String cveId, String manufacturer, String model, Instant now) {
        String cve = CveIds.normalize(cveId);
        if (cve == null) {
            throw new IllegalArgumentException(CveIds.invalid(Objects.toString(cveId, "").strip()));
        }
        List<String> refs = sourceRefs(handle, cve, Objects.toString(manufacturer, ""), Objects.toString(model, ""));
        if (refs.isEmpty()) {
            throw new IllegalArgumentException("No vulnerability entered by hand is " + cve + " for " + Objects.toString(manufacturer, "").strip()
                    + " " + Objects.toString(model, "").strip() + "; vulns list shows the entries");
        }
        VulnerabilityStore store = new VulnerabilityStore(handle, now);
        for (String ref : refs) {
            store.clearSource(SOURCE, ref);
        }
    }

    private static List<String> sourceRefs(Handle handle, String cve, String manufacturer, String model) {
        return handle.createQuery("SELECT DISTINCT source_ref FROM affected_statement WHERE source_kind = '" + SOURCE + "'"
                        + " AND cve_id = :cve AND vendor_key = :vendor AND product_key = :product")
                .bind("cve", cve)
                .bind("vendor", ProductNames.vendorKey(manufacturer))
                .bind("product", ProductNames.productKey(model))
                .mapTo(String.class)
                .list();
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
        Matcher dash = DASH_RANGE.matcher(versions);
        if (dash.matches()) {
            throw new IllegalArgumentException("'" + versions + "' could be a range or one version; write the range as >=" + dash.group(1)
                    + "|<=" + dash.group(2) + ", or the version as =" + versions);
        }
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
