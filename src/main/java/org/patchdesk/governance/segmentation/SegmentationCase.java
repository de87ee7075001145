package org.patchdesk.governance.segmentation;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.patchdesk.planning.Patchability;
import org.patchdesk.risk.ScoringSettings;
import org.patchdesk.risk.ssvc.Decision;
import org.patchdesk.risk.ssvc.SystemExposure;

/**
 * The investment case for segmenting a group of devices. It lists each open finding of the devices
 * with its SSVC decision now and with the target System Exposure, and the unpatchable devices that
 * the segmentation would give their first exposure-lowering control. Nothing in it is saved.
 *
 * @param devices             how many in-service devices the criteria cover
 * @param unpatchableDevices  how many of those devices are unpatchable (patches prohibited or none, or unsupported)
 * @param gainingControl      the unpatchable devices without a counted control that lowers exposure today
 * @param groupedBy           what {@code groups} is grouped by: "Department" or "Device type"
 */
public record SegmentationCase(SegmentationCriteria criteria, LocalDate date, ZonedDateTime computedAt, ScoringSettings settings,
                               int devices, int unpatchableDevices, List<FindingChange> findings, List<UnpatchableDevice> gainingControl,
                               String groupedBy, List<GroupRow> groups) {

    /** One open finding: its System Exposure and SSVC decision now and with the target exposure. */
    public record FindingChange(long findingId, long deviceId, String assetTag, String cveId, String group, boolean kev,
                                SystemExposure exposureBefore, String exposureReason, SystemExposure exposureAfter, Decision before,
                                Decision after) {

        /** Returns true when the target exposure is below the finding's exposure now. */
        public boolean lowered() {
            return exposureAfter != exposureBefore;
        }

        public boolean decisionChanges() {
            return after != before;
        }
    }

    /** An unpatchable device that the segmentation would give a control, with its patchability and the reason for it. */
    public record UnpatchableDevice(long deviceId, String assetTag, String department, String deviceType, String manufacturer,
                                    String model, Patchability patchability, String reason) {
    }

    /** The figures of one department or device type. */
    public record GroupRow(String name, int devices, int openFindings, int immediateBefore, int immediateAfter, int outOfCycleBefore,
                           int outOfCycleAfter) {
    }

    public SegmentationCase {
        findings = List.copyOf(findings);
        gainingControl = List.copyOf(gainingControl);
        groups = List.copyOf(groups);
    }

    public int openFindings() {
        return findings.size();
    }

    /** Returns the number of in-service devices covered that have at least one open finding. */
    public int devicesWithOpenFindings() {
        return distinctDevices(finding -> true);
    }

    /** Returns the number of findings whose System Exposure the segmentation lowers. */
    public int findingsLowered() {
        return (int) findings.stream().filter(FindingChange::lowered).count();
    }

    public int findingsChangingDecision() {
        return (int) findings.stream().filter(FindingChange::decisionChanges).count();
    }

    /** Returns the open findings by SSVC decision now, with every decision present. */
    public Map<Decision, Integer> before() {
        return byDecision(true);
    }

    /** Returns the open findings by SSVC decision with the target exposure, with every decision present. */
    public Map<Decision, Integer> after() {
        return byDecision(false);
    }

    /** Returns the number of findings that are immediate now and would no longer be. */
    public int leavingImmediate() {
        return leaving(Decision.IMMEDIATE);
    }

    /** Returns the number of findings that are out-of-cycle now and would become scheduled or defer. */
    public int leavingOutOfCycle() {
        return leaving(Decision.OUT_OF_CYCLE);
    }

    /** Returns the number of covered devices with an open finding whose CVE is in the CISA KEV catalog. */
    public int kevDevices() {
        return distinctDevices(FindingChange::kev);
    }

    /** Returns the number of covered devices with an open KEV-listed finding whose System Exposure the segmentation lowers. */
    public int kevDevicesLowered() {
        return distinctDevices(finding -> finding.kev() && finding.lowered());
    }

    /** Returns the question the case answers, in plain words. */
    public String question() {
        return "The question: if the " + count(devices, "device", "devices") + " with "
                + criteria.describeDevices() + " were moved to a segmented network where their SSVC System Exposure"
                + " is " + criteria.target().word() + ", how urgent would their open vulnerabilities be?";
    }

    /** Returns the answer in two or three plain sentences, leading with the findings that leave the urgent decisions. */
    public String answer() {
        if (openFindings() == 0) {
            return "The answer: these devices have no open findings today, so no patching decision changes.";
        }
        StringBuilder text = new StringBuilder("The answer: ");
        text.append(urgentChange()).append(' ');
        int loweredCount = findingsLowered();
        String lowered = "The segmentation lowers the System Exposure of " + (loweredCount < openFindings()
                ? number(loweredCount) + " of the " + count(openFindings(), "open finding", "open findings")
                : openFindings() == 1 ? "the open finding" : "all " + count(openFindings(), "open finding", "open findings"));
        if (loweredCount == 0) {
            text.append(openFindings() == 1 ? "Its" : "Their").append(" exposure is already ")
                    .append(criteria.target() == SystemExposure.SMALL ? "small" : "controlled or small")
                    .append(", so the segmentation changes no decision.");
        } else if (findingsChangingDecision() == 0) {
            text.append(lowered).append(loweredCount == 1 ? ", but the SSVC table gives it the same decision"
                    : ", but the SSVC table gives none of them another decision").append(": exploitation, automatable and human"
                    + " impact keep the same decision at the lower exposure.");
        } else {
            text.append(lowered).append(" and so changes the decision of ")
                    .append(count(findingsChangingDecision(), "finding", "findings")).append('.');
        }
        if (!gainingControl.isEmpty()) {
            text.append(" It would also be the first exposure-lowering control for ")
                    .append(count(gainingControl.size(), "device", "devices"))
                    .append(" that cannot be patched.");
        }
        return text.toString();
    }

    /** The label of the figure on unpatchable devices, after which the printed case names the devices. */
    public static final String UNPATCHABLE_FIGURE = "Unpatchable devices";

    /** One line of the case's figures, such as "KEV-exposed devices" and its sentence. */
    public record Figure(String label, String text) {
    }

    /**
     * Returns the sentence on the findings that leave the immediate and out-of-cycle decisions,
     * naming only the moves that happen and saying so when no finding is urgent today.
     */
    String urgentChange() {
        int urgentNow = before().get(Decision.IMMEDIATE) + before().get(Decision.OUT_OF_CYCLE);
        int immediate = leavingImmediate();
        int outOfCycle = leavingOutOfCycle();
        if (urgentNow == 0) {
            return "none of the open findings is immediate or out-of-cycle today, so none can become less urgent.";
        }
        if (immediate == 0 && outOfCycle == 0) {
            return urgentNow == 1 ? "the one immediate or out-of-cycle finding keeps its decision."
                    : "all " + number(urgentNow) + " immediate or out-of-cycle findings keep their decisions.";
        }
        List<String> moves = new ArrayList<>();
        if (immediate > 0) {
            moves.add(count(immediate, "finding", "findings") + " would no longer need immediate patching");
        }
        if (outOfCycle > 0) {
            moves.add(count(outOfCycle, "finding", "findings") + " would move from out-of-cycle to the scheduled patch cycle or later");
        }
        return String.join(", and ", moves) + ".";
    }

    /** Returns the figures of the case as label and sentence, for the dialog and the printed case. */
    public List<Figure> figures() {
        List<Figure> lines = new ArrayList<>();
        int withFindings = devicesWithOpenFindings();
        lines.add(new Figure("Devices covered", number(devices) + (devices == 0 ? "" : withFindings == 0 ? ", none with an open finding"
                : ", of which " + number(withFindings) + (withFindings == 1 ? " has " : " have ")
                + count(openFindings(), "open finding", "open findings"))));
        lines.add(new Figure("Urgent findings", urgentFigure()));
        lines.add(new Figure("KEV-exposed devices", kevFigure()));
        int unpatchable = unpatchableDevices;
        int gaining = gainingControl.size();
        lines.add(new Figure(UNPATCHABLE_FIGURE, unpatchable == 0 ? "none covered"
                : number(unpatchable) + " covered; " + (gaining == 0 ? "none would gain its first exposure-lowering control"
                : (gaining == unpatchable && gaining > 1 ? "all " : "") + number(gaining)
                + (gaining == 1 ? " would gain its" : " would gain their") + " first exposure-lowering control")));
        return lines;
    }

    private String urgentFigure() {
        int immediate = leavingImmediate();
        int outOfCycle = leavingOutOfCycle();
        if (immediate == 0 && outOfCycle == 0) {
            return before().get(Decision.IMMEDIATE) + before().get(Decision.OUT_OF_CYCLE) == 0 ? "none today"
                    : "none leaves immediate or out-of-cycle";
        }
        return number(immediate) + (immediate == 1 ? " leaves" : " leave") + " immediate; " + number(outOfCycle)
                + (outOfCycle == 1 ? " leaves" : " leave") + " out-of-cycle";
    }

    private String kevFigure() {
        int kev = kevDevices();
        int lowered = kevDevicesLowered();
        if (kev == 0) {
            return "no covered device has an open vulnerability in the CISA KEV catalog";
        }
        String exposed = count(kev, "covered device has", "covered devices have") + " an open vulnerability in the CISA KEV catalog; ";
        if (lowered == 0) {
            return exposed + "the segmentation does not lower " + (kev == 1 ? "its exposure" : "the exposure of any of them");
        }
        if (lowered == kev) {
            return exposed + "the segmentation lowers " + (kev == 1 ? "its exposure" : kev == 2 ? "the exposure of both"
                    : "the exposure of all of them");
        }
        return exposed + "the segmentation lowers the exposure of " + number(lowered) + " of them";
    }

    /** Returns what the figures assume, one plain sentence each, for the dialog and the printed case. */
    public List<String> assumptions() {
        String target = criteria.target().word();
        List<String> lines = new ArrayList<>();
        lines.add("Devices: the " + count(devices, "in-service device", "in-service devices") + " with " + criteria.describeDevices()
                + "; retired devices are left out.");
        lines.add("Target: System Exposure " + target + " for each open finding whose exposure is higher now. Exposure now is the"
                + " finding's own setting, else the device's, lowered from open to controlled by a verified control.");
        lines.add("Unchanged: exploitation (CISA KEV, user marks, CVSS threat metrics), automatable and human impact, as recorded today.");
        lines.add("Scoring: CERT/CC SSVC deployer table (patch application priority 1.0.0); due in "
                + settings.dueDays(Decision.IMMEDIATE) + " days when immediate, " + settings.dueDays(Decision.OUT_OF_CYCLE)
                + " out-of-cycle, " + settings.dueDays(Decision.SCHEDULED) + " scheduled, " + settings.dueDays(Decision.DEFER)
                + " defer (site settings).");
        lines.add("Unpatchable: patchability \"" + Patchability.PROHIBITED_OR_NONE.label() + "\" or \"" + Patchability.UNSUPPORTED.label()
                + "\"; a device gains a control when no verified exposure-lowering control covers it today.");
        lines.add("Computed on " + date + " from the records as they are; nothing was saved.");
        return lines;
    }

    private Map<Decision, Integer> byDecision(boolean now) {
        Map<Decision, Integer> counts = new EnumMap<>(Decision.class);
        for (Decision decision : Decision.values()) {
            counts.put(decision, 0);
        }
        for (FindingChange finding : findings) {
            counts.merge(now ? finding.before() : finding.after(), 1, Integer::sum);
        }
        return counts;
    }

    private int leaving(Decision decision) {
        return (int) findings.stream().filter(finding -> finding.before() == decision && finding.after() != decision).count();
    }

    private int distinctDevices(Predicate<FindingChange> filter) {
        Set<Long> ids = findings.stream().filter(filter).map(FindingChange::deviceId).collect(Collectors.toSet());
        return ids.size();
    }

    /** Returns the title of the case, such as "Segmenting department ICU to controlled exposure". */
    public String title() {
        return "Segmenting " + criteria.describeDevices() + " to " + criteria.target().word() + " exposure";
    }

    private static String number(int value) {
        return String.format(Locale.US, "%,d", value);
    }

    /** Formats a count with its noun, such as "1 finding" or "12 findings". */
    public static String count(int value, String singular, String plural) {
        return String.format(Locale.US, "%,d %s", value, value == 1 ? singular : plural);
    }
}
