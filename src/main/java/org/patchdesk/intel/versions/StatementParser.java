package org.patchdesk.intel.versions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses CSAF {@code product_version} and {@code product_version_range} strings. */
final class StatementParser {

    private static final Pattern ALL_VERSIONS = Pattern.compile("(?i)\\ball\\s+versions\\b|\\ball/\\*");
    private static final Pattern BOUND_WORDS = Pattern.compile(
            "(?i)\\b(or|and)\\s+(lower|earlier|prior|below|older)\\b|\\b(prior\\s+to|before|up\\s+to)\\b");
    private static final Set<String> NO_VERSION = Set.of("n/a", "na", "unspecified", "unknown", "-");
    private static final String VERS_PREFIX = "vers:";

    private StatementParser() {
    }

    static VersionSpec exact(String text) {
        Optional<VersionSpec> special = allOrNothing(text);
        if (special.isPresent()) {
            return special.get();
        }
        List<List<Constraint>> alternatives = new ArrayList<>();
        for (String part : text.split("\\|", -1)) {
            Optional<ChunkedVersion> version = ChunkedVersion.parseStated(part);
            if (version.isEmpty()) {
                return unreadable(text);
            }
            alternatives.add(List.of(new Constraint(Operator.EQUAL, version.get())));
        }
        return VersionSpec.of(text, alternatives);
    }

    static VersionSpec range(String text) {
        if (text != null && text.strip().regionMatches(true, 0, VERS_PREFIX, 0, VERS_PREFIX.length())) {
            return vers(text);
        }
        Optional<VersionSpec> special = allOrNothing(text);
        if (special.isPresent()) {
            return special.get();
        }
        List<List<Constraint>> alternatives = new ArrayList<>();
        for (String part : text.split("\\|", -1)) {
            Optional<Constraint> constraint = constraint(part, false);
            if (constraint.isEmpty()) {
                return unreadable(text);
            }
            alternatives.add(List.of(constraint.get()));
        }
        return VersionSpec.of(text, alternatives);
    }

    /**
     * Reads a VERS string. VERS constraints form a sorted list of intervals, of which this reads a
     * single constraint, a list of equal versions, or a lower bound followed by an upper bound.
     */
    static VersionSpec vers(String text) {
        String body = text.strip().substring(VERS_PREFIX.length());
        int slash = body.indexOf('/');
        if (slash <= 0) {
            return unreadable(text);
        }
        String constraintsText = body.substring(slash + 1).strip();
        if (constraintsText.equals("*")) {
            return VersionSpec.coveringAll(text);
        }

        List<Constraint> constraints = new ArrayList<>();
        for (String part : constraintsText.split("\\|", -1)) {
            Optional<Constraint> constraint = constraint(part, true);
            if (constraint.isEmpty()) {
                return unreadable(text);
            }
            constraints.add(constraint.get());
        }

        if (constraints.size() == 1) {
            return VersionSpec.of(text, List.of(constraints));
        }
        if (constraints.stream().allMatch(c -> c.operator() == Operator.EQUAL)) {
            return VersionSpec.of(text, constraints.stream().map(List::of).toList());
        }
        if (constraints.size() == 2 && isLowerBound(constraints.get(0)) && isUpperBound(constraints.get(1))) {
            return VersionSpec.of(text, List.of(constraints));
        }
        // NOTE: other VERS interval lists (several ranges, "!=" exclusions) are not read, so they need review.
        return unreadable(text);
    }

    /** Handles the statements that name every version or no version. Returns empty for anything else. */
    static Optional<VersionSpec> allOrNothing(String text) {
        if (text == null || text.isBlank() || NO_VERSION.contains(text.strip().toLowerCase(Locale.ROOT))) {
            String stripped = text == null ? "" : text.strip();
            return Optional.of(VersionSpec.unparsed(text, "'" + stripped + "' states no version; needs review"));
        }
        if (mentionsAllVersions(text)) {
            return Optional.of(statesBound(text) ? unreadable(text) : VersionSpec.coveringAll(text));
        }
        return Optional.empty();
    }

    static boolean mentionsAllVersions(String text) {
        return ALL_VERSIONS.matcher(text).find();
    }

    static boolean statesBound(String text) {
        return BOUND_WORDS.matcher(text).find();
    }

    static VersionSpec unreadable(String text) {
        return VersionSpec.unparsed(text, "'" + text.strip() + "' could not be read as a version statement; needs review");
    }

    /** Parses {@code "<= 12.1.3"}. A part without an operator is an exact version in VERS and rejected elsewhere. */
    private static Optional<Constraint> constraint(String part, boolean operatorOptional) {
        String trimmed = part.strip();
        Optional<Operator> operator = Operator.prefixOf(trimmed);
        if (operator.isEmpty() && !operatorOptional) {
            return Optional.empty();
        }
        String boundText = operator.map(o -> trimmed.substring(o.symbol().length())).orElse(trimmed);
        return ChunkedVersion.parseStated(boundText)
                .map(bound -> new Constraint(operator.orElse(Operator.EQUAL), bound));
    }

    private static boolean isLowerBound(Constraint constraint) {
        return constraint.operator() == Operator.GREATER || constraint.operator() == Operator.GREATER_OR_EQUAL;
    }

    private static boolean isUpperBound(Constraint constraint) {
        return constraint.operator() == Operator.LESS || constraint.operator() == Operator.LESS_OR_EQUAL;
    }
}
