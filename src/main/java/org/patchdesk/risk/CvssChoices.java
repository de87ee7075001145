package org.patchdesk.risk;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.patchdesk.intel.CvssScoreRow;
import org.patchdesk.intel.cvss.CvssVector;
import org.patchdesk.intel.cvss.InvalidCvssVectorException;

/**
 * Picks the CVSS vector a finding shows from every vector the sources give for its CVE: the newest
 * CVSS version present (4.0, else 3.1, else 3.0) among vectors with a score. A CVSS 4.0 vector
 * found in an advisory's calculator link has no score, because PatchDesk computes 3.x scores only,
 * so a scored vector comes first. Among vectors of the chosen version, one entered by
 * hand comes before one from an advisory, which comes before one from a CVE record, then the
 * highest score wins.
 * Exploitation is read from every vector, so a v4.0 threat metric of E:A counts even when the
 * chosen vector is another.
 */
final class CvssChoices {

    private CvssChoices() {
    }

    static Optional<CvssChoice> choose(List<CvssScoreRow> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        CvssScoreRow best = rows.stream().max(Comparator.comparing((CvssScoreRow row) -> row.score() != null)
                        .thenComparing(row -> versionRank(row.version()))
                        .thenComparing(row -> -sourceRank(row.sourceKind()))
                        .thenComparing(row -> row.score() == null ? -1 : row.score().doubleValue()))
                .orElseThrow();
        String hint = null;
        boolean automatable = false;
        for (CvssScoreRow row : rows) {
            CvssVector vector = parse(row);
            if (vector == null) {
                continue;
            }
            String rowHint = vector.exploitationHint();
            if ("active".equals(rowHint) || "public poc".equals(rowHint) && hint == null) {
                hint = rowHint;
            }
            if (row == best) {
                automatable = vector.automatable();
            }
        }
        return Optional.of(new CvssChoice(best.version(), best.score(), best.vector(), sourceLabel(best), automatable, hint));
    }

    static String sourceLabel(CvssScoreRow row) {
        return switch (row.sourceKind()) {
            case "csaf" -> "advisory " + row.sourceRef();
            case "cve" -> "CVE record " + row.sourceRef();
            case "manual" -> "entered by hand";
            default -> row.sourceKind() + " " + row.sourceRef();
        };
    }

    private static CvssVector parse(CvssScoreRow row) {
        try {
            return CvssVector.parse(row.vector());
        } catch (InvalidCvssVectorException e) {
            // Vectors are validated before they are stored; a vector that no longer parses gives no hint.
            return null;
        }
    }

    private static int versionRank(String version) {
        return switch (version) {
            case "4.0" -> 3;
            case "3.1" -> 2;
            default -> 1;
        };
    }

    private static int sourceRank(String sourceKind) {
        return switch (sourceKind) {
            case "manual" -> 0;
            case "csaf" -> 1;
            default -> 2;
        };
    }
}
