package org.patchdesk.intel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.patchdesk.common.Actor;
import org.patchdesk.intel.feeds.KevCatalog;
import org.patchdesk.intel.feeds.KevEntry;

/**
 * Replaces the stored KEV catalog with a newly parsed one, inside the caller's transaction, and
 * lists the entries that are new since the catalog before it. Each entry is also a statement that the
 * vendor's product is affected, without versions, because KEV gives none.
 */
public final class KevImporter {

    public static final String SOURCE = "kev";

    /** The changes of an import: the import record, the CVE ids new since the previous catalog and those it no longer lists. */
    public record Result(FeedImport feedImport, List<String> newCves, List<String> removedCves) {
    }

    /**
     * Returns the catalog's version, or for a CSV, which states none, a description naming its
     * newest entry.
     */
    public static String version(KevCatalog catalog) {
        if (catalog.catalogVersion() != null) {
            return catalog.catalogVersion();
        }
        return newestEntry(catalog).map(date -> "CSV, newest entry added " + date).orElse("CSV without entries");
    }

    /**
     * Returns the date the catalog is of: its dateReleased, or for a CSV, the day its newest entry
     * was added, because CISA publishes the catalog on the day it adds entries.
     */
    public static Optional<LocalDate> date(KevCatalog catalog) {
        if (catalog.dateReleased() != null && catalog.dateReleased().length() >= 10) {
            try {
                return Optional.of(LocalDate.parse(catalog.dateReleased().substring(0, 10)));
            } catch (DateTimeParseException e) {
                return newestEntry(catalog);
            }
        }
        return newestEntry(catalog);
    }

    private static Optional<LocalDate> newestEntry(KevCatalog catalog) {
        return catalog.entries().stream().map(KevEntry::dateAdded).filter(Objects::nonNull).max(LocalDate::compareTo);
    }

    public Result apply(Handle handle, String fileName, String sha256, KevCatalog catalog, Actor actor, Instant now) {
        KevDao kev = handle.attach(KevDao.class);
        Set<String> before = new HashSet<>(kev.allCveIds());
        boolean firstCatalog = before.isEmpty();
        List<String> added = new ArrayList<>();
        Set<String> after = new HashSet<>();
        for (KevEntry entry : catalog.entries()) {
            after.add(entry.cveId());
            if (!before.contains(entry.cveId())) {
                added.add(entry.cveId());
            }
        }
        List<String> removed = before.stream().filter(cve -> !after.contains(cve)).sorted().toList();

        FeedImportDao imports = handle.attach(FeedImportDao.class);
        String feedDate = catalog.dateReleased() != null ? catalog.dateReleased() : date(catalog).map(LocalDate::toString).orElse(null);
        long importId = imports.insert(FeedKind.KEV.word(), fileName, sha256, version(catalog), feedDate,
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC), actor.name(), catalog.entries().size(), firstCatalog ? 0 : added.size(),
                0, removed.size(), null);
        kev.deleteAll();
        List<KevDao.KevRow> rows = new ArrayList<>(catalog.entries().size());
        VulnerabilityStore store = new VulnerabilityStore(handle, now);
        handle.attach(StatementDao.class).deleteByKind(SOURCE);
        List<Statement> statements = new ArrayList<>();
        for (KevEntry entry : catalog.entries()) {
            rows.add(new KevDao.KevRow(entry.cveId(), entry.vendorProject(), entry.product(), entry.vulnerabilityName(), entry.dateAdded(),
                    entry.shortDescription(), entry.requiredAction(), entry.dueDate(), entry.knownRansomware(), entry.notes(),
                    String.join(", ", entry.cwes()), importId));
            store.ensure(entry.cveId(), entry.vulnerabilityName(), entry.shortDescription(),
                    entry.cwes().isEmpty() ? null : String.join(", ", entry.cwes()));
            if (entry.vendorProject() != null && entry.product() != null) {
                statements.add(VulnerabilityStore.statement(SOURCE, entry.cveId(), entry.cveId(), entry.vendorProject(), entry.product(),
                        "unknown", null, null, null, Statement.AFFECTED));
            }
        }
        kev.insertAll(rows);
        store.addStatements(statements);
        List<String> newCves = firstCatalog ? List.of() : added.stream().sorted().toList();
        return new Result(imports.findById(importId).orElseThrow(), newCves, removed);
    }
}
