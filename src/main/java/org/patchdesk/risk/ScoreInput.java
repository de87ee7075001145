package org.patchdesk.risk;

import java.time.LocalDate;
import java.util.List;

import org.patchdesk.controls.CoveringControl;
import org.patchdesk.intel.KevDao;
import org.patchdesk.inventory.ClinicalCriticality;
import org.patchdesk.inventory.MissionImpact;
import org.patchdesk.inventory.NetworkExposure;
import org.patchdesk.inventory.YesNoUnknown;
import org.patchdesk.risk.ssvc.Automatable;
import org.patchdesk.risk.ssvc.SystemExposure;

/**
 * Everything a finding's score depends on. Device values are those stored on the device, with
 * the criticality and mission impact already resolved to the device type's default or the
 * fallback where the device has none ({@code criticalityAssumed} and {@code missionAssumed} tell).
 * {@code controls} are the compensating controls that cover the finding or its device, whatever
 * their verification state.
 */
public record ScoreInput(String cveId, CvssChoice cvss, Double epss, Double epssPercentile, KevDao.KevRow kev, boolean exploitedMark,
                         boolean pocMark, ClinicalCriticality criticality, boolean criticalityAssumed, MissionImpact missionImpact,
                         boolean missionAssumed, NetworkExposure deviceExposure, YesNoUnknown networked, YesNoUnknown remoteAccess,
                         String networkSegment, boolean hasIpAddress, SystemExposure exposureOverride, Automatable automatableOverride,
                         LocalDate clockStartedOn, int previousDecisionRank, List<CoveringControl> controls) {

    public ScoreInput {
        controls = List.copyOf(controls);
    }

    /** Returns this input with the finding's System Exposure set to {@code exposure}, as a user's override sets it. */
    public ScoreInput withExposureOverride(SystemExposure exposure) {
        return new ScoreInput(cveId, cvss, epss, epssPercentile, kev, exploitedMark, pocMark, criticality, criticalityAssumed, missionImpact,
                missionAssumed, deviceExposure, networked, remoteAccess, networkSegment, hasIpAddress, exposure, automatableOverride,
                clockStartedOn, previousDecisionRank, controls);
    }

    /** Creates the input of a finding that no compensating control covers. */
    public ScoreInput(String cveId, CvssChoice cvss, Double epss, Double epssPercentile, KevDao.KevRow kev, boolean exploitedMark,
                      boolean pocMark, ClinicalCriticality criticality, boolean criticalityAssumed, MissionImpact missionImpact,
                      boolean missionAssumed, NetworkExposure deviceExposure, YesNoUnknown networked, YesNoUnknown remoteAccess,
                      String networkSegment, boolean hasIpAddress, SystemExposure exposureOverride, Automatable automatableOverride,
                      LocalDate clockStartedOn, int previousDecisionRank) {
        this(cveId, cvss, epss, epssPercentile, kev, exploitedMark, pocMark, criticality, criticalityAssumed, missionImpact, missionAssumed,
                deviceExposure, networked, remoteAccess, networkSegment, hasIpAddress, exposureOverride, automatableOverride,
                clockStartedOn, previousDecisionRank, List.of());
    }
}
