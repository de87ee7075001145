package org.patchdesk.planning;

import java.time.LocalDate;

/**
 * A product's end of support as its manufacturer states it, with the optional end of sale and the
 * source of the dates. The product is named by manufacturer and model, such as "BD Alaris 8100".
 */
public record ProductSupport(long productId, String manufacturer, String model, LocalDate endOfSupport, LocalDate endOfSale,
                             String source) {

    public String label() {
        return manufacturer + " " + model;
    }

    /**
     * Returns the state on a day, with the same rule as an operating system's: unsupported after the
     * end date, ending within 12 months of it, else supported.
     */
    public OsSupport.State stateOn(LocalDate day) {
        if (day.isAfter(endOfSupport)) {
            return OsSupport.State.UNSUPPORTED;
        }
        return day.plusMonths(12).isAfter(endOfSupport) ? OsSupport.State.ENDING : OsSupport.State.SUPPORTED;
    }
}
