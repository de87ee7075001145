package org.patchdesk.intel.versions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One statement of affected versions, parsed from the text a source gives. PatchDesk never
 * guesses: when the statement or the device version cannot be compared reliably,
 * {@link #test(String)} returns {@link Applicability#NEEDS_REVIEW}.
 *
 * <p>Version comparison:
 * <ul>
 * <li>A version is split into runs of digits and runs of letters. The separators {@code . - _ / ( )}
 * and spaces are dropped, so "3.0 D15" becomes [3, 0, d, 15] and "012U000061" becomes [12, u, 61].
 * Any other character (such as {@code +}, {@code ~} or {@code :}) makes the version not comparable.
 * A leading "v" before a digit is dropped ("v3.3.0" is 3.3.0).</li>
 * <li>Two versions are compared chunk by chunk up to the first difference. Numbers compare as
 * numbers and letters without regard to case. A missing chunk counts as the number 0, so "1.0"
 * equals "1.0.0" and "N.00" equals "N".</li>
 * <li>Versions are not comparable when a number meets letters before any difference ("D26" and
 * "3.0", "2.4A" and "2.4"). Different letter runs are ordered only when both are single letters
 * that are not directly followed by a digit: "M" is before "N" and "2.4A" before "2.4B", but "U61"
 * and "L81" are separate product lines and "cms7" and "smart3250" separate firmware families.</li>
 * </ul>
 *
 * <p>Statements:
 * <ul>
 * <li>Exact ({@code =}): equal is affected. A device version that extends the stated one ("1.1.2"
 * for "1.1") needs review, because the statement may mean the whole 1.1 line. The same holds for
 * {@code <=} and {@code >}: "N.01" against {@code "<=N"} needs review. For {@code <} and {@code >=} both
 * readings give the same result, so the comparison decides. A device version shorter than the
 * stated one is padded with zeros: "12.1" is not affected by exact "12.1.3".</li>
 * <li>Alternatives separated by {@code |} ({@code "<= U61 |<= L81"}, "A10 | A11"): alternatives the device
 * version is not comparable with are ignored. Any affected alternative makes the device affected.
 * A comparable alternative that needs review makes the result need review. Otherwise the device
 * is not affected if any alternative was comparable, and needs review if none was.</li>
 * <li>VERS ({@code vers:scheme/constraints}): "vers:all/*" covers all versions. A single
 * constraint, a list of equal versions, and a lower bound followed by an upper bound
 * ({@code "vers:generic/>=1.0|<2.0"}) are read. The scheme is ignored and every version is compared by the
 * rules above.</li>
 * <li>Text containing "All versions" or "all/*" covers all versions, unless it also states a bound
 * ("All versions prior to 3.0"). "n/a", "unspecified", "unknown" and empty text are not parsed.
 * A range alternative that does not start with an operator, such as {@code "A10 < A11"}, is not parsed.</li>
 * <li>CVE free text: see {@link #fromCveEntry}.</li>
 * </ul>
 */
public final class VersionSpec {

    private final String text;
    private final boolean coversAll;
    private final List<List<Constraint>> alternatives;
    private final String unparsedReason;

    private VersionSpec(String text, boolean coversAll, List<List<Constraint>> alternatives, String unparsedReason) {
        this.text = text;
        this.coversAll = coversAll;
        this.alternatives = alternatives.stream().map(List::copyOf).collect(Collectors.toUnmodifiableList());
        this.unparsedReason = unparsedReason;
    }

    /** Parses a CSAF {@code product_version} string: one version, or exact alternatives separated by {@code |}. */
    public static VersionSpec exact(String text) {
        return StatementParser.exact(text);
    }

    /**
     * Parses a CSAF {@code product_version_range} string such as {@code "<=12.1.3"}, {@code "< 3.6.7"},
     * {@code "<= 3.0 D15"}, "vers:all/*", {@code "vers:generic/>=1.0|<2.0"} or {@code "<= U61 |<= L81"}.
     */
    public static VersionSpec range(String text) {
        return StatementParser.range(text);
    }

    /**
     * Builds a spec from a CVE JSON 5 {@code versions} entry. With {@code lessThan} or
     * {@code lessThanOrEqual}, {@code version} is the inclusive lower bound, except that "0",
     * "unspecified", "*" and an empty value mean no lower bound. A bound of "*" means no upper bound.
     * Without either, {@code version} is read as one version or as free text:
     * <ul>
     * <li>"... X or lower", "X or earlier", "X and prior" (also "below", "older") give {@code <= X},
     * where X is the last word. The word before X must not contain a digit, so "v3.0 D15 and prior"
     * is not parsed.</li>
     * <li>"... prior to X" and "before X" give {@code < X}, "up to X" gives {@code <= X}, where X is
     * the last word and the word before the phrase contains no digit.</li>
     * <li>"Firmware version V", "Software version V" and "Version V" give exact V.</li>
     * </ul>
     * X must contain a digit. Anything else is not parsed. {@code versionType} is not taken: every
     * version is compared by the chunk rules.
     */
    public static VersionSpec fromCveEntry(String version, String lessThan, String lessThanOrEqual) {
        return CveVersionEntries.parse(version, lessThan, lessThanOrEqual);
    }

    /** Every version, for "vers:all/*" and "All versions". */
    public static VersionSpec all() {
        return coveringAll("all versions");
    }

    static VersionSpec coveringAll(String text) {
        return new VersionSpec(text, true, List.of(), null);
    }

    static VersionSpec of(String text, List<List<Constraint>> alternatives) {
        return new VersionSpec(text, false, alternatives, null);
    }

    static VersionSpec unparsed(String text, String reason) {
        return new VersionSpec(text == null ? "" : text, false, List.of(), reason);
    }

    /**
     * Tests whether the device version falls inside. A null or blank device version needs review
     * unless the spec covers all versions.
     */
    public Applicability test(String deviceVersion) {
        return evaluate(deviceVersion).applicability();
    }

    /** Returns a short explanation of the rule that decides {@link #test(String)} for this device version. */
    public String explain(String deviceVersion) {
        return evaluate(deviceVersion).explanation();
    }

    /**
     * True when the device version has the shape of the versions this spec names, so that
     * {@link #test(String)} is a comparison; false for a missing version, an unparsed spec, or a
     * version of another product line (such as "012U000093" against "<= L81").
     */
    public boolean comparable(String deviceVersion) {
        return evaluate(deviceVersion).comparable();
    }

    /**
     * True when the text could be understood. {@link #test(String)} can still return
     * {@link Applicability#NEEDS_REVIEW} for a device version of another shape.
     */
    public boolean isParsed() {
        return unparsedReason == null;
    }

    boolean coversAll() {
        return coversAll;
    }

    /** True when the spec covers every version, as "vers:all/*" and "All versions" do. */
    public boolean coversAllVersions() {
        return coversAll;
    }

    /** Returns the original text, for display. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    private Outcome evaluate(String deviceVersion) {
        if (coversAll) {
            return Outcome.affected("'" + text + "' covers all versions");
        }
        if (unparsedReason != null) {
            return Outcome.notComparable(unparsedReason);
        }
        if (deviceVersion == null || deviceVersion.isBlank()) {
            return Outcome.notComparable("the device version is missing; needs review");
        }
        Optional<ChunkedVersion> device = ChunkedVersion.parse(deviceVersion);
        if (device.isEmpty()) {
            return Outcome.notComparable(String.format(
                    "device version '%s' contains characters other than letters, digits and separators; needs review",
                    deviceVersion.strip()));
        }
        return combineAlternatives(device.get());
    }

    private Outcome combineAlternatives(ChunkedVersion device) {
        List<Outcome> outcomes = new ArrayList<>();
        for (List<Constraint> alternative : alternatives) {
            outcomes.add(combineConstraints(alternative, device));
        }
        if (outcomes.size() == 1) {
            return outcomes.get(0);
        }

        Optional<Outcome> affected = outcomes.stream().filter(o -> o.is(Applicability.AFFECTED)).findFirst();
        if (affected.isPresent()) {
            return affected.get();
        }
        Optional<Outcome> undecided = outcomes.stream()
                .filter(o -> o.comparable() && o.is(Applicability.NEEDS_REVIEW))
                .findFirst();
        if (undecided.isPresent()) {
            return undecided.get();
        }
        List<Outcome> notAffected = outcomes.stream().filter(o -> o.is(Applicability.NOT_AFFECTED)).collect(Collectors.toList());
        if (!notAffected.isEmpty()) {
            return Outcome.notAffected(notAffected.stream().map(Outcome::explanation).collect(Collectors.joining("; ")));
        }
        return Outcome.notComparable(String.format(
                "'%s' is not comparable with any alternative of '%s'; needs review", device, text));
    }

    /** All constraints of one alternative must hold, as in {@code "vers:generic/>=1.0|<2.0"}. */
    private static Outcome combineConstraints(List<Constraint> constraints, ChunkedVersion device) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Constraint constraint : constraints) {
            outcomes.add(constraint.evaluate(device));
        }

        Optional<Outcome> notAffected = outcomes.stream().filter(o -> o.is(Applicability.NOT_AFFECTED)).findFirst();
        if (notAffected.isPresent()) {
            return notAffected.get();
        }
        Optional<Outcome> review = outcomes.stream().filter(o -> o.is(Applicability.NEEDS_REVIEW)).findFirst();
        if (review.isPresent()) {
            return review.get();
        }
        return Outcome.affected(outcomes.stream().map(Outcome::explanation).collect(Collectors.joining(" and ")));
    }
}
