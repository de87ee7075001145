package org.patchdesk.risk.ssvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SsvcTablesTest {

    private final SsvcTables tables = SsvcTables.load();

    /** Reads a published table from the test resources, independently of the bundled copy. */
    private static List<CSVRecord> publishedRows(String name) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(SsvcTablesTest.class.getResourceAsStream("/intel/ssvc/" + name),
                StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(reader, format)) {
            return parser.getRecords();
        }
    }

    static Stream<Arguments> deployerRows() throws IOException {
        return publishedRows("deployer_patch_application_priority_1_0_0.csv").stream()
                .map(row -> Arguments.of(Integer.parseInt(row.get(0)), row.get(1), row.get(2), row.get(3), row.get(4),
                        row.get(5)));
    }

    static Stream<Arguments> humanImpactRows() throws IOException {
        return publishedRows("human_impact_1_0_0.csv").stream()
                .map(row -> Arguments.of(Integer.parseInt(row.get(0)), row.get(1), row.get(2), row.get(3)));
    }

    @Test
    void publishedTablesHaveEveryCombination() throws IOException {
        assertThat(publishedRows("deployer_patch_application_priority_1_0_0.csv")).hasSize(72);
        assertThat(publishedRows("human_impact_1_0_0.csv")).hasSize(16);
    }

    @ParameterizedTest(name = "row {0}: {1}, {2}, {3}, {4} -> {5}")
    @MethodSource("deployerRows")
    void deployerDecisionMatchesPublishedRow(int row, String exploitation, String exposure, String automatable,
            String humanImpact, String decision) {
        Exploitation e = Exploitation.fromWord(exploitation);
        SystemExposure x = SystemExposure.fromWord(exposure);
        Automatable a = Automatable.fromWord(automatable);
        HumanImpact h = HumanImpact.fromWord(humanImpact);

        assertThat(tables.decide(e, x, a, h).word()).as("decision of row %d", row).isEqualTo(decision);
        assertThat(tables.deployerRow(e, x, a, h)).as("row number").isEqualTo(row);
    }

    @ParameterizedTest(name = "row {0}: {1}, {2} -> {3}")
    @MethodSource("humanImpactRows")
    void humanImpactMatchesPublishedRow(int row, String safety, String mission, String humanImpact) {
        SafetyImpact s = SafetyImpact.fromWord(safety);
        MissionImpactLevel m = MissionImpactLevel.fromWord(mission);

        assertThat(tables.humanImpact(s, m).word()).as("human impact of row %d", row).isEqualTo(humanImpact);
        assertThat(tables.humanImpactRow(s, m)).as("row number").isEqualTo(row);
    }

    @Test
    void handPickedDeployerRows() {
        assertThat(tables.decide(Exploitation.NONE, SystemExposure.SMALL, Automatable.NO, HumanImpact.LOW))
                .isEqualTo(Decision.DEFER);
        assertThat(tables.deployerRow(Exploitation.NONE, SystemExposure.SMALL, Automatable.NO, HumanImpact.LOW))
                .isZero();
        assertThat(tables.decide(Exploitation.PUBLIC_POC, SystemExposure.OPEN, Automatable.YES, HumanImpact.LOW))
                .isEqualTo(Decision.SCHEDULED);
        assertThat(tables.deployerRow(Exploitation.PUBLIC_POC, SystemExposure.OPEN, Automatable.YES, HumanImpact.LOW))
                .isEqualTo(44);
        assertThat(tables.decide(Exploitation.ACTIVE, SystemExposure.SMALL, Automatable.NO, HumanImpact.HIGH))
                .isEqualTo(Decision.OUT_OF_CYCLE);
        assertThat(tables.decide(Exploitation.ACTIVE, SystemExposure.OPEN, Automatable.YES, HumanImpact.VERY_HIGH))
                .isEqualTo(Decision.IMMEDIATE);
        assertThat(tables.deployerRow(Exploitation.ACTIVE, SystemExposure.OPEN, Automatable.YES, HumanImpact.VERY_HIGH))
                .isEqualTo(71);
    }

    @Test
    void handPickedHumanImpactRows() {
        assertThat(tables.humanImpact(SafetyImpact.CRITICAL, MissionImpactLevel.MEF_SUPPORT_CRIPPLED))
                .isEqualTo(HumanImpact.HIGH);
        assertThat(tables.humanImpactRow(SafetyImpact.CRITICAL, MissionImpactLevel.MEF_SUPPORT_CRIPPLED)).isEqualTo(9);
        assertThat(tables.humanImpact(SafetyImpact.NEGLIGIBLE, MissionImpactLevel.MISSION_FAILURE))
                .isEqualTo(HumanImpact.VERY_HIGH);
        assertThat(tables.humanImpact(SafetyImpact.MARGINAL, MissionImpactLevel.MEF_FAILURE))
                .isEqualTo(HumanImpact.MEDIUM);
        assertThat(tables.humanImpact(SafetyImpact.CATASTROPHIC, MissionImpactLevel.DEGRADED))
                .isEqualTo(HumanImpact.VERY_HIGH);
    }

    @Test
    void bundledTablesEqualPublishedCopies() throws Exception {
        for (String name : List.of(SsvcTables.DEPLOYER_TABLE, SsvcTables.HUMAN_IMPACT_TABLE)) {
            Path bundled = Path.of(SsvcTables.class.getResource(name).toURI());
            Path published = Path.of(SsvcTablesTest.class.getResource("/intel/ssvc/" + name).toURI());

            assertThat(Files.readString(bundled)).as(name).isEqualTo(Files.readString(published));
        }
    }

    @Test
    void everyEnumValueRoundTripsThroughItsWord() {
        for (Exploitation value : Exploitation.values()) {
            assertThat(Exploitation.fromWord(value.word())).isEqualTo(value);
        }
        for (SystemExposure value : SystemExposure.values()) {
            assertThat(SystemExposure.fromWord(value.word())).isEqualTo(value);
        }
        for (Automatable value : Automatable.values()) {
            assertThat(Automatable.fromWord(value.word())).isEqualTo(value);
        }
        for (HumanImpact value : HumanImpact.values()) {
            assertThat(HumanImpact.fromWord(value.word())).isEqualTo(value);
        }
        for (SafetyImpact value : SafetyImpact.values()) {
            assertThat(SafetyImpact.fromWord(value.word())).isEqualTo(value);
        }
        for (MissionImpactLevel value : MissionImpactLevel.values()) {
            assertThat(MissionImpactLevel.fromWord(value.word())).isEqualTo(value);
        }
        for (Decision value : Decision.values()) {
            assertThat(Decision.fromWord(value.word())).isEqualTo(value);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "' Public PoC ', PUBLIC_POC",
            "ACTIVE, ACTIVE",
            "none, NONE"})
    void wordsAreMatchedIgnoringCaseAndSpaces(String word, Exploitation expected) {
        assertThat(Exploitation.fromWord(word)).isEqualTo(expected);
    }

    @Test
    void unknownWordIsRejected() {
        assertThatThrownBy(() -> Decision.fromWord("out of cycle"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'out of cycle' is not an SSVC Decision value (expected one of: defer, scheduled, out-of-cycle,"
                        + " immediate)");
    }

    @Test
    void deployerTableWithoutOneRowFailsToLoad() throws IOException {
        String deployer = bundledText(SsvcTables.DEPLOYER_TABLE).lines()
                .filter(line -> !line.startsWith("71,"))
                .collect(Collectors.joining("\n"));

        assertThatThrownBy(() -> SsvcTables.read(new StringReader(deployer),
                new StringReader(bundledText(SsvcTables.HUMAN_IMPACT_TABLE))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("deployer_patch_application_priority_1_0_0.csv has no row for active, open, yes, very high;"
                        + " the table needs all 72 combinations");
    }

    @Test
    void repeatedHumanImpactRowFails() throws IOException {
        String humanImpact = bundledText(SsvcTables.HUMAN_IMPACT_TABLE) + "16,critical,degraded,high\n";

        assertThatThrownBy(() -> SsvcTables.read(new StringReader(bundledText(SsvcTables.DEPLOYER_TABLE)),
                new StringReader(humanImpact)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("human_impact_1_0_0.csv line 18 repeats the inputs of row 8");
    }

    @Test
    void tableWithUnknownValueFailsToLoad() throws IOException {
        String humanImpact = bundledText(SsvcTables.HUMAN_IMPACT_TABLE).replace("3,negligible,mission failure,very high",
                "3,negligible,mission failure,extreme");

        assertThatThrownBy(() -> SsvcTables.read(new StringReader(bundledText(SsvcTables.DEPLOYER_TABLE)),
                new StringReader(humanImpact)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("human_impact_1_0_0.csv line 5: 'extreme' is not an SSVC Human Impact value"
                        + " (expected one of: low, medium, high, very high)");
    }

    @Test
    void tableWithOtherColumnsFailsToLoad() throws IOException {
        String coordinator = "row,Exploitation v1.1.0,Automatable v2.0.0,Technical Impact v1.0.0\n0,none,no,partial\n";

        assertThatThrownBy(() -> SsvcTables.read(new StringReader(bundledText(SsvcTables.DEPLOYER_TABLE)),
                new StringReader(coordinator)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("human_impact_1_0_0.csv has the header [row, Exploitation v1.1.0,");
    }

    private static String bundledText(String name) throws IOException {
        try (InputStream in = SsvcTables.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
