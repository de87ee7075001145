package org.patchdesk.risk;

import java.time.LocalDate;

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
 */
public record ScoreInput(String cveId, CvssChoice cvss, Double epss, Double epssPercentile, KevDao.KevRow kev, boolean exploitedMark,
                         boolean pocMark, ClinicalCriticality criticality, boolean criticalityAssumed, MissionImpact missionImpact,
                         boolean missionAssumed, NetworkExposure deviceExposure, YesNoUnknown networked, YesNoUnknown remoteAccess,
                         String networkSegment, boolean hasIpAddress, SystemExposure exposureOverride, Automatable automatableOverride,
                         LocalDate clockStartedOn, int previousDecisionRank) {
}
