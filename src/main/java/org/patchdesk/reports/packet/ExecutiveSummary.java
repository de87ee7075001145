package org.patchdesk.reports.packet;

import static org.patchdesk.governance.MetricsService.ACTIVE_ACCEPTANCES;
import static org.patchdesk.governance.MetricsService.CLOSED_WITHIN_DUE;
import static org.patchdesk.governance.MetricsService.CONTROLLED;
import static org.patchdesk.governance.MetricsService.EXPIRING_ACCEPTANCES;
import static org.patchdesk.governance.MetricsService.INVENTORY_COMPLETE;
import static org.patchdesk.governance.MetricsService.KEV_DEVICES;
import static org.patchdesk.governance.MetricsService.OPEN_FINDINGS;
import static org.patchdesk.governance.MetricsService.OS_ENDING;
import static org.patchdesk.governance.MetricsService.OVERDUE_FINDINGS;
import static org.patchdesk.governance.MetricsService.PATCHED_WITHIN_WINDOW;
import static org.patchdesk.governance.MetricsService.REQUESTS_OPEN;
import static org.patchdesk.governance.MetricsService.REQUESTS_OVERDUE;
import static org.patchdesk.governance.MetricsService.TIME_TO_PATCH_MEDIAN;
import static org.patchdesk.governance.MetricsService.TIME_TO_PATCH_P90;
import static org.patchdesk.governance.MetricsService.UNPATCHABLE;
import static org.patchdesk.governance.MetricsService.UNPATCHABLE_UNCONTROLLED;
import static org.patchdesk.governance.MetricsService.UNSUPPORTED_OS;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.patchdesk.governance.Metric;
import org.patchdesk.governance.MetricsReport;
import org.patchdesk.intel.FeedKind;
import org.patchdesk.risk.FeedStatus;

/**
 * The executive summary of the packet, in plain sentences for clinical leadership, each built from
 * the site's metrics: what is at risk, with the age of the KEV and EPSS data behind it, what was
 * done in the range, and what needs a decision. Sentences read right for none, one and many.
 */
final class ExecutiveSummary {

    /** One part of the summary: its subheading and its sentences. */
    record Part(String title, List<String> sentences) {
    }

    private final MetricsReport report;
    private final List<FeedStatus> feeds;

    /** @param feeds the status of the vulnerability feeds; the summary states the KEV and EPSS ones */
    ExecutiveSummary(MetricsReport report, List<FeedStatus> feeds) {
        this.report = report;
        this.feeds = List.copyOf(feeds);
    }

    List<Part> parts() {
        return List.of(new Part("What is at risk", atRisk()), new Part("What was done", done()),
                new Part("What needs decisions", decisions()));
    }

    private List<String> atRisk() {
        List<String> sentences = new ArrayList<>();
        sentences.add(openFindings(count(OPEN_FINDINGS), count(OVERDUE_FINDINGS)));
        long kev = count(KEV_DEVICES);
        sentences.add(String.format(Locale.US, "%s %s an open finding that attackers are known to exploit (listed in the CISA"
                + " KEV catalog).", kev == 0 ? "No device" : devices(kev), kev > 1 ? "have" : "has"));
        sentences.add(unpatchable(count(UNPATCHABLE), count(UNPATCHABLE_UNCONTROLLED)));
        sentences.add(unsupportedOs(count(UNSUPPORTED_OS), count(OS_ENDING)));
        String feedAges = feedAges();
        if (feedAges != null) {
            sentences.add(feedAges);
        }
        return sentences;
    }

    private static String openFindings(long open, long overdue) {
        if (open == 0) {
            return "No finding is open on devices in service.";
        }
        String start = findings(open) + (open == 1 ? " is" : " are") + " open on devices in service, and ";
        if (overdue == 0) {
            return start + (open == 1 ? "it is not" : "none is") + " past the due date its priority sets.";
        }
        if (open == 1) {
            return start + "it is past the due date its priority sets.";
        }
        return start + number(overdue) + " of them " + (overdue == 1 ? "is" : "are") + " past the due date their priority sets.";
    }

    private static String unpatchable(long unpatchable, long uncontrolled) {
        if (unpatchable == 0) {
            return "Every device in service can be patched: none has patches prohibited, unavailable or unsupported.";
        }
        String start = devices(unpatchable) + " cannot be patched, because patches are prohibited, none is available or the"
                + " product is unsupported; ";
        if (uncontrolled == 0) {
            return start + (unpatchable == 1 ? "it has" : "each has") + " a verified compensating control.";
        }
        if (unpatchable == 1) {
            return start + "it has no verified compensating control.";
        }
        return start + number(uncontrolled) + " of them " + (uncontrolled == 1 ? "has" : "have") + " no verified compensating control.";
    }

    private static String unsupportedOs(long unsupported, long ending) {
        String start = unsupported == 0 ? "No device runs an operating system past its end of support"
                : devices(unsupported) + (unsupported == 1 ? " runs" : " run") + " an operating system past its end of support";
        if (ending == 0) {
            return start + (unsupported == 0 ? ", and none reaches it" : ", and no other reaches it") + " within 12 months.";
        }
        return start + (unsupported == 0 ? ", but " : ", and ") + number(ending) + (unsupported == 0 ? "" : " more")
                + (ending == 1 ? " reaches" : " reach") + " it within 12 months.";
    }

    /**
     * Returns a sentence on the age of the KEV and EPSS data the figures rest on, with the stale
     * threshold the site set for each, or null when no feed status was given.
     */
    private String feedAges() {
        List<String> parts = new ArrayList<>();
        for (FeedStatus status : feeds) {
            if (status.feed() != FeedKind.KEV && status.feed() != FeedKind.EPSS) {
                continue;
            }
            boolean kev = status.feed() == FeedKind.KEV;
            String name = kev ? "the CISA KEV catalog" : "the FIRST EPSS scores";
            if (!status.checked()) {
                parts.add(name + (kev ? " was never imported, so no finding is checked against it"
                        : " were never imported, so no finding has a score"));
            } else if (status.dataDate() == null) {
                parts.add(name + (kev ? " states no date, so it counts as stale" : " state no date, so they count as stale"));
            } else {
                String age = status.ageDays() == 1 ? "1 day" : String.format(Locale.US, "%,d days", status.ageDays());
                parts.add(String.format(Locale.US, "%s, dated %s, %s %s old: %s, as the site counts data older than %s as stale", name,
                        status.dataDate(), kev ? "is" : "are", age, status.stale() ? "STALE" : "current",
                        status.staleAfterDays() == 1 ? "1 day" : status.staleAfterDays() + " days"));
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        String joined = String.join("; ", parts);
        return "The KEV and EPSS figures depend on the feeds: " + joined + ".";
    }

    private List<String> done() {
        List<String> sentences = new ArrayList<>();
        sentences.add(patchedOnTime(report.get(PATCHED_WITHIN_WINDOW), report.patchWindowDays()));
        sentences.add(closedByDue(report.get(CLOSED_WITHIN_DUE), count(CONTROLLED)));
        sentences.add(timeToPatch(report.get(TIME_TO_PATCH_MEDIAN), report.get(TIME_TO_PATCH_P90)));
        return sentences;
    }

    private static String patchedOnTime(Metric patched, int windowDays) {
        if (patched.value() == null) {
            return String.format(Locale.US, "No device had a patch validated in this period whose %d-day window has closed,"
                    + " so the share patched on time cannot be measured.", windowDays);
        }
        if (patched.denominator() == 1) {
            return String.format(Locale.US, "The one device that had a validated patch in this period %s every such patch within %d"
                    + " days of validation.", patched.numerator() == 1 ? "installed" : "did not install", windowDays);
        }
        return String.format(Locale.US, "%s of %s that had a validated patch in this period (%.1f %%) installed every such patch"
                + " within %d days of validation.", patched.numerator() == 0 ? "None" : number(patched.numerator()),
                devices(patched.denominator()), patched.value(), windowDays);
    }

    private static String closedByDue(Metric closed, long controlled) {
        String control = controlled == 0 ? "no finding was" : findings(controlled) + (controlled == 1 ? " was" : " were");
        if (closed.value() == null) {
            return "No finding with a due date was closed in this period; " + control + " controlled by a mitigation or a risk"
                    + " acceptance.";
        }
        String start;
        if (closed.denominator() == 1) {
            start = "The one finding closed in this period " + (closed.numerator() == 1 ? "was" : "was not") + " closed by its due date";
        } else if (closed.numerator() == 0) {
            start = "None of the " + findings(closed.denominator()) + " closed in this period was closed by its due date";
        } else {
            start = String.format(Locale.US, "%s of %s closed in this period (%.1f %%) %s closed by %s due date", number(closed.numerator()),
                    findings(closed.denominator()), closed.value(), closed.numerator() == 1 ? "was" : "were",
                    closed.numerator() == 1 ? "its" : "their");
        }
        String more = controlled == 0 ? "no other finding was" : number(controlled) + (controlled == 1 ? " more was" : " more were");
        return start + ", and " + more + " controlled by a mitigation or a risk acceptance.";
    }

    private static String timeToPatch(Metric median, Metric p90) {
        if (median.value() == null) {
            return "No installation with a validation date was logged in this period, so time to patch cannot be measured.";
        }
        if (median.denominator() == 1) {
            return "The one installation with a validation date in this period took " + median.display() + " from validation to"
                    + " installation.";
        }
        return String.format(Locale.US, "Over %s, the median time from validation to installation was %s and 9 in 10 were"
                + " installed within %s.", plural(median.denominator(), "installation"), median.display(), p90.display());
    }

    private List<String> decisions() {
        List<String> sentences = new ArrayList<>();
        long immediate = count(OVERDUE_FINDINGS + "_immediate");
        long outOfCycle = count(OVERDUE_FINDINGS + "_out_of_cycle");
        if (immediate == 0 && outOfCycle == 0) {
            sentences.add("No finding with the decision \"immediate\" or \"out-of-cycle\" is past due.");
        } else {
            sentences.add(String.format(Locale.US, "Past due and needing a patch window, a mitigation or a risk acceptance: %s with the"
                    + " decision \"immediate\" and %s with \"out-of-cycle\".", findings(immediate), number(outOfCycle)));
        }
        long uncontrolled = count(UNPATCHABLE_UNCONTROLLED);
        if (uncontrolled == 0) {
            sentences.add("No device that cannot be patched waits for a verified compensating control or a decision to replace it.");
        } else {
            sentences.add(String.format(Locale.US, "%s that cannot be patched %s a verified compensating control or a decision to"
                    + " replace %s.", devices(uncontrolled), uncontrolled == 1 ? "needs" : "need", uncontrolled == 1 ? "it" : "them"));
        }
        sentences.add(expiringAcceptances(count(ACTIVE_ACCEPTANCES), count(EXPIRING_ACCEPTANCES)));
        sentences.add(lateRequests(count(REQUESTS_OPEN), count(REQUESTS_OVERDUE)));
        Metric complete = report.get(INVENTORY_COMPLETE);
        if (complete.value() != null && complete.numerator() < complete.denominator()) {
            long lacking = complete.denominator() - complete.numerator();
            sentences.add(String.format(Locale.US, "%s of %s in service (%.1f %%) %s network, software version or criticality data,"
                            + " which the figures above depend on.", number(lacking), devices(complete.denominator()), 100 - complete.value(),
                    lacking == 1 ? "lacks" : "lack"));
        }
        return sentences;
    }

    private static String expiringAcceptances(long active, long expiring) {
        if (active == 0) {
            return "No risk acceptance is active, so none must be renewed or closed within 30 days.";
        }
        if (active == 1) {
            return expiring == 1 ? "The one active risk acceptance ends within 30 days and must be renewed or closed."
                    : "The one active risk acceptance does not end within 30 days.";
        }
        if (expiring == 0) {
            return "None of the " + number(active) + " active risk acceptances ends within 30 days.";
        }
        return number(expiring) + " of the " + number(active) + " active risk acceptances " + (expiring == 1 ? "ends" : "end")
                + " within 30 days and must be renewed or closed.";
    }

    private static String lateRequests(long open, long late) {
        if (open == 0) {
            return "No validation request to a manufacturer is open.";
        }
        if (open == 1) {
            return "The one open validation request to a manufacturer " + (late == 1 ? "is" : "is not") + " past its follow-up date.";
        }
        if (late == 0) {
            return "None of the " + number(open) + " open validation requests to manufacturers is past its follow-up date.";
        }
        return number(late) + " of the " + number(open) + " open validation requests to manufacturers " + (late == 1 ? "is" : "are")
                + " past the follow-up date.";
    }

    private long count(String key) {
        Double value = report.get(key).value();
        return value == null ? 0 : Math.round(value);
    }

    private static String findings(long count) {
        return plural(count, "finding");
    }

    private static String devices(long count) {
        return plural(count, "device");
    }

    static String plural(long count, String noun) {
        return number(count) + " " + noun + (count == 1 ? "" : "s");
    }

    static String number(long count) {
        return String.format(Locale.US, "%,d", count);
    }
}
