package org.patchdesk.reports.workbook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.patchdesk.planning.OsSupport;
import org.patchdesk.planning.OsSupportService;

/**
 * The end of support of a device's product and operating system, as the Inventory's Support Status
 * column states it: "OS past end of support 2020-01-14", "Product support ends within 12 months, on
 * 2027-03-31" or "OS supported until 2031-10-14", one part for each date recorded. A date is past
 * from the day after it, as on the end-of-support page.
 */
final class SupportStatus {

    /** The words of a part whose date has passed, which the control mapping filters the Inventory by. */
    static final String PAST = "past end of support";

    private final List<OsSupport> osEntries;
    private final Map<Long, LocalDate> productEnds;
    private final LocalDate today;
    private final Map<String, Optional<OsSupport>> byOsName = new HashMap<>();

    private SupportStatus(List<OsSupport> osEntries, Map<Long, LocalDate> productEnds, LocalDate today) {
        this.osEntries = osEntries;
        this.productEnds = productEnds;
        this.today = today;
    }

    /** Reads the products' end-of-support dates in the caller's transaction. */
    static SupportStatus load(Handle handle, List<OsSupport> osEntries, LocalDate today) {
        Map<Long, LocalDate> productEnds = new HashMap<>();
        handle.createQuery("SELECT product_id, end_of_support FROM product_support")
                .map((rs, ctx) -> productEnds.put(rs.getLong(1), rs.getObject(2, LocalDate.class)))
                .forEach(ignored -> { });
        return new SupportStatus(osEntries, productEnds, today);
    }

    /** Returns the status of a device's product and operating system, or null when no date is recorded for either. */
    String describe(String osName, Long productId) {
        List<String> parts = new ArrayList<>();
        LocalDate productEnd = productId == null ? null : productEnds.get(productId);
        if (productEnd != null) {
            parts.add(part("Product", productEnd));
        }
        os(osName).ifPresent(entry -> parts.add(part("OS", entry.endOfSupport())));
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** Returns whether the device's product or operating system is past its end of support. */
    boolean pastEnd(String osName, Long productId) {
        LocalDate productEnd = productId == null ? null : productEnds.get(productId);
        if (productEnd != null && today.isAfter(productEnd)) {
            return true;
        }
        return os(osName).map(entry -> entry.stateOn(today) == OsSupport.State.UNSUPPORTED).orElse(false);
    }

    private Optional<OsSupport> os(String osName) {
        if (osName == null) {
            return Optional.empty();
        }
        return byOsName.computeIfAbsent(osName, name -> OsSupportService.match(osEntries, name));
    }

    private String part(String subject, LocalDate end) {
        if (today.isAfter(end)) {
            return subject + " " + PAST + " " + end;
        }
        if (today.plusMonths(12).isAfter(end)) {
            return subject + " support ends within 12 months, on " + end;
        }
        return subject + " supported until " + end;
    }
}
