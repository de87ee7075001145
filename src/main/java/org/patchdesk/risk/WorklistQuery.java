package org.patchdesk.risk;

import java.util.EnumSet;
import java.util.Set;

import org.patchdesk.risk.ssvc.Decision;

/**
 * The filters of the worklist. Empty sets and null values do not filter. By default the worklist
 * shows open findings only.
 *
 * @param text       part of an asset tag, CVE id, manufacturer or model
 * @param minEpss    the lowest EPSS probability shown, from 0 to 1
 * @param group      limits the rows to one group of a grouping, such as one device
 */
public record WorklistQuery(Set<Decision> decisions, Set<FindingStatus> statuses, boolean kevOnly, Double minEpss, boolean overdueOnly,
                            boolean reviewOnly, String department, String text, Grouping grouping, String group) {

    public WorklistQuery {
        decisions = decisions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(decisions));
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    public static WorklistQuery openFindings() {
        return new WorklistQuery(Set.of(), Set.of(FindingStatus.OPEN), false, null, false, false, null, null, null, null);
    }

    public static WorklistQuery everything() {
        return new WorklistQuery(Set.of(), Set.of(), false, null, false, false, null, null, null, null);
    }

    public WorklistQuery withDecisions(Set<Decision> value) {
        return new WorklistQuery(value, statuses, kevOnly, minEpss, overdueOnly, reviewOnly, department, text, grouping, group);
    }

    public WorklistQuery withStatuses(Set<FindingStatus> value) {
        return new WorklistQuery(decisions, value, kevOnly, minEpss, overdueOnly, reviewOnly, department, text, grouping, group);
    }

    public WorklistQuery withKevOnly(boolean value) {
        return new WorklistQuery(decisions, statuses, value, minEpss, overdueOnly, reviewOnly, department, text, grouping, group);
    }

    public WorklistQuery withMinEpss(Double value) {
        return new WorklistQuery(decisions, statuses, kevOnly, value, overdueOnly, reviewOnly, department, text, grouping, group);
    }

    public WorklistQuery withOverdueOnly(boolean value) {
        return new WorklistQuery(decisions, statuses, kevOnly, minEpss, value, reviewOnly, department, text, grouping, group);
    }

    public WorklistQuery withReviewOnly(boolean value) {
        return new WorklistQuery(decisions, statuses, kevOnly, minEpss, overdueOnly, value, department, text, grouping, group);
    }

    public WorklistQuery withDepartment(String value) {
        return new WorklistQuery(decisions, statuses, kevOnly, minEpss, overdueOnly, reviewOnly, value, text, grouping, group);
    }

    public WorklistQuery withText(String value) {
        return new WorklistQuery(decisions, statuses, kevOnly, minEpss, overdueOnly, reviewOnly, department, value, grouping, group);
    }

    /** Limits the rows to one group; {@code key} is a {@link WorklistGroup#key()}. */
    public WorklistQuery inGroup(Grouping value, String key) {
        return new WorklistQuery(decisions, statuses, kevOnly, minEpss, overdueOnly, reviewOnly, department, text, value, key);
    }
}
