package org.patchdesk.planning.mds2;

import java.util.List;

/**
 * A value the form suggests for the product, with the question IDs that produced it and the
 * reason in words. Suggestions are applied only when a user accepts them.
 */
public record Mds2Suggestion(Topic topic, String value, List<String> questionIds, String reason) {

    public Mds2Suggestion {
        questionIds = List.copyOf(questionIds);
    }

    /** The subject of a suggestion. */
    public enum Topic {
        PATCHABILITY("Patchability"),
        REMOTE_SERVICE("Vendor remote access"),
        EXTERNAL_CONNECTIONS("Connections outside the site network"),
        SBOM("SBOM"),
        ANTI_MALWARE("Anti-malware"),
        COMPENSATING_CONTROLS("Compensating controls");

        private final String label;

        Topic(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
