package org.patchdesk.risk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.patchdesk.intel.OperatingSystems;
import org.patchdesk.intel.Statement;
import org.patchdesk.intel.versions.Applicability;
import org.patchdesk.intel.versions.VersionSpec;

/**
 * Turns the sources' statements about products into findings: one vulnerability on one device. A
 * statement reaches a device through an applying product match (the device's product) or an
 * accepted operating-system match (the device's operating system), and the device's software
 * version decides whether it falls inside the affected versions.
 *
 * <p>Findings are records and are never deleted here. A finding a person has given a status
 * (mitigated, patched, risk accepted, not affected) keeps it. An open finding that no source
 * supports any more is withdrawn. An open finding whose device version is now outside the
 * affected versions, or inside the fixed ones, becomes not affected with the reason. A withdrawn
 * or automatically not-affected finding that applies again is reopened, and its clock starts again.
 */
public final class FindingEngine {

    /** The devices or vulnerabilities a refresh looks at; an empty set means all of them. */
    public record Scope(Set<Long> deviceIds, Set<String> cveIds) {

        public static final Scope ALL = new Scope(Set.of(), Set.of());

        public static Scope devices(Set<Long> ids) {
            return new Scope(Set.copyOf(ids), Set.of());
        }

        public static Scope cves(Set<String> ids) {
            return new Scope(Set.of(), Set.copyOf(ids));
        }

        boolean includesDevice(long id) {
            return deviceIds.isEmpty() || deviceIds.contains(id);
        }

        boolean includesCve(String id) {
            return cveIds.isEmpty() || cveIds.contains(id);
        }
    }

    /** The changes of a refresh, by kind. */
    public record Counts(int added, int reopened, int withdrawn, int notAffected, int updated) {

        public int changed() {
            return added + reopened + withdrawn + notAffected + updated;
        }
    }

    /** A device as matching needs it. */
    private record DeviceRef(long id, Long productId, String softwareVersion, String osKey, String osName) {
    }

    /**
     * One statement's verdict on one device. {@code otherLine} is true when the statement was
     * understood but names versions of another shape than the device's, such as another
     * regional product line.
     */
    private record Verdict(Statement statement, Applicability applicability, String explanation, boolean otherLine) {
    }

    /** The combined verdict of every statement about one vulnerability on one device. */
    private record Outcome(boolean applies, ReviewFlag review, String applicability, String basis) {
    }

    private record Existing(long id, String status, String statusChangedBy, String review, String applicability, String basis) {
    }

    /** The actor name under which PatchDesk records the statuses it sets itself. */
    public static final String SYSTEM = "system";

    /**
     * Brings the findings in scope up to date with the statements and matches.
     *
     * @param withdrawNote gives the note a withdrawn finding of a CVE gets, naming what removed it (such as an advisory revision)
     */
    public Counts refresh(Handle handle, Scope scope, Function<String, String> withdrawNote, Instant now, LocalDate today) {
        Map<String, List<Long>> productsByName = new HashMap<>();
        handle.createQuery("SELECT vendor_key, product_key, product_id FROM product_match WHERE decision IN ('auto', 'accepted')")
                .map((rs, ctx) -> Map.entry(rs.getString(1) + "\u0000" + rs.getString(2), rs.getLong(3)))
                .forEach(entry -> productsByName.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
        Map<OperatingSystems.Family, List<String>> osByFamily = new HashMap<>();
        handle.createQuery("SELECT family, os_key FROM os_match WHERE decision = 'accepted'")
                .map((rs, ctx) -> Map.entry(OperatingSystems.Family.valueOf(rs.getString(1)), rs.getString(2)))
                .forEach(entry -> osByFamily.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));

        Map<Long, List<DeviceRef>> devicesByProduct = new HashMap<>();
        Map<String, List<DeviceRef>> devicesByOs = new HashMap<>();
        Set<Long> retired = new HashSet<>();
        handle.createQuery("SELECT id, product_id, software_version, os_name, status FROM device")
                .map((rs, ctx) -> {
                    if ("RETIRED".equals(rs.getString(5))) {
                        retired.add(rs.getLong(1));
                        return null;
                    }
                    return new DeviceRef(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3),
                            rs.getString(4) == null ? null : OperatingSystems.osKey(rs.getString(4)), rs.getString(4));
                })
                .forEach(device -> {
                    if (device == null || !scope.includesDevice(device.id())) {
                        return;
                    }
                    if (device.productId() != null) {
                        devicesByProduct.computeIfAbsent(device.productId(), key -> new ArrayList<>()).add(device);
                    }
                    if (device.osKey() != null) {
                        devicesByOs.computeIfAbsent(device.osKey(), key -> new ArrayList<>()).add(device);
                    }
                });

        Map<String, Map<Long, DeviceRef>> devicesByCve = new HashMap<>();
        Map<String, List<Verdict>> verdicts = new LinkedHashMap<>();
        Map<String, VersionSpec> specs = new HashMap<>();
        for (Statement statement : handle.createQuery("SELECT * FROM affected_statement ORDER BY id")
                .map((rs, ctx) -> new Statement(rs.getLong("id"), rs.getString("source_kind"), rs.getString("source_ref"),
                        rs.getString("cve_id"), rs.getString("vendor"), rs.getString("product"), rs.getString("vendor_key"),
                        rs.getString("product_key"), rs.getString("version_kind"), rs.getString("version_text"),
                        rs.getString("less_than"), rs.getString("less_or_equal"), rs.getString("status")))
                .list()) {
            if (!scope.includesCve(statement.cveId())) {
                continue;
            }
            String name = statement.vendorKey() + "\u0000" + statement.productKey();
            for (Long productId : productsByName.getOrDefault(name, List.of())) {
                VersionSpec spec = specs.computeIfAbsent(specKey(statement), key -> specOf(statement));
                for (DeviceRef device : devicesByProduct.getOrDefault(productId, List.of())) {
                    String key = device.id() + "\u0000" + statement.cveId();
                    verdicts.computeIfAbsent(key, k -> new ArrayList<>()).add(verdict(statement, spec, device.softwareVersion()));
                    devicesByCve.computeIfAbsent(statement.cveId(), k -> new HashMap<>()).put(device.id(), device);
                }
            }
            if (!Statement.AFFECTED.equals(statement.status())) {
                continue;
            }
            List<String> osKeys = OperatingSystems.familyOfStatement(statement.vendorKey(), statement.productKey())
                    .map(family -> osByFamily.getOrDefault(family, List.<String>of())).orElse(List.of());
            for (String osKey : osKeys) {
                for (DeviceRef device : devicesByOs.getOrDefault(osKey, List.of())) {
                    String key = device.id() + "\u0000" + statement.cveId();
                    verdicts.computeIfAbsent(key, k -> new ArrayList<>()).add(new Verdict(statement, Applicability.NEEDS_REVIEW,
                            "the device runs " + device.osName() + ", which an accepted match links to the "
                                    + OperatingSystems.familyOfStatement(statement.vendorKey(), statement.productKey()).orElseThrow().title()
                                    + " entries; the source names no versions", false));
                }
            }
        }

        Map<String, Existing> existing = new HashMap<>();
        handle.createQuery("SELECT id, device_id, cve_id, status, status_changed_by, review, applicability, basis FROM finding")
                .map((rs, ctx) -> Map.entry(rs.getLong(2) + "\u0000" + rs.getString(3),
                        new Existing(rs.getLong(1), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8))))
                .forEach(entry -> {
                    String[] parts = entry.getKey().split("\u0000");
                    long deviceId = Long.parseLong(parts[0]);
                    // A retired device's findings stay as they were: they are history, not work.
                    if (scope.includesDevice(deviceId) && scope.includesCve(parts[1]) && !retired.contains(deviceId)) {
                        existing.put(entry.getKey(), entry.getValue());
                    }
                });

        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        int added = 0;
        int reopened = 0;
        int withdrawn = 0;
        int notAffected = 0;
        int updated = 0;
        for (Map.Entry<String, List<Verdict>> entry : verdicts.entrySet()) {
            Outcome outcome = combine(entry.getValue());
            Existing old = existing.remove(entry.getKey());
            String[] parts = entry.getKey().split("\u0000");
            long deviceId = Long.parseLong(parts[0]);
            String cve = parts[1];
            if (old == null) {
                if (outcome.applies()) {
                    inserts.add(new Object[] {deviceId, cve, FindingStatus.OPEN.stored(), outcome.review().stored(), outcome.applicability(),
                            truncate(outcome.basis()), at, today});
                    added++;
                }
                continue;
            }
            FindingStatus status = FindingStatus.fromStored(old.status());
            boolean setBySystem = SYSTEM.equals(old.statusChangedBy());
            if (outcome.applies()) {
                if (status == FindingStatus.WITHDRAWN || status == FindingStatus.NOT_AFFECTED && setBySystem) {
                    updates.add(reopen(old.id(), outcome, at, today));
                    reopened++;
                } else if (!outcome.review().stored().equals(old.review()) && status == FindingStatus.OPEN
                        || !outcome.applicability().equals(old.applicability()) || !truncate(outcome.basis()).equals(old.basis())) {
                    updates.add(new Object[] {"facts", old.id(), outcome.review().stored(), outcome.applicability(), truncate(outcome.basis())});
                    updated++;
                }
            } else if (status == FindingStatus.OPEN) {
                updates.add(new Object[] {"status", old.id(), FindingStatus.NOT_AFFECTED.stored(), outcome.review().stored(),
                        outcome.applicability(), truncate(outcome.basis()), "not affected: " + outcome.basis(), at});
                notAffected++;
            }
        }
        for (Map.Entry<String, Existing> entry : existing.entrySet()) {
            Existing old = entry.getValue();
            if (FindingStatus.fromStored(old.status()) == FindingStatus.OPEN) {
                String cve = entry.getKey().substring(entry.getKey().indexOf('\u0000') + 1);
                updates.add(new Object[] {"status", old.id(), FindingStatus.WITHDRAWN.stored(), ReviewFlag.NONE.stored(), "withdrawn",
                        old.basis(), withdrawNote.apply(cve), at});
                withdrawn++;
            }
        }
        write(handle, inserts, updates);
        return new Counts(added, reopened, withdrawn, notAffected, updated);
    }

    private static Object[] reopen(long id, Outcome outcome, OffsetDateTime at, LocalDate today) {
        return new Object[] {"reopen", id, outcome.review().stored(), outcome.applicability(), truncate(outcome.basis()),
                "reopened: a source names the device again", at, today};
    }

    /**
     * Combines the verdicts of all statements about one vulnerability on one device. A fixed or
     * not-affected statement that covers the device's version wins. Otherwise any affected verdict
     * makes the finding apply, and failing that any verdict needing review makes it apply with a
     * review flag. A
     * statement about another product line is left out when another statement could compare the
     * device's version, as one statement with alternatives would be.
     */
    private static Outcome combine(List<Verdict> verdicts) {
        boolean anyCompared = verdicts.stream().anyMatch(verdict -> Statement.AFFECTED.equals(verdict.statement().status())
                && verdict.applicability() != Applicability.NEEDS_REVIEW);
        List<String> affected = new ArrayList<>();
        List<String> review = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            String line = verdict.statement().sourceLabel() + ": " + verdict.statement().vendor() + " " + verdict.statement().product()
                    + describeVersions(verdict.statement()) + ": " + verdict.explanation();
            boolean affectedStatement = Statement.AFFECTED.equals(verdict.statement().status());
            if (!affectedStatement && verdict.applicability() == Applicability.AFFECTED) {
                String what = Statement.FIXED.equals(verdict.statement().status()) ? "fixed" : "not affected";
                return new Outcome(false, ReviewFlag.NONE, "not_affected", line + " (the source states these versions are " + what + ")");
            }
            if (!affectedStatement || verdict.otherLine() && anyCompared) {
                continue;
            }
            switch (verdict.applicability()) {
                case AFFECTED -> affected.add(line);
                case NEEDS_REVIEW -> review.add(line);
                case NOT_AFFECTED -> outside.add(line);
            }
        }
        if (!affected.isEmpty()) {
            return new Outcome(true, ReviewFlag.NONE, "affected", String.join("\n", affected));
        }
        if (!review.isEmpty()) {
            return new Outcome(true, ReviewFlag.VERSION, "needs_review", String.join("\n", review));
        }
        if (!outside.isEmpty()) {
            return new Outcome(false, ReviewFlag.NONE, "not_affected", String.join("\n", outside));
        }
        return new Outcome(false, ReviewFlag.NONE, "not_affected", "no source states the device's version is affected");
    }

    private static String describeVersions(Statement statement) {
        return switch (statement.versionKind()) {
            case "all" -> ", all versions";
            case "unknown" -> ", no versions given";
            case "cve" -> {
                StringBuilder text = new StringBuilder(", versions ");
                text.append(statement.versionText() == null ? "" : statement.versionText());
                if (statement.lessThan() != null) {
                    text.append(" to before ").append(statement.lessThan());
                }
                if (statement.lessOrEqual() != null) {
                    text.append(" to ").append(statement.lessOrEqual()).append(" inclusive");
                }
                yield text.toString();
            }
            default -> statement.versionText() == null ? "" : ", versions " + statement.versionText();
        };
    }

    private static Verdict verdict(Statement statement, VersionSpec spec, String deviceVersion) {
        if (spec == null) {
            return new Verdict(statement, Applicability.NEEDS_REVIEW, "the source names no versions", false);
        }
        boolean otherLine = spec.isParsed() && deviceVersion != null && !deviceVersion.isBlank() && !spec.comparable(deviceVersion);
        return new Verdict(statement, spec.test(deviceVersion), spec.explain(deviceVersion), otherLine);
    }

    private static String specKey(Statement statement) {
        return statement.versionKind() + "\u0000" + statement.versionText() + "\u0000" + statement.lessThan() + "\u0000"
                + statement.lessOrEqual() + "\u0000" + statement.product();
    }

    /** A version line written in a product name: "7.0.x", or "version 2.5" and "v2.5". */
    private static final Pattern NAMED_LINE = Pattern.compile("(?i)(?:^|\\s)v?(\\d+(?:\\.\\d+)*)\\.x(?:\\s|$)");
    private static final Pattern NAMED_VERSION = Pattern.compile("(?i)(?:\\bversion\\s+v?|(?:^|\\s)v)(\\d+(?:\\.\\d+)+)(?:\\s|$)");

    /**
     * Returns the version spec of a statement, or null when the source gives no versions. When the
     * statement covers every version of a product whose name states a version line, as in
     * "IntelliSpace Portal 7.0.x" with "vers:all/*", the line from the name is the spec.
     */
    static VersionSpec specOf(Statement statement) {
        VersionSpec spec = switch (statement.versionKind()) {
            case "exact" -> VersionSpec.exact(statement.versionText());
            case "range", "manual" -> VersionSpec.range(statement.versionText());
            case "cve" -> VersionSpec.fromCveEntry(statement.versionText(), statement.lessThan(), statement.lessOrEqual());
            case "all" -> VersionSpec.all();
            default -> null;
        };
        if (spec != null && !spec.coversAllVersions()) {
            return spec;
        }
        Matcher line = NAMED_LINE.matcher(statement.product());
        if (line.find()) {
            String prefix = line.group(1);
            int lastDot = prefix.lastIndexOf('.');
            String head = lastDot < 0 ? "" : prefix.substring(0, lastDot + 1);
            String next = head + (new java.math.BigInteger(prefix.substring(lastDot + 1)).add(java.math.BigInteger.ONE));
            return VersionSpec.range("vers:generic/>=" + prefix + "|<" + next);
        }
        Matcher version = NAMED_VERSION.matcher(statement.product());
        if (version.find()) {
            return VersionSpec.exact(version.group(1));
        }
        return spec;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }

    private static void write(Handle handle, List<Object[]> inserts, List<Object[]> updates) {
        Connection connection = handle.getConnection();
        try {
            if (!inserts.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO finding (device_id, cve_id, status, review,"
                        + " applicability, basis, first_found_at, clock_started_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (Object[] row : inserts) {
                        for (int i = 0; i < row.length; i++) {
                            insert.setObject(i + 1, row[i]);
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            try (PreparedStatement facts = connection.prepareStatement(
                    "UPDATE finding SET review = ?, applicability = ?, basis = ? WHERE id = ?");
                 PreparedStatement status = connection.prepareStatement("UPDATE finding SET status = ?, review = ?, applicability = ?,"
                         + " basis = ?, status_note = ?, status_changed_at = ?, status_changed_by = '" + SYSTEM + "' WHERE id = ?");
                 PreparedStatement reopen = connection.prepareStatement("UPDATE finding SET status = 'open', review = ?,"
                         + " applicability = ?, basis = ?, status_note = ?, status_changed_at = ?, status_changed_by = '" + SYSTEM + "',"
                         + " clock_started_on = ?, decision_rank = 0, scored_at = NULL WHERE id = ?")) {
                for (Object[] row : updates) {
                    switch ((String) row[0]) {
                        case "facts" -> {
                            facts.setString(1, (String) row[2]);
                            facts.setString(2, (String) row[3]);
                            facts.setString(3, (String) row[4]);
                            facts.setLong(4, (Long) row[1]);
                            facts.addBatch();
                        }
                        case "status" -> {
                            status.setString(1, (String) row[2]);
                            status.setString(2, (String) row[3]);
                            status.setString(3, (String) row[4]);
                            setText(status, 4, (String) row[5]);
                            setText(status, 5, (String) row[6]);
                            status.setObject(6, row[7]);
                            status.setLong(7, (Long) row[1]);
                            status.addBatch();
                        }
                        default -> {
                            reopen.setString(1, (String) row[2]);
                            reopen.setString(2, (String) row[3]);
                            reopen.setString(3, (String) row[4]);
                            reopen.setString(4, (String) row[5]);
                            reopen.setObject(5, row[6]);
                            reopen.setObject(6, row[7]);
                            reopen.setLong(7, (Long) row[1]);
                            reopen.addBatch();
                        }
                    }
                }
                facts.executeBatch();
                status.executeBatch();
                reopen.executeBatch();
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private static void setText(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
