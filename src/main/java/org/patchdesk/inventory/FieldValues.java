package org.patchdesk.inventory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.patchdesk.common.IpAddresses;
import org.patchdesk.common.MacAddresses;
import org.patchdesk.common.SpreadsheetDates;

/**
 * Converts device field values between their Java types and text: parsing what users and
 * spreadsheets write, the words screens and exports show, and the stable form kept in the
 * database and the audit trail (enum names, ISO dates, lists joined by {@code "; "}).
 */
public final class FieldValues {

    public static final String LIST_SEPARATOR = "; ";

    /** The suffix exports add to a criticality or mission impact that came from a default. */
    public static final String ASSUMED_SUFFIX = " (assumed)";

    /** The outcome of parsing one cell: a value, nothing, or a reason the text is invalid. */
    public sealed interface Parsed permits Value, Blank, Invalid {
    }

    public record Value(Object value) implements Parsed {
    }

    public record Blank() implements Parsed {
    }

    public record Invalid(String reason) implements Parsed {
    }

    private static final Blank BLANK = new Blank();

    private static final Map<String, DeviceStatus> STATUS_WORDS = words(Map.of(
            DeviceStatus.ACTIVE, List.of("active", "a", "in service", "in-service", "in use", "operational", "available", "deployed",
                    "loaner", "on loan", "rental"),
            DeviceStatus.INACTIVE, List.of("inactive", "i", "out of service", "out-of-service", "oos", "in storage", "storage",
                    "spare", "standby", "in repair", "under repair", "out for repair", "repair", "awaiting repair", "down",
                    "on hold", "missing", "lost", "lost/stolen", "stolen", "pending", "pending installation",
                    "pending install", "not installed", "on order", "received", "quarantine", "quarantined"),
            DeviceStatus.RETIRED, List.of("retired", "r", "disposed", "decommissioned", "scrapped", "salvaged", "removed",
                    "traded in", "trade-in", "returned to vendor", "disposal", "pending disposal", "surplus", "sold")));

    /** Words that stand for "no address" in address columns, such as DHCP or N/A; they count as empty. */
    private static final Set<String> NO_ADDRESS = Set.of("dhcp", "n/a", "na", "none", "tbd", "unknown", "-",
            "--", "?", "not networked", "not applicable", "dynamic", "wireless", "wifi", "wi-fi");

    private static final Map<String, YesNoUnknown> YES_NO_WORDS = words(Map.of(
            YesNoUnknown.YES, List.of("y", "yes", "true", "t", "1", "x", "on"),
            YesNoUnknown.NO, List.of("n", "no", "false", "f", "0", "off", "none"),
            YesNoUnknown.UNKNOWN, List.of("unknown", "u", "unk", "?", "n/a", "na", "-", "tbd")));

    private static final Map<String, ClinicalCriticality> CRITICALITY_WORDS = words(Map.of(
            ClinicalCriticality.LIFE_SUSTAINING, List.of("life-sustaining", "life sustaining", "life support", "life-support",
                    "life supporting", "life-supporting", "catastrophic"),
            ClinicalCriticality.HIGH, List.of("high", "h", "high risk", "critical"),
            ClinicalCriticality.MEDIUM, List.of("medium", "m", "med", "moderate", "medium risk", "marginal"),
            ClinicalCriticality.LOW, List.of("low", "l", "low risk", "negligible", "minimal")));

    private static final Map<String, MissionImpact> MISSION_WORDS = words(Map.of(
            MissionImpact.DEGRADED, List.of("degraded", "non-essential degraded", "none"),
            MissionImpact.MEF_SUPPORT_CRIPPLED, List.of("mef support crippled", "mef-support-crippled", "support crippled", "crippled"),
            MissionImpact.MEF_FAILURE, List.of("mef failure", "mef-failure"),
            MissionImpact.MISSION_FAILURE, List.of("mission failure", "mission-failure")));

    private static final Map<String, NetworkExposure> EXPOSURE_WORDS = words(Map.of(
            NetworkExposure.SMALL, List.of("small", "local", "isolated"),
            NetworkExposure.CONTROLLED, List.of("controlled", "restricted", "segmented"),
            NetworkExposure.OPEN, List.of("open", "unrestricted", "internet")));

    private FieldValues() {
    }

    /** Parses text as a user or a spreadsheet wrote it; blank text, and words that mean "unknown", give {@link Blank}. */
    public static Parsed parse(DeviceField field, String text) {
        if (text == null) {
            return BLANK;
        }
        String trimmed = field == DeviceField.NOTES ? text.strip() : collapseWhitespace(text);
        if (trimmed.isEmpty()) {
            return BLANK;
        }
        return switch (field.kind()) {
            case TEXT -> trimmed.length() > field.maxLength()
                    ? new Invalid("is longer than " + field.maxLength() + " characters")
                    : new Value(trimmed);
            case DATE -> SpreadsheetDates.parse(trimmed)
                    .<Parsed>map(Value::new)
                    .orElseGet(() -> new Invalid("is not a date (use YYYY-MM-DD or M/D/YYYY)"));
            case STATUS -> word(STATUS_WORDS, trimmed, "Active, Inactive or Retired (or a CMMS word for one,"
                    + " such as In Service, Under Repair or Disposed)");
            case YES_NO -> parseYesNo(trimmed);
            case CRITICALITY -> isAssumed(trimmed) ? BLANK : word(CRITICALITY_WORDS, trimmed, "Life-sustaining, High, Medium or Low");
            case MISSION_IMPACT -> isAssumed(trimmed) ? BLANK
                    : word(MISSION_WORDS, trimmed, "degraded, mef support crippled, mef failure or mission failure");
            case NETWORK_EXPOSURE -> word(EXPOSURE_WORDS, trimmed, "small, controlled or open");
            case IP_LIST -> parseList(field, trimmed, IpAddresses::normalize, "IP address");
            case MAC_LIST -> parseList(field, trimmed, MacAddresses::normalize, "MAC address");
        };
    }

    private static Parsed parseYesNo(String text) {
        Parsed parsed = word(YES_NO_WORDS, text, "Yes, No or Unknown");
        if (parsed instanceof Value value && value.value() == YesNoUnknown.UNKNOWN) {
            return BLANK;
        }
        return parsed;
    }

    private static boolean isAssumed(String text) {
        return text.toLowerCase(Locale.ROOT).endsWith(ASSUMED_SUFFIX.trim());
    }

    private static Parsed parseList(DeviceField field, String text, Function<String, Optional<String>> normalizer, String what) {
        if (NO_ADDRESS.contains(text.toLowerCase(Locale.ROOT))) {
            return BLANK;
        }
        Set<String> values = new LinkedHashSet<>();
        for (String part : text.split("[;,\\s]+")) {
            if (part.isEmpty() || NO_ADDRESS.contains(part.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Optional<String> normalized = normalizer.apply(part);
            if (normalized.isEmpty()) {
                return new Invalid("'" + part + "' is not a valid " + what);
            }
            values.add(normalized.get());
        }
        if (values.isEmpty()) {
            return BLANK;
        }
        if (String.join(LIST_SEPARATOR, values).length() > field.maxLength()) {
            return new Invalid("lists more addresses than fit in " + field.maxLength() + " characters");
        }
        return new Value(List.copyOf(values));
    }

    private static <E> Parsed word(Map<String, E> words, String text, String expected) {
        E value = words.get(text.toLowerCase(Locale.ROOT).replace('_', ' '));
        return value == null ? new Invalid("is not one of " + expected) : new Value(value);
    }

    private static String collapseWhitespace(String text) {
        String stripped = text.strip();
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || (i + 1 < stripped.length() && Character.isWhitespace(stripped.charAt(i + 1))))) {
                return stripped.replaceAll("\\s+", " ");
            }
        }
        return stripped;
    }

    /** Returns the text screens, exports and the command line show; empty for no value. */
    public static String display(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Labeled labeled) {
            return labeled.label();
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>(list.size());
            for (Object item : list) {
                parts.add(String.valueOf(item));
            }
            return String.join(LIST_SEPARATOR, parts);
        }
        return value.toString();
    }

    /** Returns the form kept in the database and audit trail, or null for no value. */
    public static String toStored(DeviceField field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (field.isList()) {
            return display(value);
        }
        return value.toString();
    }

    /** Reads a value in the form {@link #toStored} wrote. */
    public static Object fromStored(DeviceField field, String stored) {
        if (stored == null) {
            return null;
        }
        return switch (field.kind()) {
            case TEXT -> stored;
            case DATE -> LocalDate.parse(stored);
            case STATUS -> DeviceStatus.valueOf(stored);
            case YES_NO -> YesNoUnknown.valueOf(stored);
            case CRITICALITY -> ClinicalCriticality.valueOf(stored);
            case MISSION_IMPACT -> MissionImpact.valueOf(stored);
            case NETWORK_EXPOSURE -> NetworkExposure.valueOf(stored);
            case IP_LIST, MAC_LIST -> stored.isEmpty() ? List.of() : List.of(stored.split(LIST_SEPARATOR));
        };
    }

    private static <E> Map<String, E> words(Map<E, List<String>> byValue) {
        Map<String, E> result = new HashMap<>();
        byValue.forEach((value, list) -> list.forEach(word -> result.put(word, value)));
        return Map.copyOf(result);
    }
}
