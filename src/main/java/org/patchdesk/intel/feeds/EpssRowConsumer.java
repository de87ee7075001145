package org.patchdesk.intel.feeds;

/** Receives the rows of an EPSS file in file order. */
@FunctionalInterface
public interface EpssRowConsumer {

    /**
     * Accepts one row.
     *
     * @param cveId the normalized CVE id
     * @param epss the probability, from 0 to 1, of exploitation activity in the next 30 days
     * @param percentile the share of scored CVEs with an equal or lower score, from 0 to 1, or null when the file has no
     *        percentile column
     */
    void accept(String cveId, double epss, Double percentile);
}
