package org.patchdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.patchdesk.intel.KevDao;
import org.patchdesk.inventory.ClinicalCriticality;
import org.patchdesk.inventory.MissionImpact;
import org.patchdesk.inventory.NetworkExposure;
import org.patchdesk.inventory.YesNoUnknown;
import org.patchdesk.risk.ssvc.Automatable;
import org.patchdesk.risk.ssvc.Decision;
import org.patchdesk.risk.ssvc.Exploitation;
import org.patchdesk.risk.ssvc.HumanImpact;
import org.patchdesk.risk.ssvc.SystemExposure;
import org.patchdesk.testing.TestSites;

class ScorerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final LocalDate FOUND = LocalDate.of(2026, 11, 1);
    private static final CvssChoice NETWORK_WORM = new CvssChoice("3.1", new BigDecimal("9.8"),
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "advisory X", true, null);
    private static final CvssChoice LOCAL = new CvssChoice("3.1", new BigDecimal("6.1"),
            "CVSS:3.1/AV:L/AC:L/PR:L/UI:R/S:U/C:H/I:H/A:N", "advisory X", false, null);
    private static final KevDao.KevRow KEV = new KevDao.KevRow("CVE-2025-0001", "Vendor", "Product", "Name", LocalDate.of(2025, 1, 2),
            "text", "Apply updates.", LocalDate.of(2025, 1, 23), true, null, "CWE-798", 1);

    private final Scorer scorer = new Scorer(TestSites.ssvcTables(), ScoringSettings.defaults(), TODAY);

    private static ScoreInput input(CvssChoice cvss, KevDao.KevRow kev, NetworkExposure exposure, ClinicalCriticality criticality,
                                    MissionImpact mission) {
        return new ScoreInput("CVE-2025-0001", cvss, null, null, kev, false, false, criticality, false, mission, false, exposure,
                YesNoUnknown.YES, YesNoUnknown.NO, null, true, null, null, FOUND, 0);
    }

    @Test
    void kevOnLifeSustainingIsImmediate() {
        ScoreResult result = scorer.score(input(NETWORK_WORM, KEV, NetworkExposure.OPEN, ClinicalCriticality.LIFE_SUSTAINING,
                MissionImpact.MEF_FAILURE));

        assertThat(result.exploitation()).isEqualTo(Exploitation.ACTIVE);
        assertThat(result.exploitationReason()).contains("KEV").contains("2025-01-02");
        assertThat(result.exposure()).isEqualTo(SystemExposure.OPEN);
        assertThat(result.automatable()).isEqualTo(Automatable.YES);
        assertThat(result.humanImpact()).isEqualTo(HumanImpact.VERY_HIGH);
        assertThat(result.decision()).isEqualTo(Decision.IMMEDIATE);
        assertThat(result.dueDate()).isEqualTo(FOUND.plusDays(7));
        assertThat(result.kevDueDate()).isEqualTo(LocalDate.of(2025, 1, 23));
        assertThat(result.decisionRow()).isEqualTo(TestSites.ssvcTables().deployerRow(Exploitation.ACTIVE, SystemExposure.OPEN,
                Automatable.YES, HumanImpact.VERY_HIGH));
    }

    @Test
    void quietLowDeviceIsDeferred() {
        ScoreResult result = scorer.score(input(LOCAL, null, NetworkExposure.SMALL, ClinicalCriticality.LOW, MissionImpact.DEGRADED));

        assertThat(result.exploitation()).isEqualTo(Exploitation.NONE);
        assertThat(result.automatable()).isEqualTo(Automatable.NO);
        assertThat(result.humanImpact()).isEqualTo(HumanImpact.LOW);
        assertThat(result.decision()).isEqualTo(Decision.DEFER);
        assertThat(result.dueDate()).isEqualTo(FOUND.plusDays(180));
    }

    @Test
    void priorityIsTheWeightedSumOfItsTerms() {
        ScoreInput input = new ScoreInput("CVE-2025-0001", NETWORK_WORM, 0.5, 0.9, KEV, false, false, ClinicalCriticality.HIGH, false,
                MissionImpact.MEF_SUPPORT_CRIPPLED, false, NetworkExposure.CONTROLLED, YesNoUnknown.YES, YesNoUnknown.NO, null, true,
                null, null, FOUND, 0);

        ScoreResult result = scorer.score(input);

        // 30 x 0.98 + 20 x 0.5 + 10 x 0.9 + 20 x 1 + 5 x 1 + 10 x 0.5 + 5 x 0.75
        assertThat(result.priority()).isEqualTo(82.15);
        assertThat(result.terms()).containsEntry(PriorityTerm.CVSS, 29.4).containsEntry(PriorityTerm.EXPOSURE, 5.0)
                .containsEntry(PriorityTerm.CRITICALITY, 3.75);
        assertThat(result.terms().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(82.15,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void weightsAndDueDaysComeFromTheSettings() {
        ScoringSettings settings = ScoringSettings.from(Map.of("priority.weight.cvss", "50", "due.days.defer", "365",
                "priority.weight.epss", "not a number"));
        Scorer custom = new Scorer(TestSites.ssvcTables(), settings, TODAY);

        ScoreResult result = custom.score(input(LOCAL, null, NetworkExposure.SMALL, ClinicalCriticality.LOW, MissionImpact.DEGRADED));

        assertThat(result.terms().get(PriorityTerm.CVSS)).isEqualTo(30.5);
        assertThat(settings.weight(PriorityTerm.EPSS)).as("an invalid stored value falls back to the default").isEqualTo(20);
        assertThat(result.dueDate()).isEqualTo(FOUND.plusDays(365));
        assertThat(ScoringSettings.validate("due.days.immediate", "0")).contains("between 1 and");
        assertThat(ScoringSettings.validate("priority.weight.kev", "abc")).contains("not a number");
        assertThat(ScoringSettings.validate("no.such.key", "1")).isNotNull();
    }

    @Test
    void exposureDerivedFromNetworkFields() {
        ScoreInput segment = new ScoreInput("CVE-1", LOCAL, null, null, null, false, false, ClinicalCriticality.HIGH, false,
                MissionImpact.DEGRADED, false, null, YesNoUnknown.YES, YesNoUnknown.NO, "VLAN 210 biomed", true, null, null, FOUND, 0);
        assertThat(scorer.score(segment).exposure()).isEqualTo(SystemExposure.CONTROLLED);
        assertThat(scorer.score(segment).exposureReason()).contains("VLAN 210 biomed");

        ScoreInput standalone = new ScoreInput("CVE-1", LOCAL, null, null, null, false, false, ClinicalCriticality.HIGH, false,
                MissionImpact.DEGRADED, false, null, YesNoUnknown.NO, YesNoUnknown.UNKNOWN, null, false, null, null, FOUND, 0);
        assertThat(scorer.score(standalone).exposure()).isEqualTo(SystemExposure.SMALL);

        ScoreInput remote = new ScoreInput("CVE-1", LOCAL, null, null, null, false, false, ClinicalCriticality.HIGH, false,
                MissionImpact.DEGRADED, false, null, YesNoUnknown.YES, YesNoUnknown.YES, "VLAN 210", true, null, null, FOUND, 0);
        assertThat(scorer.score(remote).exposure()).isEqualTo(SystemExposure.OPEN);

        ScoreInput flat = new ScoreInput("CVE-1", LOCAL, null, null, null, false, false, ClinicalCriticality.HIGH, false,
                MissionImpact.DEGRADED, false, null, YesNoUnknown.UNKNOWN, YesNoUnknown.UNKNOWN, null, true, null, null, FOUND, 0);
        assertThat(scorer.score(flat).exposure()).isEqualTo(SystemExposure.OPEN);

        ScoreInput stated = new ScoreInput("CVE-1", LOCAL, null, null, null, false, false, ClinicalCriticality.HIGH, false,
                MissionImpact.DEGRADED, false, NetworkExposure.SMALL, YesNoUnknown.YES, YesNoUnknown.YES, null, true,
                SystemExposure.CONTROLLED, Automatable.YES, FOUND, 0);
        ScoreResult overridden = scorer.score(stated);
        assertThat(overridden.exposure()).isEqualTo(SystemExposure.CONTROLLED);
        assertThat(overridden.exposureReason()).contains("set for this finding");
        assertThat(overridden.automatable()).isEqualTo(Automatable.YES);
    }

    @Test
    void exploitationFollowsMarksAndThreatMetrics() {
        CvssChoice activeV4 = new CvssChoice("4.0", new BigDecimal("9.3"), "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A",
                "CVE record", true, "active");
        CvssChoice poc = new CvssChoice("3.1", new BigDecimal("7.5"), "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N/E:P", "x", true,
                "public poc");

        assertThat(scorer.score(input(activeV4, null, NetworkExposure.OPEN, ClinicalCriticality.HIGH, MissionImpact.DEGRADED))
                .exploitation()).isEqualTo(Exploitation.ACTIVE);
        assertThat(scorer.score(input(poc, null, NetworkExposure.OPEN, ClinicalCriticality.HIGH, MissionImpact.DEGRADED))
                .exploitation()).isEqualTo(Exploitation.PUBLIC_POC);
        ScoreInput marked = new ScoreInput("CVE-1", LOCAL, null, null, null, true, false, ClinicalCriticality.HIGH, false,
                MissionImpact.DEGRADED, false, NetworkExposure.OPEN, YesNoUnknown.YES, YesNoUnknown.NO, null, true, null, null, FOUND, 0);
        assertThat(scorer.score(marked).exploitation()).isEqualTo(Exploitation.ACTIVE);
        assertThat(scorer.score(marked).exploitationReason()).contains("marked");
    }

    @Test
    void clockRestartsOnEscalation() {
        ScoreInput wasScheduled = new ScoreInput("CVE-1", NETWORK_WORM, null, null, KEV, false, false, ClinicalCriticality.HIGH, false,
                MissionImpact.MEF_SUPPORT_CRIPPLED, false, NetworkExposure.OPEN, YesNoUnknown.YES, YesNoUnknown.NO, null, true, null, null,
                FOUND, ScoreResult.rank(Decision.SCHEDULED));
        ScoreResult escalated = scorer.score(wasScheduled);
        assertThat(escalated.decision()).isEqualTo(Decision.IMMEDIATE);
        assertThat(escalated.clockRestarted()).isTrue();
        assertThat(escalated.clockStartedOn()).isEqualTo(TODAY);
        assertThat(escalated.dueDate()).isEqualTo(TODAY.plusDays(7));

        ScoreInput wasImmediate = new ScoreInput("CVE-1", LOCAL, null, null, null, false, false, ClinicalCriticality.LOW, false,
                MissionImpact.DEGRADED, false, NetworkExposure.SMALL, YesNoUnknown.YES, YesNoUnknown.NO, null, true, null, null, FOUND,
                ScoreResult.rank(Decision.IMMEDIATE));
        ScoreResult calmer = scorer.score(wasImmediate);
        assertThat(calmer.clockRestarted()).isFalse();
        assertThat(calmer.clockStartedOn()).isEqualTo(FOUND);
    }
}
