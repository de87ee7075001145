package org.patchdesk.intel.versions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionSpecTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "12.1.3, '[12, 1, 3]'",
            "'3.0 D15', '[3, 0, d, 15]'",
            "C.03, '[c, 3]'",
            "06.08.00.00, '[6, 8, 0, 0]'",
            "012U000061, '[12, u, 61]'",
            "'CMS7.820.075.08/0.74(0.75)', '[cms, 7, 820, 75, 8, 0, 74, 0, 75]'",
            "smart3250-2.6.27-wlan2.1.7.cramfs, '[smart, 3250, 2, 6, 27, wlan, 2, 1, 7, cramfs]'",
            "v3.3.0, '[3, 3, 0]'",
            "2.4A, '[2, 4, a]'"})
    void versionSplitsIntoChunks(String version, String expected) {
        ChunkedVersion chunked = ChunkedVersion.parse(version).orElseThrow();

        assertThat(chunked.chunks()).hasToString(expected);
    }

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
            "12.1.3, 12.1.3, EQUAL",
            "1.0, 1.0.0, EQUAL",
            "N.00, N, EQUAL",
            "c.3, C.03, EQUAL",
            "06.08.00.00, 6.8, EQUAL",
            "12u61, 012U000061, EQUAL",
            "v3.3.0, 3.3.0, EQUAL",
            "12.1.2, 12.1.3, LOWER",
            "10.9, 10.17, LOWER",
            "3.3.2, '3.0 D15', HIGHER",
            "99999999999999999999, 1, HIGHER",
            "M, N, LOWER",
            "2.4A, 2.4B, LOWER",
            "D26, D25, HIGHER",
            "D26, 3.0, NOT_COMPARABLE",
            "3.0, '3.0 D15', NOT_COMPARABLE",
            "2.4A, 2.4, NOT_COMPARABLE",
            "1.0-rc1, 1.0, NOT_COMPARABLE",
            "L90, U61, NOT_COMPARABLE",
            "C30, D25, NOT_COMPARABLE",
            "smart3250-2.6.27-wlan2.1.7.cramfs, 'CMS7.820.075.08/0.74(0.75)', NOT_COMPARABLE",
            "1.0.cramfs, 1.0.squashfs, NOT_COMPARABLE"})
    void versionsCompareChunkByChunk(String left, String right, ChunkedVersion.Order expected) {
        ChunkedVersion leftVersion = ChunkedVersion.parse(left).orElseThrow();
        ChunkedVersion rightVersion = ChunkedVersion.parse(right).orElseThrow();

        ChunkedVersion.Order order = leftVersion.compareTo(rightVersion);

        assertThat(order).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} with {1} -> {2}")
    @CsvSource({
            "1.1, 1.1, AFFECTED",
            "1.1, 1.1.0, AFFECTED",
            "1.1, 1.1.2, NEEDS_REVIEW",
            "1.1, 1.2, NOT_AFFECTED",
            "1.1, 1.0, NOT_AFFECTED",
            "1.5, 1.5, AFFECTED",
            "1.5, 1.6, NOT_AFFECTED",
            "1.6, 1.6, AFFECTED",
            "1.6, 1.5, NOT_AFFECTED",
            "12.1.3, 12.1.3, AFFECTED",
            "12.1.3, 12.1.2, NOT_AFFECTED",
            "12.1.3, 12.1, NOT_AFFECTED",
            "2.5.1, 2.5.1, AFFECTED",
            "2.5.1, v2.5.1, AFFECTED",
            "2.5.1, 2.5.2, NOT_AFFECTED",
            "2.7.4, 2.7.4, AFFECTED",
            "2.7.4, 2.7.5, NOT_AFFECTED",
            "A.01, A.01, AFFECTED",
            "A.01, a.1, AFFECTED",
            "A.01, A.02, NOT_AFFECTED",
            "A.01, B.01, NOT_AFFECTED",
            "A.01, A.01.05, NEEDS_REVIEW",
            "A.01, 1.0, NEEDS_REVIEW",
            "'A10 | A11', A10, AFFECTED",
            "'A10 | A11', A11, AFFECTED",
            "'A10 | A11', A12, NOT_AFFECTED",
            "'A10 | A11', B10, NEEDS_REVIEW",
            "'A10 | A11', 11, NEEDS_REVIEW",
            "B.02, B.02, AFFECTED",
            "B.02, B.03, NOT_AFFECTED",
            "C.02, C.02, AFFECTED",
            "C.02, C.03, NOT_AFFECTED",
            "C.03, C.03, AFFECTED",
            "C.03, C.02, NOT_AFFECTED",
            "'CMS7.820.075.08/0.74(0.75)', 'CMS7.820.075.08/0.74(0.75)', AFFECTED",
            "'CMS7.820.075.08/0.74(0.75)', 'CMS7.820.075.08/0.74(0.76)', NOT_AFFECTED",
            "'CMS7.820.075.08/0.74(0.75)', 'CMS7.820.120.01/0.93(0.95)', NOT_AFFECTED",
            "'CMS7.820.075.08/0.74(0.75)', smart3250-2.6.27-wlan2.1.7.cramfs, NEEDS_REVIEW",
            "'CMS7.820.120.01/0.93(0.95)', 'CMS7.820.120.01/0.93(0.95)', AFFECTED",
            "'CMS7.820.120.01/0.93(0.95)', 'CMS7.820.075.08/0.74(0.75)', NOT_AFFECTED",
            "smart3250-2.6.27-wlan2.1.7.cramfs, smart3250-2.6.27-wlan2.1.7.cramfs, AFFECTED",
            "smart3250-2.6.27-wlan2.1.7.cramfs, smart3250-2.6.28-wlan2.1.7.cramfs, NOT_AFFECTED",
            "smart3250-2.6.27-wlan2.1.7.cramfs, 'CMS7.820.075.08/0.74(0.75)', NEEDS_REVIEW"})
    void exactStatements(String statement, String deviceVersion, Applicability expected) {
        VersionSpec spec = VersionSpec.exact(statement);

        Applicability applicability = spec.test(deviceVersion);

        assertThat(spec.isParsed()).isTrue();
        assertThat(applicability).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} with {1} -> {2}")
    @CsvSource({
            "< 3.6.7, 3.6.6, AFFECTED",
            "< 3.6.7, 3.6, AFFECTED",
            "< 3.6.7, 3.6.7, NOT_AFFECTED",
            "< 3.6.7, 3.6.7.1, NOT_AFFECTED",
            "< 3.6.7, 3.7, NOT_AFFECTED",
            "< 3.6.7, 3.6.7-rc1, NEEDS_REVIEW",
            "<= 012U000061, 012U000061, AFFECTED",
            "<= 012U000061, 012U000055, AFFECTED",
            "<= 012U000061, 012U000062, NOT_AFFECTED",
            "<= 012U000061, L81, NEEDS_REVIEW",
            "<= 028U000061, 028U000061, AFFECTED",
            "<= 028U000061, 028U000060, AFFECTED",
            "<= 028U000061, 028U000070, NOT_AFFECTED",
            "'<= 3.0 D15', '3.0 D15', AFFECTED",
            "'<= 3.0 D15', '3.0 D14', AFFECTED",
            "'<= 3.0 D15', 2.9, AFFECTED",
            "'<= 3.0 D15', '3.0 D16', NOT_AFFECTED",
            "'<= 3.0 D15', 3.3.2, NOT_AFFECTED",
            "'<= 3.0 D15', 3.0, NEEDS_REVIEW",
            "<= 3.3.0, 3.3.0, AFFECTED",
            "<= 3.3.0, 3.3, AFFECTED",
            "<= 3.3.0, 3.2.9, AFFECTED",
            "<= 3.3.0, 3.3.1, NOT_AFFECTED",
            "<= 3.3.0, 3.3.0.1, NEEDS_REVIEW",
            "<= D25, D25, AFFECTED",
            "<= D25, vD20, NEEDS_REVIEW",
            "<= D25, D20, AFFECTED",
            "<= D25, D26, NOT_AFFECTED",
            "<= D25, 3.0, NEEDS_REVIEW",
            "<= D25, C30, NEEDS_REVIEW",
            "<= L81, L81, AFFECTED",
            "<= L81, L80, AFFECTED",
            "<= L81, L82, NOT_AFFECTED",
            "<= L81, U61, NEEDS_REVIEW",
            "'<= U61 |<= L81', U55, AFFECTED",
            "'<= U61 |<= L81', L81, AFFECTED",
            "'<= U61 |<= L81', L90, NOT_AFFECTED",
            "'<= U61 |<= L81', U62, NOT_AFFECTED",
            "'<= U61 |<= L81', 3.1, NEEDS_REVIEW",
            "<=06.08.00.00, 06.08.00.00, AFFECTED",
            "<=06.08.00.00, 6.8, AFFECTED",
            "<=06.08.00.00, 06.07.05.00, AFFECTED",
            "<=06.08.00.00, 06.09.00.00, NOT_AFFECTED",
            "<=06.08.00.00, 06.08.00.00.1, NEEDS_REVIEW",
            "<=1.0, 1.0, AFFECTED",
            "<=1.0, 1.0.0, AFFECTED",
            "<=1.0, 0.9, AFFECTED",
            "<=1.0, 1.1, NOT_AFFECTED",
            "<=1.0, 1.0.1, NEEDS_REVIEW",
            "<=10.17, 10.17, AFFECTED",
            "<=10.17, 10.9, AFFECTED",
            "<=10.17, 10.18, NOT_AFFECTED",
            "<=10.17, 11.0, NOT_AFFECTED",
            "<=12.1.2, 12.1.2, AFFECTED",
            "<=12.1.2, 12.1.1, AFFECTED",
            "<=12.1.2, 12.1.3, NOT_AFFECTED",
            "<=12.1.3, 12.1.3, AFFECTED",
            "<=12.1.3, 12.1.2, AFFECTED",
            "<=12.1.3, 12.1.4, NOT_AFFECTED",
            "<=12.1.3, 12.2, NOT_AFFECTED",
            "<=12.3, 12.3, AFFECTED",
            "<=12.3, 12.2.5, AFFECTED",
            "<=12.3, 12.4, NOT_AFFECTED",
            "<=12.3, 12.3.1, NEEDS_REVIEW",
            "<=CMS7.820.075.08/0.740.75, CMS7.820.075.08/0.740.75, AFFECTED",
            "<=CMS7.820.075.08/0.740.75, 'CMS7.820.075.08/0.74(0.75)', AFFECTED",
            "<=CMS7.820.075.08/0.740.75, 'CMS7.820.120.01/0.93(0.95)', NOT_AFFECTED",
            "<=CMS7.820.075.08/0.740.75, smart3250-2.6.27-wlan2.1.7.cramfs, NEEDS_REVIEW",
            "<=N, M.00, AFFECTED",
            "<=N, N.00, AFFECTED",
            "<=N, N, AFFECTED",
            "<=N, P.01, NOT_AFFECTED",
            "<=N, N.01, NEEDS_REVIEW",
            "<=N, 12.1, NEEDS_REVIEW",
            "<=smart3250-2.6.27-wlan2.1.7.cramfs, smart3250-2.6.27-wlan2.1.7.cramfs, AFFECTED",
            "<=smart3250-2.6.27-wlan2.1.7.cramfs, smart3250-2.6.26-wlan2.1.7.cramfs, AFFECTED",
            "<=smart3250-2.6.27-wlan2.1.7.cramfs, smart3250-2.6.28-wlan2.1.7.cramfs, NOT_AFFECTED",
            "<=smart3250-2.6.27-wlan2.1.7.cramfs, 'CMS7.820.075.08/0.74(0.75)', NEEDS_REVIEW",
            "A10 < A11, A10, NEEDS_REVIEW",
            "A10 < A11, A11, NEEDS_REVIEW",
            "A10 < A11, A12, NEEDS_REVIEW",
            "vers:all/*, 1.0, AFFECTED",
            "vers:all/*, smart3250-2.6.27-wlan2.1.7.cramfs, AFFECTED",
            "vers:generic/>=1.0|<2.0, 1.0, AFFECTED",
            "vers:generic/>=1.0|<2.0, 1.5.3, AFFECTED",
            "vers:generic/>=1.0|<2.0, 2.0, NOT_AFFECTED",
            "vers:generic/>=1.0|<2.0, 0.9, NOT_AFFECTED",
            "vers:generic/>=1.0|<2.0, D15, NEEDS_REVIEW",
            "vers:generic/<=2.7.4, 2.7.4, AFFECTED",
            "vers:generic/<=2.7.4, 2.8, NOT_AFFECTED",
            "vers:generic/2.5.1|2.7.4, 2.7.4, AFFECTED",
            "vers:generic/2.5.1|2.7.4, 2.6, NOT_AFFECTED"})
    void rangeStatements(String statement, String deviceVersion, Applicability expected) {
        VersionSpec spec = VersionSpec.range(statement);

        Applicability applicability = spec.test(deviceVersion);

        assertThat(applicability).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} lessThan {1} lessThanOrEqual {2} with {3} -> {4}")
    @CsvSource({
            "0, , 7.20, 7.20, AFFECTED",
            "0, , 7.20, 7.19, AFFECTED",
            "0, , 7.20, 7.21, NOT_AFFECTED",
            "0, , 7.20, 8.00, NOT_AFFECTED",
            "unspecified, 3.6.7, , 3.6.6, AFFECTED",
            "unspecified, 3.6.7, , 3.6.7, NOT_AFFECTED",
            "2.0, *, , 2.1, AFFECTED",
            "2.0, *, , 1.9, NOT_AFFECTED",
            "All versions, , , 1.0, AFFECTED",
            "n/a, , , 1.0, NEEDS_REVIEW",
            "2.7.4, , , 2.7.4, AFFECTED",
            "2.7.4, , , 2.7.3, NOT_AFFECTED",
            "MiniMed Paradigm 523/723 pumps–Software versions 2.4A or lower, , , 2.4A, AFFECTED",
            "MiniMed Paradigm 523/723 pumps–Software versions 2.4A or lower, , , 2.3B, AFFECTED",
            "MiniMed Paradigm 523/723 pumps–Software versions 2.4A or lower, , , 2.4B, NOT_AFFECTED",
            "MiniMed Paradigm 523/723 pumps–Software versions 2.4A or lower, , , 2.5A, NOT_AFFECTED",
            "MiniMed Paradigm 523/723 pumps–Software versions 2.4A or lower, , , 2.4, NEEDS_REVIEW",
            "MiniMed Paradigm Veo 554CM and 754CM versions 2.7A or lower, , , 2.7A, AFFECTED",
            "MiniMed Paradigm Veo 554CM and 754CM versions 2.7A or lower, , , 2.8A, NOT_AFFECTED",
            "Firmware version CMS7.820.075.08/0.74(0.75), , , 'CMS7.820.075.08/0.74(0.75)', AFFECTED",
            "Firmware version CMS7.820.075.08/0.74(0.75), , , 'CMS7.820.120.01/0.93(0.95)', NOT_AFFECTED",
            "Firmware version CMS7.820.075.08/0.74(0.75), , , smart3250-2.6.27-wlan2.1.7.cramfs, NEEDS_REVIEW",
            "MiniMed 508 pump All versions, , , 1.0, AFFECTED",
            "All versions prior to 3.0, , , 2.9, AFFECTED",
            "All versions prior to 3.0, , , 3.0, NOT_AFFECTED",
            "versions up to 4.1, , , 4.1, AFFECTED",
            "versions before 4.1, , , 4.1, NOT_AFFECTED",
            "v3.0 D15 and prior, , , '3.0 D15', NEEDS_REVIEW"})
    void cveEntries(String version, String lessThan, String lessThanOrEqual, String deviceVersion, Applicability expected) {
        VersionSpec spec = VersionSpec.fromCveEntry(version, lessThan, lessThanOrEqual);

        Applicability applicability = spec.test(deviceVersion);

        assertThat(applicability).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({
            "exact, 1.1, true",
            "exact, 'A10 | A11', true",
            "exact, All versions, true",
            "exact, n/a, false",
            "exact, unspecified, false",
            "exact, unknown, false",
            "exact, '', false",
            "exact, 'A10 |', false",
            "range, A10 < A11, false",
            "range, <= 3.0 and prior, false",
            "range, <=, false",
            "range, '<=1.0|', false",
            "range, 1.0, false",
            "range, vers:generic/>=1.0|<2.0|>=3.0, false",
            "range, vers:generic/!=1.0, false",
            "range, vers:all/*, true",
            "cve, unknown, false",
            "cve, v3.0 D15 and prior, false",
            "cve, N or lower, false",
            "cve, MiniMed Paradigm 515/715 pumps–All versions, true",
            "cve, Firmware version smart3250-2.6.27-wlan2.1.7.cramfs, true",
            "cve, MiniMed Paradigm 523K/723K pumps versions 2.4A or lower, true"})
    void statementIsParsedOnlyWhenUnderstood(String kind, String text, boolean expected) {
        VersionSpec spec = switch (kind) {
            case "exact" -> VersionSpec.exact(text);
            case "range" -> VersionSpec.range(text);
            default -> VersionSpec.fromCveEntry(text, null, null);
        };

        assertThat(spec.isParsed()).isEqualTo(expected);
    }

    @Test
    void unparsedStatementNeedsReview() {
        VersionSpec spec = VersionSpec.range("A10 < A11");

        Applicability applicability = spec.test("A10");

        assertThat(applicability).isEqualTo(Applicability.NEEDS_REVIEW);
        assertThat(spec.explain("A10")).isEqualTo("'A10 < A11' could not be read as a version statement; needs review");
    }

    @Test
    void missingDeviceVersionNeedsReview() {
        VersionSpec spec = VersionSpec.range("<=1.0");

        assertThat(spec.test(null)).isEqualTo(Applicability.NEEDS_REVIEW);
        assertThat(spec.test("  ")).isEqualTo(Applicability.NEEDS_REVIEW);
        assertThat(spec.explain(null)).isEqualTo("the device version is missing; needs review");
    }

    @Test
    void allVersionsCoverMissingDeviceVersion() {
        VersionSpec spec = VersionSpec.all();

        Applicability applicability = spec.test(null);

        assertThat(applicability).isEqualTo(Applicability.AFFECTED);
        assertThat(spec.isParsed()).isTrue();
        assertThat(VersionSpec.range("vers:all/*").test("")).isEqualTo(Applicability.AFFECTED);
    }

    @Test
    void deviceVersionWithOtherCharactersNeedsReview() {
        VersionSpec spec = VersionSpec.range("<=1.0");

        Applicability applicability = spec.test("1.0+build5");

        assertThat(applicability).isEqualTo(Applicability.NEEDS_REVIEW);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({
            "<=12.1.3, 12.1.2, 12.1.2 <= 12.1.3",
            "<=12.1.3, 12.1.4, 12.1.4 > 12.1.3",
            "1.1, 1.2, 1.2 != 1.1",
            "'A10 | A11', A12, A12 != A10; A12 != A11",
            "'<= U61 |<= L81', L90, L90 > L81",
            "'<= U61 |<= L81', 3.1, '''3.1'' is not comparable with any alternative of ''<= U61 |<= L81''; needs review'",
            "<= D25, 3.0, '''3.0'' and ''D25'' are not comparable; needs review'",
            "1.1, 1.1.2, '''1.1.2'' extends ''1.1'', which may stand for the whole 1.1 line; needs review'",
            "vers:generic/>=1.0|<2.0, 1.5, 1.5 >= 1.0 and 1.5 < 2.0",
            "vers:all/*, 1.0, '''vers:all/*'' covers all versions'"})
    void explanationNamesDecidingRule(String statement, String deviceVersion, String expected) {
        VersionSpec spec = statement.startsWith("<") || statement.startsWith("vers:")
                ? VersionSpec.range(statement)
                : VersionSpec.exact(statement);

        String explanation = spec.explain(deviceVersion);

        assertThat(explanation).isEqualTo(expected);
    }

    @Test
    void cveBoundsAreShownAsText() {
        VersionSpec lowerAndUpper = VersionSpec.fromCveEntry("2.0", "3.0", null);
        VersionSpec upperOnly = VersionSpec.fromCveEntry("0", null, "7.20");

        assertThat(lowerAndUpper.text()).isEqualTo(">= 2.0, < 3.0");
        assertThat(upperOnly.text()).isEqualTo("<= 7.20");
        assertThat(VersionSpec.fromCveEntry("2.0", "3.0", "3.1").isParsed()).isFalse();
    }
}
