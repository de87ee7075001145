package org.patchdesk.vendors;

import java.util.EnumSet;
import java.util.Set;

/**
 * The choice of requests to list: of one manufacturer or all (null), of some statuses or all
 * (empty), only open ones, or only open ones whose follow-up date is before today.
 */
public record RequestFilter(Long manufacturerId, Set<RequestStatus> statuses, boolean openOnly, boolean overdueOnly) {

    public RequestFilter {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    public static RequestFilter all() {
        return new RequestFilter(null, Set.of(), false, false);
    }

    public RequestFilter withManufacturer(Long id) {
        return new RequestFilter(id, statuses, openOnly, overdueOnly);
    }

    public RequestFilter withStatuses(Set<RequestStatus> chosen) {
        return new RequestFilter(manufacturerId, chosen, openOnly, overdueOnly);
    }

    public RequestFilter withOpenOnly(boolean open) {
        return new RequestFilter(manufacturerId, statuses, open, overdueOnly);
    }

    public RequestFilter withOverdueOnly(boolean overdue) {
        return new RequestFilter(manufacturerId, statuses, openOnly, overdue);
    }
}
