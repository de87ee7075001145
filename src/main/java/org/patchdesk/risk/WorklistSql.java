package org.patchdesk.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.patchdesk.risk.ssvc.Decision;

/** Builds the SQL of worklist queries: the filters as a WHERE clause with positional parameters. */
final class WorklistSql {

    /** The joins that filters use, and so all that counts need. */
    private static final String FILTER_JOINS = " JOIN device d ON d.id = f.device_id LEFT JOIN manufacturer m ON m.id = d.manufacturer_id";

    /** Joins for labels only: each matches at most one row and drops none, so they change no count. */
    private static final String LABEL_JOINS = " LEFT JOIN device_type t ON t.id = d.device_type_id"
            + " LEFT JOIN vulnerability v ON v.cve_id = f.cve_id";

    static final String FROM = " FROM finding f" + FILTER_JOINS + LABEL_JOINS;

    /** Reads findings in (rank, priority) order. H2 prefers the status index on its own, so the query names this one. */
    private static final String BY_RANK = " FROM finding f USE INDEX (ix_finding_rank)";

    static final String ROW_COLUMNS = "SELECT f.*, d.asset_tag, m.name AS manufacturer_name, d.model AS device_model,"
            + " d.department AS device_department, t.name AS device_type_name, v.title AS vulnerability_title";

    static final String ORDER = " ORDER BY f.decision_rank DESC, f.priority DESC, f.due_date, d.asset_tag_key, f.cve_id";

    private final String where;
    private final List<Object> params;
    /** True when an index narrows the findings to a few, as for one device or one CVE. */
    private final boolean narrow;

    private WorklistSql(String where, List<Object> params, boolean narrow) {
        this.where = where;
        this.params = params;
        this.narrow = narrow;
    }

    static WorklistSql of(WorklistQuery query, LocalDate today) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        conditions.add("d.status <> 'RETIRED'");
        if (!query.statuses().isEmpty()) {
            conditions.add("f.status IN (" + placeholders(query.statuses().size()) + ")");
            query.statuses().stream().map(FindingStatus::stored).sorted().forEach(params::add);
        }
        if (!query.decisions().isEmpty()) {
            conditions.add("f.decision IN (" + placeholders(query.decisions().size()) + ")");
            query.decisions().stream().map(Decision::word).sorted().forEach(params::add);
        }
        if (query.kevOnly()) {
            conditions.add("f.kev");
        }
        if (query.minEpss() != null) {
            conditions.add("f.epss >= ?");
            params.add(query.minEpss());
        }
        if (query.overdueOnly()) {
            conditions.add("f.status = 'open' AND f.due_date < ?");
            params.add(today);
        }
        if (query.reviewOnly()) {
            conditions.add("f.review <> 'none'");
        }
        if (query.department() != null && !query.department().isBlank()) {
            conditions.add("LOWER(d.department) = ?");
            params.add(query.department().strip().toLowerCase(Locale.ROOT));
        }
        if (query.text() != null && !query.text().isBlank()) {
            String like = "%" + query.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%";
            conditions.add("(LOWER(d.asset_tag) LIKE ? OR LOWER(f.cve_id) LIKE ? OR LOWER(m.name) LIKE ? OR LOWER(d.model) LIKE ?)");
            for (int i = 0; i < 4; i++) {
                params.add(like);
            }
        }
        if (query.grouping() != null && query.group() != null) {
            groupCondition(query.grouping(), query.group(), conditions, params);
        }
        boolean narrow = query.group() != null && (query.grouping() == Grouping.DEVICE || query.grouping() == Grouping.VULNERABILITY);
        return new WorklistSql(conditions.stream().collect(Collectors.joining(" AND ", " WHERE ", "")), params, narrow);
    }

    /**
     * Adds the condition for one group. It compares the columns themselves rather than the group
     * key expression, so that the indexes on device and CVE serve it.
     */
    private static void groupCondition(Grouping grouping, String key, List<String> conditions, List<Object> params) {
        switch (grouping) {
            case DEVICE -> {
                conditions.add("f.device_id = ?");
                params.add(parseId(key));
            }
            case VULNERABILITY -> {
                conditions.add("f.cve_id = ?");
                params.add(key);
            }
            case PRODUCT -> {
                if (key.isEmpty()) {
                    conditions.add("d.product_id IS NULL");
                } else {
                    conditions.add("d.product_id = ?");
                    params.add(parseId(key));
                }
            }
            case DEPARTMENT -> {
                if (key.isEmpty()) {
                    conditions.add("d.department IS NULL");
                } else {
                    conditions.add("d.department = ?");
                    params.add(key);
                }
            }
        }
    }

    private static long parseId(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' is not a group key of this grouping", e);
        }
    }

    /** Returns the SQL expression that gives a finding's group key, as text. */
    static String groupKey(Grouping grouping) {
        return switch (grouping) {
            case DEVICE -> "CAST(f.device_id AS VARCHAR)";
            case VULNERABILITY -> "f.cve_id";
            case PRODUCT -> "COALESCE(CAST(d.product_id AS VARCHAR), '')";
            case DEPARTMENT -> "COALESCE(d.department, '')";
        };
    }

    /** Returns the SQL expression that gives a group's label. */
    static String groupLabel(Grouping grouping) {
        return switch (grouping) {
            case DEVICE -> "MIN(d.asset_tag || ' - ' || COALESCE(m.name, '') || ' ' || COALESCE(d.model, ''))";
            case VULNERABILITY -> "MIN(f.cve_id || COALESCE(': ' || v.title, ''))";
            case PRODUCT -> "MIN(COALESCE(m.name || ' ' || d.model, d.model, 'No model recorded'))";
            case DEPARTMENT -> "MIN(COALESCE(d.department, 'No department recorded'))";
        };
    }

    String where() {
        return where;
    }

    Query bind(Query query) {
        for (int i = 0; i < params.size(); i++) {
            query.bind(i, params.get(i));
        }
        return query;
    }

    /**
     * Returns the query of one page. Sorting every matching finding took seconds on a site of
     * 600,000 findings, so a first query reads the findings in (rank, priority) order and stops at
     * the page's last position. Every finding on the page ranks at least as high as the finding
     * there, so the page query sorts only those. The findings of one device or one CVE are few and
     * sorted whole.
     */
    Query rows(Handle handle, int offset, int limit) {
        if (narrow) {
            // The device or CVE index finds the few findings; reading in rank order would pass every finding.
            return bind(handle.createQuery(ROW_COLUMNS + FROM + where + ORDER + " LIMIT " + limit + " OFFSET " + offset));
        }
        long last = (long) offset + limit - 1;
        Optional<Object[]> bound = bind(handle.createQuery("SELECT f.decision_rank, f.priority" + BY_RANK + FILTER_JOINS + where
                        + " ORDER BY f.decision_rank DESC, f.priority DESC OFFSET " + last + " ROWS FETCH NEXT 1 ROW ONLY"))
                .map((rs, ctx) -> new Object[] {rs.getInt(1), rs.getDouble(2)})
                .findOne();
        if (bound.isEmpty()) {
            // The page is the last one or past the end, so no finding can be left out.
            return bind(handle.createQuery(ROW_COLUMNS + FROM + where + ORDER + " LIMIT " + limit + " OFFSET " + offset));
        }
        Query page = bind(handle.createQuery(ROW_COLUMNS + BY_RANK + FILTER_JOINS + LABEL_JOINS + where
                + " AND f.decision_rank >= ? AND (f.decision_rank > ? OR f.priority >= ?)" + ORDER + " LIMIT " + limit + " OFFSET " + offset));
        page.bind(params.size(), bound.get()[0]);
        page.bind(params.size() + 1, bound.get()[0]);
        page.bind(params.size() + 2, bound.get()[1]);
        return page;
    }

    Query all(Handle handle) {
        return bind(handle.createQuery(ROW_COLUMNS + FROM + where + ORDER));
    }

    Query count(Handle handle) {
        return bind(handle.createQuery("SELECT COUNT(*) FROM finding f" + FILTER_JOINS + where));
    }

    Query groups(Handle handle, Grouping grouping, LocalDate today) {
        Query query = handle.createQuery("SELECT " + groupKey(grouping) + " AS group_key, " + groupLabel(grouping) + " AS group_label,"
                + " COUNT(*) AS findings, SUM(CASE WHEN f.status = 'open' AND f.due_date < ? THEN 1 ELSE 0 END) AS overdue,"
                + " MAX(f.decision_rank) AS top_rank, MAX(f.priority) AS top_priority" + FROM + where + " GROUP BY "
                + groupKey(grouping) + " ORDER BY top_rank DESC, top_priority DESC, group_label");
        query.bind(0, today);
        for (int i = 0; i < params.size(); i++) {
            query.bind(i + 1, params.get(i));
        }
        return query;
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
