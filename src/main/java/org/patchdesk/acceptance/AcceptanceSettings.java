package org.patchdesk.acceptance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.patchdesk.users.Role;

/**
 * The settings of risk acceptances, stored as rows of the {@code setting} table.
 *
 * @param mediumFrom     the lowest likelihood × severity product that is a medium residual risk (default 8)
 * @param highFrom       the lowest product that is a high residual risk (default 15)
 * @param approvers      the roles that must sign an acceptance of each level
 * @param maxMonths      the longest duration an acceptance may request, in months (default 12)
 * @param warningDays    how many days before its end date an active acceptance is expiring (default 30)
 */
public record AcceptanceSettings(int mediumFrom, int highFrom, Map<RiskLevel, List<Role>> approvers, int maxMonths, int warningDays) {

    public static final String MEDIUM_FROM_KEY = "acceptance.level.medium_from";
    public static final String HIGH_FROM_KEY = "acceptance.level.high_from";
    public static final String APPROVERS_KEY_PREFIX = "acceptance.approvers.";
    public static final String MAX_MONTHS_KEY = "acceptance.max_months";
    public static final String WARNING_DAYS_KEY = "acceptance.warning_days";

    /** The longest maximum duration a site may set, in months. */
    public static final int MAX_MONTHS_LIMIT = 36;

    /** The roles that can approve an acceptance: every role but the auditor, who cannot sign. */
    public static final List<Role> SIGNING_ROLES = List.of(Role.HTM_MANAGER, Role.INFOSEC, Role.CLINICAL_LEADER, Role.IT_NETWORK,
            Role.HTM_TECHNICIAN, Role.ADMINISTRATOR);

    public static final AcceptanceSettings DEFAULTS = new AcceptanceSettings(8, 15, Map.of(
            RiskLevel.LOW, List.of(Role.HTM_MANAGER),
            RiskLevel.MEDIUM, List.of(Role.HTM_MANAGER, Role.INFOSEC),
            RiskLevel.HIGH, List.of(Role.HTM_MANAGER, Role.INFOSEC, Role.CLINICAL_LEADER)), 12, 30);

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException naming the setting and its value
     */
    public AcceptanceSettings {
        checkBands(mediumFrom, highFrom);
        checkMaxMonths(maxMonths);
        checkWarningDays(warningDays);
        Map<RiskLevel, List<Role>> copy = new EnumMap<>(RiskLevel.class);
        for (RiskLevel level : RiskLevel.values()) {
            List<Role> roles = approvers.get(level);
            checkApprovers(level, roles);
            copy.put(level, List.copyOf(roles.stream().distinct().toList()));
        }
        approvers = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Checks the lowest products of the medium and high residual risk bands.
     *
     * @throws IllegalArgumentException unless 2 <= medium from < high from <= 25
     */
    public static void checkBands(int mediumFrom, int highFrom) {
        if (mediumFrom < 2 || highFrom <= mediumFrom || highFrom > 25) {
            throw new IllegalArgumentException("The residual risk bands need 2 <= medium from < high from <= 25, not medium from "
                    + mediumFrom + " and high from " + highFrom);
        }
    }

    /**
     * Checks the longest duration an acceptance may request.
     *
     * @throws IllegalArgumentException unless it is 1 to {@value #MAX_MONTHS_LIMIT} months
     */
    public static void checkMaxMonths(int maxMonths) {
        if (maxMonths < 1 || maxMonths > MAX_MONTHS_LIMIT) {
            throw new IllegalArgumentException("The maximum duration of a risk acceptance needs 1 to " + MAX_MONTHS_LIMIT
                    + " months, not " + maxMonths);
        }
    }

    /**
     * Checks how many days before its end date an acceptance is expiring.
     *
     * @throws IllegalArgumentException unless it is 0 to 365 days
     */
    public static void checkWarningDays(int warningDays) {
        if (warningDays < 0 || warningDays > 365) {
            throw new IllegalArgumentException("The warning period of a risk acceptance needs 0 to 365 days, not " + warningDays);
        }
    }

    /**
     * Checks the roles that approve an acceptance of a level.
     *
     * @throws IllegalArgumentException when there is no role, or the auditor role is among them
     */
    public static void checkApprovers(RiskLevel level, List<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("A " + level.word() + " residual risk needs at least one approving role");
        }
        if (roles.contains(Role.AUDITOR)) {
            throw new IllegalArgumentException("Auditors cannot sign, so " + Role.AUDITOR.label() + " cannot approve a "
                    + level.word() + " residual risk");
        }
    }

    /** Returns the level of a likelihood × severity product. */
    public RiskLevel level(int product) {
        if (product >= highFrom) {
            return RiskLevel.HIGH;
        }
        return product >= mediumFrom ? RiskLevel.MEDIUM : RiskLevel.LOW;
    }

    /** Returns the roles that must sign an acceptance of the level, in the order they are listed in the setting. */
    public List<Role> approversFor(RiskLevel level) {
        return approvers.get(level);
    }

    /** Returns the band of a level in words, such as "8-14". */
    public String band(RiskLevel level) {
        return switch (level) {
            case LOW -> "1-" + (mediumFrom - 1);
            case MEDIUM -> mediumFrom + "-" + (highFrom - 1);
            case HIGH -> highFrom + "-25";
        };
    }

    /**
     * Returns the rules in words, as the risk acceptance screen shows them, such as "Residual risk:
     * low 1-7, medium 8-14, high 15-25. Approvers: ...".
     */
    public String rulesText() {
        StringBuilder text = new StringBuilder("Residual risk (likelihood x severity): ");
        text.append("low ").append(band(RiskLevel.LOW)).append(", medium ").append(band(RiskLevel.MEDIUM)).append(", high ")
                .append(band(RiskLevel.HIGH)).append(". Approvers: ");
        List<String> levels = new ArrayList<>();
        for (RiskLevel level : RiskLevel.values()) {
            levels.add(level.word() + " " + approvers.get(level).stream().map(Role::label).collect(Collectors.joining(" + ")));
        }
        text.append(String.join("; ", levels)).append(". Maximum duration ").append(maxMonths).append(maxMonths == 1 ? " month" : " months")
                .append("; an active acceptance is expiring ").append(warningDays).append(warningDays == 1 ? " day" : " days")
                .append(" before its end date.");
        return text.toString();
    }

    /** Returns the settings as setting rows, key to stored value. */
    Map<String, String> toRows() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put(MEDIUM_FROM_KEY, Integer.toString(mediumFrom));
        rows.put(HIGH_FROM_KEY, Integer.toString(highFrom));
        for (RiskLevel level : RiskLevel.values()) {
            rows.put(APPROVERS_KEY_PREFIX + level.word(), roleWords(approvers.get(level)));
        }
        rows.put(MAX_MONTHS_KEY, Integer.toString(maxMonths));
        rows.put(WARNING_DAYS_KEY, Integer.toString(warningDays));
        return rows;
    }

    /**
     * Reads the settings from setting rows, taking the default for each missing key.
     *
     * @throws IllegalArgumentException naming the key and value of a stored value that is invalid
     */
    static AcceptanceSettings fromRows(Map<String, String> rows) {
        Map<RiskLevel, List<Role>> approvers = new EnumMap<>(RiskLevel.class);
        for (RiskLevel level : RiskLevel.values()) {
            String key = APPROVERS_KEY_PREFIX + level.word();
            String stored = rows.get(key);
            approvers.put(level, stored == null ? DEFAULTS.approversFor(level) : parseRoles(key, stored));
        }
        return new AcceptanceSettings(integer(rows, MEDIUM_FROM_KEY, DEFAULTS.mediumFrom), integer(rows, HIGH_FROM_KEY, DEFAULTS.highFrom),
                approvers, integer(rows, MAX_MONTHS_KEY, DEFAULTS.maxMonths), integer(rows, WARNING_DAYS_KEY, DEFAULTS.warningDays));
    }

    /** Returns role words joined by commas, as {@code required_roles} and the approver settings store them. */
    static String roleWords(List<Role> roles) {
        return roles.stream().map(Role::word).collect(Collectors.joining(","));
    }

    static List<Role> parseRoles(String key, String stored) {
        List<Role> roles = new ArrayList<>();
        for (String word : stored.split(",")) {
            if (!word.isBlank()) {
                try {
                    roles.add(Role.parse(word));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("The setting " + key + " has an invalid role: " + e.getMessage(), e);
                }
            }
        }
        return roles;
    }

    private static int integer(Map<String, String> rows, String key, int fallback) {
        String stored = rows.get(key);
        if (stored == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(stored.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The setting " + key + " needs a whole number, not '" + stored + "'", e);
        }
    }
}
