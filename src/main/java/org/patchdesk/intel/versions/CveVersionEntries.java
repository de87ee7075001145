package org.patchdesk.intel.versions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads CVE JSON 5 {@code versions} entries, including the free text some records put in {@code version}. */
final class CveVersionEntries {

    /** "... 2.4A or lower": group 1 is everything before the phrase. */
    private static final Pattern OR_LOWER = Pattern.compile(
            "(?i)^(.*\\S)\\s+(?:or|and)\\s+(?:lower|earlier|prior|below|older)\\.?$");
    /** "... prior to 3.2": group 1 is the text before the phrase, group 2 the phrase, group 3 the bound. */
    private static final Pattern PRIOR_TO = Pattern.compile(
            "(?i)^(.*?)\\s*\\b(prior\\s+to|before|up\\s+to)\\s+(\\S+?)\\.?$");
    /** "Firmware version CMS7.820.075.08/0.74(0.75)": group 1 is the version. */
    private static final Pattern NAMED_VERSION = Pattern.compile(
            "(?i)^(?:(?:firmware|software)\\s+)?versions?:?\\s+(\\S+)$");
    private static final Set<String> NO_LOWER_BOUND = Set.of("", "0", "unspecified", "*");
    private static final String UNBOUNDED = "*";

    private CveVersionEntries() {
    }

    static VersionSpec parse(String version, String lessThan, String lessThanOrEqual) {
        boolean hasLessThan = lessThan != null && !lessThan.isBlank();
        boolean hasLessThanOrEqual = lessThanOrEqual != null && !lessThanOrEqual.isBlank();
        if (hasLessThan && hasLessThanOrEqual) {
            String text = describe(version, "< " + lessThan.strip() + ", <= " + lessThanOrEqual.strip());
            return VersionSpec.unparsed(text, "'" + text + "' gives both lessThan and lessThanOrEqual; needs review");
        }
        if (hasLessThan) {
            return bounded(version, Operator.LESS, lessThan.strip());
        }
        if (hasLessThanOrEqual) {
            return bounded(version, Operator.LESS_OR_EQUAL, lessThanOrEqual.strip());
        }
        return single(version);
    }

    private static VersionSpec bounded(String version, Operator upperOperator, String upperText) {
        String lowerText = version == null ? "" : version.strip();
        boolean hasLower = !NO_LOWER_BOUND.contains(lowerText.toLowerCase(Locale.ROOT));
        boolean hasUpper = !upperText.equals(UNBOUNDED);

        List<String> parts = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        if (hasLower) {
            Optional<ChunkedVersion> lower = ChunkedVersion.parseStated(lowerText);
            if (lower.isEmpty()) {
                return StatementParser.unreadable(describe(version, upperOperator.symbol() + " " + upperText));
            }
            parts.add(Operator.GREATER_OR_EQUAL.symbol() + " " + lowerText);
            constraints.add(new Constraint(Operator.GREATER_OR_EQUAL, lower.get()));
        }
        if (hasUpper) {
            Optional<ChunkedVersion> upper = ChunkedVersion.parseStated(upperText);
            if (upper.isEmpty()) {
                return StatementParser.unreadable(describe(version, upperOperator.symbol() + " " + upperText));
            }
            parts.add(upperOperator.symbol() + " " + upperText);
            constraints.add(new Constraint(upperOperator, upper.get()));
        }

        if (constraints.isEmpty()) {
            return VersionSpec.coveringAll(describe(version, upperOperator.symbol() + " " + upperText));
        }
        return VersionSpec.of(String.join(", ", parts), List.of(constraints));
    }

    private static VersionSpec single(String version) {
        Optional<VersionSpec> special = StatementParser.allOrNothing(version);
        if (special.isPresent() && (version == null || !StatementParser.statesBound(version))) {
            return special.get();
        }
        String text = version.strip();

        Optional<ChunkedVersion> plain = ChunkedVersion.parseStated(text);
        if (plain.isPresent()) {
            return VersionSpec.of(text, List.of(List.of(new Constraint(Operator.EQUAL, plain.get()))));
        }
        return freeText(text).orElseGet(() -> StatementParser.unreadable(text));
    }

    private static Optional<VersionSpec> freeText(String text) {
        Matcher orLower = OR_LOWER.matcher(text);
        if (orLower.matches()) {
            List<String> words = words(orLower.group(1));
            String bound = words.get(words.size() - 1);
            String before = words.size() > 1 ? words.get(words.size() - 2) : "";
            return boundFromText(text, Operator.LESS_OR_EQUAL, bound, before);
        }

        Matcher priorTo = PRIOR_TO.matcher(text);
        if (priorTo.matches()) {
            List<String> words = words(priorTo.group(1));
            String before = words.isEmpty() ? "" : words.get(words.size() - 1);
            boolean inclusive = priorTo.group(2).toLowerCase(Locale.ROOT).startsWith("up");
            return boundFromText(text, inclusive ? Operator.LESS_OR_EQUAL : Operator.LESS, priorTo.group(3), before);
        }

        Matcher named = NAMED_VERSION.matcher(text);
        if (named.matches()) {
            return ChunkedVersion.parseStated(named.group(1))
                    .map(version -> VersionSpec.of(text, List.of(List.of(new Constraint(Operator.EQUAL, version)))));
        }
        return Optional.empty();
    }

    /**
     * Builds {@code "<= bound"} from free text. The bound needs a digit, and a digit in the word before it
     * ("v3.0 D15 and prior") means the version has several words, so the text is not read.
     */
    private static Optional<VersionSpec> boundFromText(String text, Operator operator, String bound, String wordBefore) {
        if (containsDigit(wordBefore) || !containsDigit(bound)) {
            return Optional.empty();
        }
        return ChunkedVersion.parseStated(bound)
                .map(version -> VersionSpec.of(text, List.of(List.of(new Constraint(operator, version)))));
    }

    private static List<String> words(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
    }

    private static boolean containsDigit(String text) {
        return text.chars().anyMatch(c -> c >= '0' && c <= '9');
    }

    private static String describe(String version, String bounds) {
        return version == null || version.isBlank() ? bounds : version.strip() + ", " + bounds;
    }
}
