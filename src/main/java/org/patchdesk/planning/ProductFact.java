package org.patchdesk.planning;

import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * A security fact about a product, accepted from an MDS2 form: the value, the reason in words, the
 * question IDs that gave it, and the form it came from ({@code sourceRef}, such as
 * "MDS2 EMS-900-MDS2-r3"). {@code formId} is null once the form is deleted.
 */
public record ProductFact(long productId, Kind kind, String value, String detail, String questionIds, Long formId, String sourceRef,
                          String setBy, OffsetDateTime setAt) {

    /** The subject of a fact, with the values it takes. */
    public enum Kind {
        /** Whether the manufacturer's service connects to the device remotely: "yes" or "no". */
        REMOTE_SERVICE("Vendor remote access"),
        /** Whether the device communicates outside the site network: "internet", "outside the site" or "none". */
        EXTERNAL_CONNECTIONS("Connections outside the site network"),
        /** Whether the manufacturer makes the SBOM available: "available" or "not available". */
        SBOM("SBOM"),
        /** Whether the device supports anti-malware software: "supported" or "not supported". */
        ANTI_MALWARE("Anti-malware"),
        /** The controls the manufacturer documents for a device without anti-malware, as the form's note states them. */
        COMPENSATING_CONTROLS("Compensating controls (MDS2)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Returns the word stored in the database, such as "remote-service". */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /**
         * Returns the kind a word names.
         *
         * @throws IllegalArgumentException when no kind has the word
         */
        public static Kind fromWord(String word) {
            for (Kind kind : values()) {
                if (kind.word().equals(word)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("'" + word + "' is not a product security fact");
        }
    }

    /** Describes the fact in one line, such as "SBOM: available (SBOM-1, MDS2 EMS-900-MDS2-r3, accepted by jdoe on 2026-12-04)". */
    public String describe() {
        return kind.label() + ": " + value + " (" + questionIds + ", " + sourceRef + ", accepted by " + setBy + " on "
                + setAt.toLocalDate() + ")";
    }
}
