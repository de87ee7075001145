package org.patchdesk.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.patchdesk.controls.CoveringControl;
import org.patchdesk.controls.VerificationState;
import org.patchdesk.inventory.ClinicalCriticality;
import org.patchdesk.inventory.NetworkExposure;
import org.patchdesk.inventory.YesNoUnknown;
import org.patchdesk.risk.ssvc.Automatable;
import org.patchdesk.risk.ssvc.Decision;
import org.patchdesk.risk.ssvc.Exploitation;
import org.patchdesk.risk.ssvc.HumanImpact;
import org.patchdesk.risk.ssvc.MissionImpactLevel;
import org.patchdesk.risk.ssvc.SafetyImpact;
import org.patchdesk.risk.ssvc.SsvcTables;
import org.patchdesk.risk.ssvc.SystemExposure;

/**
 * Scores one finding: the SSVC deployer decision (patch application priority) from exploitation,
 * system exposure, automatable and human impact, a numeric priority that orders findings within a
 * decision, and the due dates. The rules are written out in docs/scoring.md.
 */
public final class Scorer {

    private final SsvcTables tables;
    private final ScoringSettings settings;
    private final LocalDate today;

    public Scorer(SsvcTables tables, ScoringSettings settings, LocalDate today) {
        this.tables = tables;
        this.settings = settings;
        this.today = today;
    }

    public ScoreResult score(ScoreInput input) {
        Exploitation exploitation;
        String exploitationReason;
        String hint = input.cvss() == null ? null : input.cvss().exploitationHint();
        if (input.kev() != null) {
            exploitation = Exploitation.ACTIVE;
            exploitationReason = "listed in the CISA KEV catalog (added " + input.kev().dateAdded() + ")";
        } else if (input.exploitedMark()) {
            exploitation = Exploitation.ACTIVE;
            exploitationReason = "marked as exploited in the wild by a user";
        } else if ("active".equals(hint)) {
            exploitation = Exploitation.ACTIVE;
            exploitationReason = "the CVSS 4.0 threat metric is E:A";
        } else if (input.pocMark()) {
            exploitation = Exploitation.PUBLIC_POC;
            exploitationReason = "marked as having public exploit code by a user";
        } else if ("public poc".equals(hint)) {
            exploitation = Exploitation.PUBLIC_POC;
            exploitationReason = "the CVSS exploit code maturity metric (E) shows exploit code";
        } else {
            exploitation = Exploitation.NONE;
            exploitationReason = "not in KEV, not marked, and no CVSS threat metric shows exploitation";
        }

        SystemExposure exposure;
        String exposureReason;
        if (input.exposureOverride() != null) {
            exposure = input.exposureOverride();
            exposureReason = "set for this finding by a user";
        } else if (input.deviceExposure() != null) {
            exposure = exposureOf(input.deviceExposure());
            exposureReason = "the device's network exposure";
        } else if (input.networked() == YesNoUnknown.NO) {
            exposure = SystemExposure.SMALL;
            exposureReason = "assumed: the device is not networked";
        } else if (input.remoteAccess() == YesNoUnknown.YES) {
            exposure = SystemExposure.OPEN;
            exposureReason = "assumed: the vendor has remote access to the device";
        } else if (input.networkSegment() != null && !input.networkSegment().isBlank()) {
            exposure = SystemExposure.CONTROLLED;
            exposureReason = "assumed: the device is on network segment " + input.networkSegment();
        } else if (input.networked() == YesNoUnknown.YES || input.hasIpAddress()) {
            exposure = SystemExposure.OPEN;
            exposureReason = "assumed: the device is networked and no segment is recorded";
        } else {
            exposure = SystemExposure.CONTROLLED;
            exposureReason = "assumed: nothing is recorded about the device's network";
        }
        List<ControlEffect> controlEffects = controlEffects(input, exposure);
        List<String> lowering = controlEffects.stream().filter(ControlEffect::loweredExposure)
                .map(effect -> "'" + effect.control().title() + "' (" + effect.control().typeName() + ")").toList();
        if (!lowering.isEmpty()) {
            exposure = SystemExposure.CONTROLLED;
            exposureReason += "; lowered from open to controlled by verified compensating control" + (lowering.size() == 1 ? " " : "s ")
                    + String.join(", ", lowering);
        }

        Automatable automatable;
        String automatableReason;
        if (input.automatableOverride() != null) {
            automatable = input.automatableOverride();
            automatableReason = "set for this finding by a user";
        } else if (input.cvss() != null) {
            automatable = input.cvss().automatable() ? Automatable.YES : Automatable.NO;
            automatableReason = input.cvss().automatable()
                    ? "the CVSS " + input.cvss().version() + " vector has AV:N, AC:L, PR:N, UI:N" + ("4.0".equals(input.cvss().version()) ? " and AT:N" : "")
                    : "the CVSS " + input.cvss().version() + " vector does not have AV:N, AC:L, PR:N and UI:N"
                            + ("4.0".equals(input.cvss().version()) ? " and AT:N" : "");
        } else {
            automatable = Automatable.NO;
            automatableReason = "assumed: no CVSS vector is known";
        }

        SafetyImpact safety = SafetyImpact.fromWord(input.criticality().ssvcSafetyImpact());
        MissionImpactLevel mission = MissionImpactLevel.fromWord(input.missionImpact().ssvcValue());
        HumanImpact humanImpact = tables.humanImpact(safety, mission);
        Decision decision = tables.decide(exploitation, exposure, automatable, humanImpact);

        Map<PriorityTerm, Double> factors = new EnumMap<>(PriorityTerm.class);
        factors.put(PriorityTerm.CVSS, input.cvss() == null || input.cvss().score() == null ? 0 : input.cvss().score().doubleValue() / 10);
        factors.put(PriorityTerm.EPSS, input.epss() == null ? 0 : input.epss());
        factors.put(PriorityTerm.EPSS_PERCENTILE, input.epssPercentile() == null ? 0 : input.epssPercentile());
        factors.put(PriorityTerm.KEV, input.kev() == null ? 0.0 : 1.0);
        factors.put(PriorityTerm.RANSOMWARE, input.kev() != null && input.kev().knownRansomware() ? 1.0 : 0.0);
        factors.put(PriorityTerm.EXPOSURE, switch (exposure) {
            case SMALL -> 0.0;
            case CONTROLLED -> 0.5;
            case OPEN -> 1.0;
        });
        factors.put(PriorityTerm.CRITICALITY, criticalityFactor(input.criticality()));
        Map<PriorityTerm, Double> terms = new EnumMap<>(PriorityTerm.class);
        double priority = 0;
        for (PriorityTerm term : PriorityTerm.values()) {
            // Terms are rounded to hundredths, as shown, so that the shown terms add up to the priority.
            double value = Math.round(settings.weight(term) * factors.get(term) * 100) / 100.0;
            terms.put(term, value);
            priority += value;
        }
        priority = Math.round(priority * 100) / 100.0;

        int rank = ScoreResult.rank(decision);
        boolean restart = input.previousDecisionRank() > 0 && rank > input.previousDecisionRank();
        LocalDate clock = restart ? today : input.clockStartedOn();
        LocalDate due = clock.plusDays(settings.dueDays(decision));
        return new ScoreResult(exploitation, exploitationReason, exposure, exposureReason, automatable, automatableReason, safety, mission,
                humanImpact, tables.humanImpactRow(safety, mission), decision, tables.deployerRow(exploitation, exposure, automatable,
                humanImpact), factors, terms, priority, clock, restart, due, input.kev() == null ? null : input.kev().dueDate(),
                controlEffects);
    }

    /**
     * Works out what each control covering the finding does. A control counts when it is verified
     * and its next verification date is today or later. A counted control of a type that lowers
     * exposure changes System Exposure from open to controlled, never lower, and only when no user
     * set the finding's System Exposure. Other types change no SSVC decision point.
     */
    private List<ControlEffect> controlEffects(ScoreInput input, SystemExposure exposure) {
        List<ControlEffect> effects = new ArrayList<>();
        for (CoveringControl control : input.controls()) {
            VerificationState state = control.state(today);
            if (state == VerificationState.NOT_VERIFIED) {
                effects.add(new ControlEffect(control, false, false, control.verifiedOn() == null ? "not counted: never verified"
                        : "not counted: verified on " + control.verifiedOn() + ", which is after today"));
            } else if (state == VerificationState.OVERDUE) {
                effects.add(new ControlEffect(control, false, false, "not counted: verification overdue since " + control.overdueSince()
                        + " (the next verification was due " + control.nextVerificationOn() + ")"));
            } else if (!control.lowersExposure()) {
                effects.add(new ControlEffect(control, true, false,
                        "counted, for information: this type of control changes no SSVC decision point"));
            } else if (input.exposureOverride() != null) {
                effects.add(new ControlEffect(control, true, false, "counted, but System Exposure stays as a user set it for this finding"));
            } else if (exposure == SystemExposure.OPEN) {
                effects.add(new ControlEffect(control, true, true, "counted: lowers System Exposure from open to controlled"));
            } else {
                effects.add(new ControlEffect(control, true, false, exposure == SystemExposure.SMALL
                        ? "counted: System Exposure is already small, lower than a control sets it"
                        : "counted: System Exposure is already controlled"));
            }
        }
        return effects;
    }

    static SystemExposure exposureOf(NetworkExposure exposure) {
        return switch (exposure) {
            case SMALL -> SystemExposure.SMALL;
            case CONTROLLED -> SystemExposure.CONTROLLED;
            case OPEN -> SystemExposure.OPEN;
        };
    }

    private static double criticalityFactor(ClinicalCriticality criticality) {
        return switch (criticality) {
            case LOW -> 0.25;
            case MEDIUM -> 0.5;
            case HIGH -> 0.75;
            case LIFE_SUSTAINING -> 1.0;
        };
    }
}
