package org.patchdesk.risk;

import java.math.BigDecimal;

/**
 * The CVSS vector a finding shows: the newest version any source gives (4.0, else 3.1, else 3.0),
 * with the score, whether the vector makes the vulnerability automatable in SSVC's sense, and the
 * exploitation its threat metric states (null when none).
 */
public record CvssChoice(String version, BigDecimal score, String vector, String source, boolean automatable, String exploitationHint) {
}
