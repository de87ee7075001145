package org.patchdesk.intel;

import java.math.BigDecimal;

/**
 * A CVSS vector as one source states it, with the score the source published and the score
 * computed from the vector. Only v3.x vectors are computed, so the computed score of a v4.0 vector is null.
 */
public record CvssScoreRow(long id, String cveId, String version, String vector, BigDecimal publishedScore, BigDecimal computedScore,
                           String sourceKind, String sourceRef) {

    /** True when the published score differs from the one the vector gives. */
    public boolean disagrees() {
        return publishedScore != null && computedScore != null && publishedScore.compareTo(computedScore) != 0;
    }

    /** Returns the score to use: the computed one when there is one, else the published one. */
    public BigDecimal score() {
        return computedScore != null ? computedScore : publishedScore;
    }
}
