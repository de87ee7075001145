package org.patchdesk.intel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;

/**
 * Keeps the links between the product names that sources use and the inventory up to date, and
 * records the user's decisions on close and operating-system matches. Decisions are remembered:
 * a rejected match stays rejected when the same advisory or another with the same product name
 * is imported again.
 */
public final class MatchService {

    public static final String PRODUCT_MATCH_RECORD = "product_match";
    public static final String OS_MATCH_RECORD = "os_match";

    private final AuditLog auditLog;

    public MatchService(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** Counts of a refresh: matches added, and matches dropped because a name or model changed. */
    public record RefreshCounts(int added, int removed) {
    }

    /**
     * Recomputes the product and operating-system matches of every source name against the
     * inventory. Exact and alias matches apply at once; close and operating-system matches are
     * proposed. Decided matches are kept, and automatic matches that no longer hold are removed.
     */
    public RefreshCounts refresh(Handle handle) {
        MatchDao dao = handle.attach(MatchDao.class);
        ProductMatcher matcher = InventoryCatalog.load(handle).matcher();
        Map<String, String[]> names = distinctSourceNames(handle);

        Map<String, MatchDao.ProductMatchRow> existing = new HashMap<>();
        for (MatchDao.ProductMatchRow row : dao.listProductMatches()) {
            existing.put(row.vendorKey() + "\u0000" + row.productKey() + "\u0000" + row.productId(), row);
        }
        Set<String> seen = new HashSet<>();
        int added = 0;
        int removed = 0;
        for (Map.Entry<String, String[]> entry : names.entrySet()) {
            String[] name = entry.getValue();
            for (ProductMatcher.Candidate candidate : matcher.match(name[2], name[3])) {
                String key = name[0] + "\u0000" + name[1] + "\u0000" + candidate.productId();
                seen.add(key);
                MatchDao.ProductMatchRow row = existing.get(key);
                String decision = candidate.kind() == MatchKind.CLOSE ? MatchDecision.PROPOSED.word() : MatchDecision.AUTO.word();
                if (row == null) {
                    dao.insertProductMatch(name[0], name[1], name[2], name[3], candidate.productId(), candidate.kind().word(),
                            candidate.score(), candidate.reason(), decision);
                    added++;
                } else if (isUndecided(row.decision()) && !row.decision().equals(decision) || !row.kind().equals(candidate.kind().word())) {
                    dao.updateProductMatch(row.id(), candidate.kind().word(), candidate.score(), candidate.reason(),
                            isUndecided(row.decision()) ? decision : row.decision());
                }
            }
        }
        for (Map.Entry<String, MatchDao.ProductMatchRow> entry : existing.entrySet()) {
            if (!seen.contains(entry.getKey()) && isUndecided(entry.getValue().decision())) {
                dao.deleteProductMatch(entry.getValue().id());
                removed++;
            }
        }
        added += refreshOsMatches(handle, dao, names);
        return new RefreshCounts(added, removed);
    }

    private static boolean isUndecided(String decision) {
        return decision.equals(MatchDecision.AUTO.word()) || decision.equals(MatchDecision.PROPOSED.word());
    }

    /** Returns the distinct vendor and product names of all statements: vendor key, product key, vendor, product. */
    private static Map<String, String[]> distinctSourceNames(Handle handle) {
        Map<String, String[]> names = new LinkedHashMap<>();
        handle.createQuery("SELECT vendor_key, product_key, MIN(vendor) AS vendor, MIN(product) AS product FROM affected_statement"
                        + " GROUP BY vendor_key, product_key")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .forEach(name -> names.put(name[0] + "\u0000" + name[1], name));
        return names;
    }

    /**
     * Proposes a match for every operating-system family that sources name and every operating
     * system devices run in that family, once per pair.
     */
    private static int refreshOsMatches(Handle handle, MatchDao dao, Map<String, String[]> names) {
        Set<OperatingSystems.Family> families = new HashSet<>();
        for (String[] name : names.values()) {
            OperatingSystems.familyOfStatement(name[0], name[1]).ifPresent(families::add);
        }
        if (families.isEmpty()) {
            return 0;
        }
        Map<String, String> osNames = new HashMap<>();
        handle.createQuery("SELECT DISTINCT os_name FROM device WHERE os_name IS NOT NULL")
                .mapTo(String.class)
                .forEach(osName -> osNames.putIfAbsent(OperatingSystems.osKey(osName), osName));
        Set<String> existing = new HashSet<>();
        for (MatchDao.OsMatchRow row : dao.listOsMatches()) {
            existing.add(row.family() + "\u0000" + row.osKey());
        }
        int added = 0;
        for (Map.Entry<String, String> os : osNames.entrySet()) {
            Optional<OperatingSystems.Family> family = OperatingSystems.familyOfDevice(os.getValue());
            if (family.isPresent() && families.contains(family.get()) && existing.add(family.get().name() + "\u0000" + os.getKey())) {
                dao.insertOsMatch(family.get().name(), os.getKey(), os.getValue());
                added++;
            }
        }
        return added;
    }

    /** Accepts or rejects a product match; the decision is audited and kept across imports. */
    public MatchDao.ProductMatchRow decideProductMatch(Handle handle, long id, MatchDecision decision, Actor actor, Instant now) {
        MatchDao dao = handle.attach(MatchDao.class);
        MatchDao.ProductMatchRow row = dao.findProductMatch(id)
                .orElseThrow(() -> new IllegalArgumentException("No product match has number " + id));
        dao.decideProductMatch(id, decision.word(), actor.name(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        auditLog.append(handle, new AuditEntry(null, now, actor.name(), AuditAction.UPDATE, PRODUCT_MATCH_RECORD, id,
                row.vendor() + " " + row.product(), null, Map.of("decision", row.decision()), Map.of("decision", decision.word()),
                "Product match " + decision.word()));
        return dao.findProductMatch(id).orElseThrow();
    }

    /** Accepts or rejects an operating-system match; the decision is audited and kept across imports. */
    public MatchDao.OsMatchRow decideOsMatch(Handle handle, long id, MatchDecision decision, Actor actor, Instant now) {
        MatchDao dao = handle.attach(MatchDao.class);
        MatchDao.OsMatchRow row = dao.findOsMatch(id)
                .orElseThrow(() -> new IllegalArgumentException("No operating-system match has number " + id));
        dao.decideOsMatch(id, decision.word(), actor.name(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        auditLog.append(handle, new AuditEntry(null, now, actor.name(), AuditAction.UPDATE, OS_MATCH_RECORD, id,
                row.familyValue().title() + " on " + row.osName(), null, Map.of("decision", row.decision()),
                Map.of("decision", decision.word()), "Operating-system match " + decision.word()));
        return dao.findOsMatch(id).orElseThrow();
    }

    /** Returns the match rows a review screen or the command line lists, newest proposals first. */
    public List<MatchView> list(Handle handle) {
        List<MatchView> views = new ArrayList<>();
        views.addAll(handle.createQuery("SELECT m.id, m.vendor, m.product, m.kind, m.score, m.reason, m.decision, m.decided_by,"
                        + " mf.name AS manufacturer, p.model, (SELECT COUNT(*) FROM device d WHERE d.product_id = p.id) AS devices,"
                        + " (SELECT COUNT(DISTINCT s.cve_id) FROM affected_statement s WHERE s.vendor_key = m.vendor_key"
                        + " AND s.product_key = m.product_key) AS cves"
                        + " FROM product_match m JOIN product p ON p.id = m.product_id JOIN manufacturer mf ON mf.id = p.manufacturer_id"
                        + " ORDER BY CASE m.decision WHEN 'proposed' THEN 0 ELSE 1 END, LOWER(m.vendor), LOWER(m.product)")
                .map((rs, ctx) -> new MatchView("P" + rs.getLong("id"), MatchView.Target.PRODUCT, rs.getString("vendor"),
                        rs.getString("product"), rs.getString("manufacturer") + " " + rs.getString("model"), rs.getInt("devices"),
                        rs.getInt("cves"), MatchKind.fromWord(rs.getString("kind")).name().toLowerCase(java.util.Locale.ROOT),
                        rs.getDouble("score"), rs.getString("reason"), MatchDecision.fromWord(rs.getString("decision")),
                        rs.getString("decided_by")))
                .list());
        Map<OperatingSystems.Family, Set<String>> cvesByFamily = new HashMap<>();
        handle.createQuery("SELECT DISTINCT vendor_key, product_key, cve_id FROM affected_statement WHERE status = 'affected'")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .forEach(row -> OperatingSystems.familyOfStatement(row[0], row[1])
                        .ifPresent(family -> cvesByFamily.computeIfAbsent(family, key -> new HashSet<>()).add(row[2])));
        views.addAll(handle.createQuery("SELECT m.id, m.family, m.os_name, m.decision, m.decided_by,"
                        + " (SELECT COUNT(*) FROM device d WHERE LOWER(d.os_name) = m.os_key) AS devices"
                        + " FROM os_match m ORDER BY CASE m.decision WHEN 'proposed' THEN 0 ELSE 1 END, m.family, LOWER(m.os_name)")
                .map((rs, ctx) -> {
                    OperatingSystems.Family family = OperatingSystems.Family.valueOf(rs.getString("family"));
                    return new MatchView("O" + rs.getLong("id"), MatchView.Target.OPERATING_SYSTEM, family.vendor(), family.product(),
                            "devices running " + rs.getString("os_name"), rs.getInt("devices"),
                            cvesByFamily.getOrDefault(family, Set.of()).size(), "operating system", 0,
                            "the sources name " + family.title() + " components and give no versions, so every finding is marked"
                                    + " version needs review",
                            MatchDecision.fromWord(rs.getString("decision")), rs.getString("decided_by"));
                })
                .list());
        return views;
    }
}
