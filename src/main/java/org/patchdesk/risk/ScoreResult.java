package org.patchdesk.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.patchdesk.risk.ssvc.Automatable;
import org.patchdesk.risk.ssvc.Decision;
import org.patchdesk.risk.ssvc.Exploitation;
import org.patchdesk.risk.ssvc.HumanImpact;
import org.patchdesk.risk.ssvc.MissionImpactLevel;
import org.patchdesk.risk.ssvc.SafetyImpact;
import org.patchdesk.risk.ssvc.SystemExposure;

/**
 * A finding's score with each input's value and the reason it has that value, so that the score
 * can be explained: the SSVC decision point values and table rows, the priority's terms, the due
 * dates, and the effect of each compensating control that covers the finding.
 */
public record ScoreResult(Exploitation exploitation, String exploitationReason, SystemExposure exposure, String exposureReason,
                          Automatable automatable, String automatableReason, SafetyImpact safetyImpact, MissionImpactLevel missionImpact,
                          HumanImpact humanImpact, int humanImpactRow, Decision decision, int decisionRow,
                          Map<PriorityTerm, Double> factors, Map<PriorityTerm, Double> terms, double priority,
                          LocalDate clockStartedOn, boolean clockRestarted, LocalDate dueDate, LocalDate kevDueDate,
                          List<ControlEffect> controlEffects) {

    public ScoreResult {
        controlEffects = List.copyOf(controlEffects);
    }

    /** Ranks decisions for sorting: defer 1, scheduled 2, out-of-cycle 3, immediate 4. */
    public int decisionRank() {
        return rank(decision);
    }

    public static int rank(Decision decision) {
        return switch (decision) {
            case DEFER -> 1;
            case SCHEDULED -> 2;
            case OUT_OF_CYCLE -> 3;
            case IMMEDIATE -> 4;
        };
    }
}
