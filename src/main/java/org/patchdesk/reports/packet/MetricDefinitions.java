package org.patchdesk.reports.packet;

import java.util.Map;

import org.patchdesk.governance.MetricsService;

/** The short form of each metric's definition, as docs/metrics.md defines it in full, for the packet's metrics table. */
final class MetricDefinitions {

    private static final Map<String, String> SHORT = Map.ofEntries(
            Map.entry(MetricsService.PATCHED_WITHIN_WINDOW, "Devices with a patch validated in the range whose every such patch was"
                    + " installed within the window of validation; pending and retired devices are left out."),
            Map.entry(MetricsService.CLOSED_WITHIN_DUE, "Findings patched, not affected or withdrawn in the range, with a due date,"
                    + " whose status changed by that date."),
            Map.entry(MetricsService.CONTROLLED, "Findings mitigated or risk accepted in the range, counted apart from closed ones."),
            Map.entry(MetricsService.TIME_TO_PATCH_MEDIAN, "Days from validation to installation over installations in the range."),
            Map.entry(MetricsService.TIME_TO_PATCH_P90, "The same days, 90th percentile."),
            Map.entry(MetricsService.KEV_DEVICES, "Devices in service with an open finding in the current KEV catalog."),
            Map.entry(MetricsService.UNPATCHABLE, "Devices in service whose patches are prohibited, unavailable or unsupported."),
            Map.entry(MetricsService.UNPATCHABLE_CONTROLLED, "Of those, covered by a compensating control verified today."),
            Map.entry(MetricsService.UNPATCHABLE_UNCONTROLLED, "Of those, without a verified compensating control."),
            Map.entry(MetricsService.UNSUPPORTED_OS, "Devices in service whose operating system is past its end of support."),
            Map.entry(MetricsService.OS_ENDING, "Devices in service whose operating system reaches end of support within 12 months."),
            Map.entry(MetricsService.UNSUPPORTED_PRODUCT, "Devices in service whose product is past its end of support."),
            Map.entry(MetricsService.PRODUCT_ENDING, "Devices in service whose product reaches end of support within 12 months."),
            Map.entry(MetricsService.ACTIVE_ACCEPTANCES, "Risk acceptances in the active state today."),
            Map.entry(MetricsService.EXPIRING_ACCEPTANCES, "Active risk acceptances ending within 30 days."),
            Map.entry(MetricsService.REQUESTS_OPEN, "Validation requests to manufacturers requested or acknowledged."),
            Map.entry(MetricsService.REQUESTS_OVERDUE, "Open requests past their follow-up date."),
            Map.entry(MetricsService.RESPONSE_MEDIAN, "Median days from request to response, for responses in the range."),
            Map.entry(MetricsService.INVENTORY_COMPLETE, "Devices in service with network, software version and criticality data."),
            Map.entry(MetricsService.INVENTORY_NETWORK, "Devices in service whose networked field is yes or no."),
            Map.entry(MetricsService.INVENTORY_SOFTWARE, "Devices in service with a software version."),
            Map.entry(MetricsService.INVENTORY_CRITICALITY, "Devices in service with their own or their type's criticality."));

    private MetricDefinitions() {
    }

    /** Returns the short definition of a metric key, including the per-decision and per-manufacturer keys. */
    static String of(String key) {
        String definition = SHORT.get(key);
        if (definition != null) {
            return definition;
        }
        if (key.equals(MetricsService.OPEN_FINDINGS) || key.startsWith(MetricsService.OPEN_FINDINGS + "_")) {
            return "Open findings on devices in service, by current SSVC decision.";
        }
        if (key.equals(MetricsService.OVERDUE_FINDINGS) || key.startsWith(MetricsService.OVERDUE_FINDINGS + "_")) {
            return "Open findings whose due date is before the report day.";
        }
        if (key.startsWith(MetricsService.RESPONSE_MEDIAN + ".")) {
            return "Median days from request to response for this manufacturer.";
        }
        return "";
    }
}
