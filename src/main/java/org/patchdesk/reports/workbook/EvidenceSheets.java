package org.patchdesk.reports.workbook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.patchdesk.intel.FeedKind;
import org.patchdesk.patchlog.PatchDecision;
import org.patchdesk.users.SignatureMeaning;

/**
 * The sheets of the audit workbook that list decisions and sources rather than the site's records.
 * They are the patch decisions made within the range with their signatures, the vulnerability feed
 * imports of the range, and every end-of-support date recorded for a product or an operating
 * system. Each is read by one streamed query in the caller's transaction.
 */
final class EvidenceSheets {

    static final String PATCH_DECISIONS = "Patch decisions";
    static final String FEED_IMPORTS = "Feed imports";
    static final String SUPPORT_DATES = "End-of-support dates";

    static final List<String> DECISION_HEADERS = List.of("Decision ID", "Asset Tag", "Product", "Update", "Decision", "Rationale",
            "Approved By", "Approver Roles", "Decided At", "Signature", "Signed As", "Meaning", "Recorded By", "Recorded At");

    static final List<String> FEED_HEADERS = List.of("Import", "Feed", "Imported At", "Imported By", "File", "SHA-256", "Feed Version",
            "Feed Date", "Records", "Added", "Changed", "Removed");

    static final List<String> SUPPORT_HEADERS = List.of("Kind", "Name", "End of Support", "Status", "End of Sale", "Paid Support Until",
            "Source", "Changed By", "Changed At");

    /** The Kind of a product's row on the End-of-support dates sheet. */
    static final String PRODUCT = "Product";
    /** The Kind of an operating system's row on the End-of-support dates sheet. */
    static final String OPERATING_SYSTEM = "Operating system";

    private final Handle handle;
    private final SheetWriter out;
    private final WorkbookRange range;
    private final LocalDate today;

    EvidenceSheets(Handle handle, SheetWriter out, WorkbookRange range, LocalDate today) {
        this.handle = handle;
        this.out = out;
        this.range = range;
        this.today = today;
    }

    /**
     * Writes the decisions to deploy, defer or reject an update made within the range, oldest first.
     * A decision made once PatchDesk had user accounts is an electronic signature, whose user name
     * and meaning fill Signed As and Meaning. An older decision names an approver that was typed.
     */
    void patchDecisions() {
        out.start(PATCH_DECISIONS, DECISION_HEADERS);
        out.stream(SheetWriter.bind(handle.createQuery("SELECT d.*, s.user_name, s.printed_name, s.signer_roles, s.signed_at, s.meaning"
                        + " FROM patch_decision d LEFT JOIN electronic_signature s ON s.id = d.signature_id"
                        + " WHERE d.decided_at >= :from AND d.decided_at < :to ORDER BY d.decided_at, d.id"), range.times()),
                (rs, ctx) -> {
                    boolean signed = rs.getString("user_name") != null;
                    List<Object> row = new ArrayList<>();
                    row.add(rs.getLong("id"));
                    row.add(rs.getString("asset_tag"));
                    row.add(rs.getString("product_name"));
                    row.add(rs.getString("update_name"));
                    row.add(capitalized(PatchDecision.Choice.parse(rs.getString("decision")).word()));
                    row.add(rs.getString("rationale"));
                    row.add(signed ? rs.getString("printed_name") : rs.getString("approver_name"));
                    row.add(signed ? rs.getString("signer_roles") : rs.getString("approver_role"));
                    row.add(out.time(rs, "decided_at"));
                    row.add(signed ? "Electronic signature" : "Typed, before user accounts");
                    row.add(rs.getString("user_name"));
                    row.add(signed ? SignatureMeaning.fromWord(rs.getString("meaning")).label() : null);
                    row.add(rs.getString("recorded_by"));
                    row.add(out.time(rs, "recorded_at"));
                    return row;
                });
    }

    /** Writes the vulnerability feed imports made within the range, oldest first, with the file's hash. */
    void feedImports() {
        out.start(FEED_IMPORTS, FEED_HEADERS);
        out.stream(SheetWriter.bind(handle.createQuery("SELECT * FROM feed_import WHERE imported_at >= :from AND imported_at < :to"
                        + " ORDER BY imported_at, id"), range.times()),
                (rs, ctx) -> {
                    List<Object> row = new ArrayList<>();
                    row.add(rs.getLong("id"));
                    row.add(feedTitle(rs.getString("feed")));
                    row.add(out.time(rs, "imported_at"));
                    row.add(rs.getString("imported_by"));
                    row.add(rs.getString("file_name"));
                    row.add(rs.getString("file_sha256"));
                    row.add(rs.getString("feed_version"));
                    row.add(rs.getString("feed_date"));
                    row.add(rs.getLong("records"));
                    row.add(rs.getLong("added"));
                    row.add(rs.getLong("changed"));
                    row.add(rs.getLong("removed"));
                    return row;
                });
    }

    /** Writes every end-of-support date recorded for a product, then for an operating system, with its state today. */
    void supportDates() {
        out.start(SUPPORT_DATES, SUPPORT_HEADERS);
        out.stream(handle.createQuery("SELECT m.name AS manufacturer, p.model, s.* FROM product_support s"
                        + " JOIN product p ON p.id = s.product_id JOIN manufacturer m ON m.id = p.manufacturer_id"
                        + " ORDER BY m.name, p.model"),
                (rs, ctx) -> supportRow(PRODUCT, rs.getString("manufacturer") + " " + rs.getString("model"),
                        SheetWriter.date(rs, "end_of_support"), SheetWriter.date(rs, "end_of_sale"), null, rs.getString("source"),
                        rs.getString("changed_by"), out.time(rs, "changed_at")));
        out.stream(handle.createQuery("SELECT * FROM os_support ORDER BY os_name"),
                (rs, ctx) -> supportRow(OPERATING_SYSTEM, rs.getString("os_name"), SheetWriter.date(rs, "end_of_support"), null,
                        SheetWriter.date(rs, "paid_support_until"), rs.getString("source"), rs.getString("changed_by"),
                        out.time(rs, "changed_at")));
    }

    private List<Object> supportRow(String kind, String name, LocalDate end, LocalDate endOfSale, LocalDate paidUntil, String source,
                                    String changedBy, Object changedAt) {
        List<Object> row = new ArrayList<>();
        row.add(kind);
        row.add(name);
        row.add(end);
        if (today.isAfter(end)) {
            row.add(SupportStatus.PAST);
        } else {
            row.add(today.plusMonths(12).isAfter(end) ? "ends within 12 months" : "supported");
        }
        row.add(endOfSale);
        row.add(paidUntil);
        row.add(source);
        row.add(changedBy);
        row.add(changedAt);
        return row;
    }

    /** Counts the rows each sheet would hold, with the same selections as the methods that write them. */
    static void tally(Handle handle, WorkbookRange range, Map<String, Long> rows) {
        Map<String, Object> times = range.times();
        rows.put(PATCH_DECISIONS, count(handle, "SELECT COUNT(*) FROM patch_decision WHERE decided_at >= :from AND decided_at < :to",
                times));
        rows.put(FEED_IMPORTS, count(handle, "SELECT COUNT(*) FROM feed_import WHERE imported_at >= :from AND imported_at < :to", times));
        rows.put(SUPPORT_DATES, count(handle, "SELECT (SELECT COUNT(*) FROM product_support) + (SELECT COUNT(*) FROM os_support)",
                Map.of()));
    }

    /** Counts the feed imports of the range whose feed is one of {@code feeds}. */
    static long feedImports(Handle handle, WorkbookRange range, List<FeedKind> feeds) {
        return handle.createQuery("SELECT COUNT(*) FROM feed_import WHERE feed IN (<feeds>) AND imported_at >= :from AND imported_at < :to")
                .bindList("feeds", feeds.stream().map(FeedKind::word).toList())
                .bindMap(range.times()).mapTo(Long.class).one();
    }

    private static long count(Handle handle, String sql, Map<String, Object> bindings) {
        return handle.createQuery(sql).bindMap(bindings).mapTo(Long.class).one();
    }

    /** Returns the feed's title, such as "CISA KEV catalog", or the stored word of a feed this version does not know. */
    static String feedTitle(String word) {
        for (FeedKind kind : FeedKind.values()) {
            if (kind.word().equals(word)) {
                return kind.title();
            }
        }
        return word;
    }

    static String capitalized(String word) {
        return word == null || word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
