package org.patchdesk.risk.ssvc;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CERT/CC SSVC deployer decision table "patch application priority" 1.0.0 and the human impact table 1.0.0, loaded
 * from the CSV files bundled with PatchDesk. Each lookup also reports the table's row number, so that a decision can
 * be explained by the row it came from.
 */
public final class SsvcTables {

    static final String DEPLOYER_TABLE = "deployer_patch_application_priority_1_0_0.csv";
    static final String HUMAN_IMPACT_TABLE = "human_impact_1_0_0.csv";

    private static final List<String> DEPLOYER_COLUMNS = List.of("row", "Exploitation", "System Exposure", "Automatable",
            "Human Impact", "Defer, Scheduled, Out-of-Cycle, Immediate");
    private static final List<String> HUMAN_IMPACT_COLUMNS = List.of("row", "Safety Impact", "Mission Impact",
            "Human Impact");
    private static final int DEPLOYER_SIZE = Exploitation.values().length * SystemExposure.values().length
            * Automatable.values().length * HumanImpact.values().length;
    private static final int HUMAN_IMPACT_SIZE = SafetyImpact.values().length * MissionImpactLevel.values().length;

    private final Decision[] decisions = new Decision[DEPLOYER_SIZE];
    private final int[] deployerRows = new int[DEPLOYER_SIZE];
    private final HumanImpact[] humanImpacts = new HumanImpact[HUMAN_IMPACT_SIZE];
    private final int[] humanImpactRows = new int[HUMAN_IMPACT_SIZE];

    private SsvcTables() {
    }

    /**
     * Loads the bundled tables.
     *
     * @throws IllegalStateException when a table is missing a combination, repeats one or has an unknown value
     */
    public static SsvcTables load() {
        try (Reader deployer = resource(DEPLOYER_TABLE); Reader humanImpact = resource(HUMAN_IMPACT_TABLE)) {
            return read(deployer, humanImpact);
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled SSVC tables could not be read", e);
        }
    }

    /**
     * Reads the two tables in the CSV layout CERT/CC publishes: a row number, one column per input and the outcome.
     *
     * @throws IllegalStateException when a table is missing a combination, repeats one or has an unknown value
     */
    static SsvcTables read(Reader deployerTable, Reader humanImpactTable) throws IOException {
        SsvcTables tables = new SsvcTables();
        tables.readDeployerTable(deployerTable);
        tables.readHumanImpactTable(humanImpactTable);
        return tables;
    }

    private static Reader resource(String name) {
        InputStream in = SsvcTables.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("The SSVC table " + name + " is missing from the application");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    public HumanImpact humanImpact(SafetyImpact safety, MissionImpactLevel mission) {
        return humanImpacts[humanImpactIndex(safety, mission)];
    }

    /** Returns the number in the "row" column of the human impact table for these inputs. */
    public int humanImpactRow(SafetyImpact safety, MissionImpactLevel mission) {
        return humanImpactRows[humanImpactIndex(safety, mission)];
    }

    public Decision decide(Exploitation exploitation, SystemExposure exposure, Automatable automatable,
            HumanImpact humanImpact) {
        return decisions[deployerIndex(exploitation, exposure, automatable, humanImpact)];
    }

    /** Returns the number in the "row" column of the deployer table for these inputs. */
    public int deployerRow(Exploitation exploitation, SystemExposure exposure, Automatable automatable,
            HumanImpact humanImpact) {
        return deployerRows[deployerIndex(exploitation, exposure, automatable, humanImpact)];
    }

    private static int deployerIndex(Exploitation exploitation, SystemExposure exposure, Automatable automatable,
            HumanImpact humanImpact) {
        int index = Objects.requireNonNull(exploitation, "exploitation").ordinal();
        index = index * SystemExposure.values().length + Objects.requireNonNull(exposure, "exposure").ordinal();
        index = index * Automatable.values().length + Objects.requireNonNull(automatable, "automatable").ordinal();
        return index * HumanImpact.values().length + Objects.requireNonNull(humanImpact, "humanImpact").ordinal();
    }

    private static int humanImpactIndex(SafetyImpact safety, MissionImpactLevel mission) {
        return Objects.requireNonNull(safety, "safety").ordinal() * MissionImpactLevel.values().length
                + Objects.requireNonNull(mission, "mission").ordinal();
    }

    private void readDeployerTable(Reader table) throws IOException {
        for (CSVRecord record : records(DEPLOYER_TABLE, table, DEPLOYER_COLUMNS)) {
            try {
                int index = deployerIndex(Exploitation.fromWord(record.get(1)), SystemExposure.fromWord(record.get(2)),
                        Automatable.fromWord(record.get(3)), HumanImpact.fromWord(record.get(4)));
                store(DEPLOYER_TABLE, record, decisions, deployerRows, index, Decision.fromWord(record.get(5)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(DEPLOYER_TABLE + " line " + record.getRecordNumber() + ": " + e.getMessage(), e);
            }
        }
        for (Exploitation exploitation : Exploitation.values()) {
            for (SystemExposure exposure : SystemExposure.values()) {
                for (Automatable automatable : Automatable.values()) {
                    for (HumanImpact humanImpact : HumanImpact.values()) {
                        if (decisions[deployerIndex(exploitation, exposure, automatable, humanImpact)] == null) {
                            throw new IllegalStateException(DEPLOYER_TABLE + " has no row for " + exploitation.word()
                                    + ", " + exposure.word() + ", " + automatable.word() + ", " + humanImpact.word()
                                    + "; the table needs all " + DEPLOYER_SIZE + " combinations");
                        }
                    }
                }
            }
        }
    }

    private void readHumanImpactTable(Reader table) throws IOException {
        for (CSVRecord record : records(HUMAN_IMPACT_TABLE, table, HUMAN_IMPACT_COLUMNS)) {
            try {
                int index = humanImpactIndex(SafetyImpact.fromWord(record.get(1)), MissionImpactLevel.fromWord(record.get(2)));
                store(HUMAN_IMPACT_TABLE, record, humanImpacts, humanImpactRows, index, HumanImpact.fromWord(record.get(3)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(HUMAN_IMPACT_TABLE + " line " + record.getRecordNumber() + ": " + e.getMessage(),
                        e);
            }
        }
        for (SafetyImpact safety : SafetyImpact.values()) {
            for (MissionImpactLevel mission : MissionImpactLevel.values()) {
                if (humanImpacts[humanImpactIndex(safety, mission)] == null) {
                    throw new IllegalStateException(HUMAN_IMPACT_TABLE + " has no row for " + safety.word() + ", "
                            + mission.word() + "; the table needs all " + HUMAN_IMPACT_SIZE + " combinations");
                }
            }
        }
    }

    /**
     * Reads the records after the header, checking that each header cell starts with the expected column name. The
     * published headers append versions, such as "Exploitation v1.1.0".
     */
    private static List<CSVRecord> records(String tableName, Reader table, List<String> columns) throws IOException {
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(table, CSVFormat.DEFAULT)) {
            records = parser.getRecords();
        }
        if (records.isEmpty()) {
            throw new IllegalStateException(tableName + " is empty");
        }
        CSVRecord header = records.get(0);
        boolean headerMatches = header.size() == columns.size();
        for (int i = 0; headerMatches && i < columns.size(); i++) {
            headerMatches = header.get(i).strip().startsWith(columns.get(i));
        }
        if (!headerMatches) {
            throw new IllegalStateException(tableName + " has the header " + List.of(header.values())
                    + ", expected columns starting with " + columns);
        }
        List<CSVRecord> rows = records.subList(1, records.size());
        for (CSVRecord row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalStateException(tableName + " line " + row.getRecordNumber() + " has " + row.size()
                        + " columns, expected " + columns.size());
            }
        }
        return rows;
    }

    private static <T> void store(String tableName, CSVRecord record, T[] outcomes, int[] rowNumbers, int index, T outcome) {
        if (outcomes[index] != null) {
            throw new IllegalStateException(tableName + " line " + record.getRecordNumber() + " repeats the inputs of row "
                    + rowNumbers[index]);
        }
        try {
            rowNumbers[index] = Integer.parseInt(record.get(0).strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(tableName + " line " + record.getRecordNumber() + ": '" + record.get(0)
                    + "' is not a row number", e);
        }
        outcomes[index] = outcome;
    }
}
