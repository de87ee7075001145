package org.patchdesk.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The result of {@link AuditVerifier#verify}: the chain as found, the anchor file's head (null when
 * there is none), by how many entries the anchor lags behind the database, the problems found, and
 * which record types were compared with their entries.
 */
public record AuditVerification(Instant checkedAt, ChainHead databaseHead, ChainHead anchor, long anchorLag,
                                List<AuditProblem> problems, List<String> comparedRecordTypes, List<String> uncomparedRecordTypes) {

    public AuditVerification {
        problems = List.copyOf(problems);
        comparedRecordTypes = List.copyOf(comparedRecordTypes);
        uncomparedRecordTypes = List.copyOf(uncomparedRecordTypes);
    }

    /** Returns whether the chain is whole, matches its anchor, and no compared record drifted. */
    public boolean intact() {
        return problems.isEmpty();
    }

    /** Returns the first problem's message, or a line saying the trail is intact. */
    public String summary() {
        if (intact()) {
            return String.format(Locale.US, "Audit trail intact: %,d entries verified", databaseHead.entryCount());
        }
        int more = problems.size() - 1;
        if (more == 0) {
            return problems.get(0).message();
        }
        return problems.get(0).message() + String.format(Locale.US, " (and %,d more %s)", more, more == 1 ? "problem" : "problems");
    }

    /** Returns the result in a few words, as a report's footer prints it: "passed", or "FAILED: 2 problems". */
    public String outcome() {
        if (intact()) {
            return "passed";
        }
        return String.format(Locale.US, "FAILED: %,d %s", problems.size(), problems.size() == 1 ? "problem" : "problems");
    }

    /**
     * Returns the report: one line per problem, then the chain head, the anchor, the record types
     * compared, the events the trail holds, and the record types kept but not compared.
     */
    public List<String> reportLines() {
        List<String> lines = new ArrayList<>();
        for (AuditProblem problem : problems) {
            lines.add("BROKEN: " + problem.message());
        }
        lines.add((intact() ? "Intact: " : "Chain: ") + databaseHead.describe());
        if (anchor != null && anchorLag > 0) {
            lines.add(String.format(Locale.US, "Anchor file: %,d entries, %,d behind the database (a change committed just"
                    + " before PatchDesk stopped; the next change brings it up to date)", anchor.entryCount(), anchorLag));
        }
        lines.add("Compared with their last audit entries: " + (comparedRecordTypes.isEmpty() ? "none"
                : AuditRecordTypes.labels(comparedRecordTypes)));
        List<String> events = uncomparedRecordTypes.stream().filter(AuditRecordTypes::isEvent).toList();
        List<String> notCompared = uncomparedRecordTypes.stream().filter(type -> !AuditRecordTypes.isEvent(type)).toList();
        if (!events.isEmpty()) {
            lines.add("Events in the trail, with no current record to compare (each happened once): " + AuditRecordTypes.labels(events));
        }
        if (!notCompared.isEmpty()) {
            lines.add("Kept in the trail but not compared with current records: " + AuditRecordTypes.labels(notCompared));
        }
        return lines;
    }
}
