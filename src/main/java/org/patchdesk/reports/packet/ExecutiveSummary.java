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

/**
 * The executive summary of the packet, in plain sentences for clinical leadership, each built from
 * the site's metrics: what is at risk, what was done in the range, and what needs a decision.
 */
final class ExecutiveSummary {

    /** One part of the summary: its subheading and its sentences. */
    record Part(String title, List<String> sentences) {
    }

    private final MetricsReport report;

    ExecutiveSummary(MetricsReport report) {
        this.report = report;
    }

    List<Part> parts() {
        return List.of(new Part("What is at risk", atRisk()), new Part("What was done", done()),
                new Part("What needs decisions", decisions()));
    }

    private List<String> atRisk() {
        List<String> sentences = new ArrayList<>();
        long open = count(OPEN_FINDINGS);
        long overdue = count(OVERDUE_FINDINGS);
        sentences.add(String.format(Locale.US, "%s %s open on devices in service, and %s of them %s past the due date"
                        + " their priority sets.", findings(open), open == 1 ? "is" : "are", number(overdue), overdue == 1 ? "is" : "are"));
        long kev = count(KEV_DEVICES);
        sentences.add(String.format(Locale.US, "%s %s an open finding that attackers are known to exploit (listed in the CISA"
                + " KEV catalog).", devices(kev), kev == 1 ? "has" : "have"));
        long unpatchable = count(UNPATCHABLE);
        long uncontrolled = count(UNPATCHABLE_UNCONTROLLED);
        sentences.add(String.format(Locale.US, "%s cannot be patched, because patches are prohibited, none is available or the"
                        + " product is unsupported; %s of them %s no verified compensating control.", devices(unpatchable),
                number(uncontrolled), uncontrolled == 1 ? "has" : "have"));
        long unsupported = count(UNSUPPORTED_OS);
        long ending = count(OS_ENDING);
        sentences.add(String.format(Locale.US, "%s %s an operating system past its end of support, and %s more reach it within"
                + " 12 months.", devices(unsupported), unsupported == 1 ? "runs" : "run", number(ending)));
        return sentences;
    }

    private List<String> done() {
        List<String> sentences = new ArrayList<>();
        Metric patched = report.get(PATCHED_WITHIN_WINDOW);
        if (patched.value() == null) {
            sentences.add(String.format(Locale.US, "No device had a patch validated in this period whose %d-day window has closed,"
                    + " so the share patched on time cannot be measured.", report.patchWindowDays()));
        } else {
            sentences.add(String.format(Locale.US, "%s of %s that had a validated patch in this period (%.1f %%) installed every such"
                            + " patch within %d days of validation.", number(patched.numerator()), devices(patched.denominator()),
                    patched.value(), report.patchWindowDays()));
        }
        Metric closed = report.get(CLOSED_WITHIN_DUE);
        long controlled = count(CONTROLLED);
        if (closed.value() == null) {
            sentences.add(String.format(Locale.US, "No finding with a due date was closed in this period; %s %s controlled by a"
                    + " mitigation or a risk acceptance.", findings(controlled), controlled == 1 ? "was" : "were"));
        } else {
            sentences.add(String.format(Locale.US, "%s of %s closed in this period (%.1f %%) were closed by their due date, and %s"
                            + " more %s controlled by a mitigation or a risk acceptance.", number(closed.numerator()),
                    findings(closed.denominator()), closed.value(), number(controlled), controlled == 1 ? "was" : "were"));
        }
        Metric median = report.get(TIME_TO_PATCH_MEDIAN);
        Metric p90 = report.get(TIME_TO_PATCH_P90);
        if (median.value() == null) {
            sentences.add("No installation with a validation date was logged in this period, so time to patch cannot be measured.");
        } else {
            sentences.add(String.format(Locale.US, "Over %s, the median time from validation to installation was %s and 9 in 10 were"
                    + " installed within %s.", plural(median.denominator(), "installation"), median.display(), p90.display()));
        }
        return sentences;
    }

    private List<String> decisions() {
        List<String> sentences = new ArrayList<>();
        long immediate = count(OVERDUE_FINDINGS + "_immediate");
        long outOfCycle = count(OVERDUE_FINDINGS + "_out_of_cycle");
        sentences.add(String.format(Locale.US, "Past due and needing a patch window, a mitigation or a risk acceptance: %s with the"
                + " decision \"immediate\" and %s with \"out-of-cycle\".", findings(immediate), number(outOfCycle)));
        long uncontrolled = count(UNPATCHABLE_UNCONTROLLED);
        sentences.add(String.format(Locale.US, "%s that cannot be patched %s a verified compensating control or a decision to"
                + " replace %s.", devices(uncontrolled), uncontrolled == 1 ? "needs" : "need", uncontrolled == 1 ? "it" : "them"));
        long active = count(ACTIVE_ACCEPTANCES);
        long expiring = count(EXPIRING_ACCEPTANCES);
        sentences.add(String.format(Locale.US, "%s of %s %s within 30 days and must be renewed or closed.", number(expiring),
                plural(active, "active risk acceptance"), expiring == 1 ? "ends" : "end"));
        long requests = count(REQUESTS_OPEN);
        long late = count(REQUESTS_OVERDUE);
        sentences.add(String.format(Locale.US, "%s of %s to manufacturers %s past the follow-up date.", number(late),
                plural(requests, "open validation request"), late == 1 ? "is" : "are"));
        Metric complete = report.get(INVENTORY_COMPLETE);
        if (complete.value() != null && complete.numerator() < complete.denominator()) {
            sentences.add(String.format(Locale.US, "%s of %s devices in service (%.1f %%) lack network, software version or criticality data,"
                            + " which the figures above depend on.", number(complete.denominator() - complete.numerator()),
                    number(complete.denominator()), 100 - complete.value()));
        }
        return sentences;
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
