package org.patchdesk.reports.department;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.patchdesk.acceptance.RiskLevel;
import org.patchdesk.risk.ssvc.Decision;
import org.patchdesk.users.Role;
import org.patchdesk.windows.Approval;
import org.patchdesk.windows.Decline;
import org.patchdesk.windows.WindowStatus;
import org.patchdesk.windows.WindowType;

/**
 * The facts the leadership of one department needs on a day: the patch windows of the coming
 * days, the open high-priority findings of its devices, and the decisions that wait for clinical
 * leadership. Lists are complete, and the printed page shortens them.
 *
 * @param department       the department as the inventory spells it
 * @param horizonDays      the number of days, today included, whose patch windows are listed
 * @param devicesInService the department's devices that are not retired
 * @param windows          the open windows that overlap the horizon and touch the department, earliest first
 * @param findings         the open findings with the decision immediate or out-of-cycle, KEV-listed first, then by priority
 * @param awaitingApproval the department's open windows, in the horizon or later, that wait for clinical approval, earliest first
 * @param acceptances      the submitted risk acceptances of the department's devices that still need a clinical leader's signature
 * @param supportEnding    what stops getting security updates within 12 months, soonest first
 * @param unsupported      the department's devices whose operating system or product is already past its end of support
 */
public record DepartmentSummary(String department, LocalDate today, int horizonDays, ZonedDateTime generatedAt, int devicesInService,
                                List<UpcomingWindow> windows, List<HighPriorityFinding> findings, List<UpcomingWindow> awaitingApproval,
                                List<PendingAcceptance> acceptances, List<SupportEnding> supportEnding, int unsupported) {

    public DepartmentSummary {
        Objects.requireNonNull(department, "department");
        windows = List.copyOf(windows);
        findings = List.copyOf(findings);
        awaitingApproval = List.copyOf(awaitingApproval);
        acceptances = List.copyOf(acceptances);
        supportEnding = List.copyOf(supportEnding);
    }

    /** Returns the last day of the horizon, {@code horizonDays - 1} days after today. */
    public LocalDate lastDay() {
        return today.plusDays(horizonDays - 1L);
    }

    /** Returns the number of department devices that the windows in the horizon take out of service, each counted once. */
    public int windowDevices() {
        return (int) windows.stream().flatMap(window -> window.devices().stream()).mapToLong(AffectedDevice::deviceId).distinct().count();
    }

    /** Returns the expected downtime of every department device in the horizon's windows, in minutes, counting known estimates only. */
    public int totalDowntimeMinutes() {
        return windows.stream().mapToInt(UpcomingWindow::totalDowntimeMinutes).sum();
    }

    public int immediateCount() {
        return (int) findings.stream().filter(finding -> finding.decision() == Decision.IMMEDIATE).count();
    }

    public int outOfCycleCount() {
        return (int) findings.stream().filter(finding -> finding.decision() == Decision.OUT_OF_CYCLE).count();
    }

    public int kevCount() {
        return (int) findings.stream().filter(HighPriorityFinding::kev).count();
    }

    public int overdueCount() {
        return (int) findings.stream().filter(finding -> finding.overdue(today)).count();
    }

    /** Returns the number of findings with nothing planned: no window, risk acceptance or compensating control. */
    public int unplannedCount() {
        return (int) findings.stream().filter(finding -> !finding.planned()).count();
    }

    /** Returns the number of devices the high-priority findings are on. */
    public int devicesWithFindings() {
        return (int) findings.stream().mapToLong(HighPriorityFinding::deviceId).distinct().count();
    }

    /** Groups the findings by device, in the order of each device's most urgent finding. */
    public List<DeviceFindings> byDevice() {
        Map<Long, List<HighPriorityFinding>> grouped = new LinkedHashMap<>();
        for (HighPriorityFinding finding : findings) {
            grouped.computeIfAbsent(finding.deviceId(), id -> new ArrayList<>()).add(finding);
        }
        return grouped.values().stream().map(DeviceFindings::new).toList();
    }

    /** Returns the number of decisions that wait for clinical leadership: window approvals, signatures and ending support. */
    public int decisionsNeeded() {
        return awaitingApproval.size() + acceptances.size() + supportEnding.size();
    }

    /**
     * A patch window that touches the department.
     *
     * @param department the department the window is planned for, which may differ from the summary's
     * @param devices    the window's devices that belong to the summary's department
     * @param allDevices the number of devices in the window, of every department
     */
    public record UpcomingWindow(long id, String title, ZonedDateTime start, ZonedDateTime end, String department, WindowType type,
                                 WindowStatus status, Approval approval, Decline decline, List<AffectedDevice> devices, int allDevices) {

        public UpcomingWindow {
            devices = List.copyOf(devices);
        }

        /** Returns the sum of the department devices' expected downtimes, in minutes; devices without an estimate add nothing. */
        public int totalDowntimeMinutes() {
            return devices.stream().map(AffectedDevice::downtimeMinutes).filter(Objects::nonNull).mapToInt(Integer::intValue).sum();
        }

        /** Returns the number of department devices without a downtime estimate. */
        public int devicesWithoutEstimate() {
            return (int) devices.stream().filter(device -> device.downtimeMinutes() == null).count();
        }
    }

    /** A department device in a window, with its expected downtime in minutes, or null when none was estimated. */
    public record AffectedDevice(long deviceId, String assetTag, String deviceType, Integer downtimeMinutes) {
    }

    /**
     * An open finding with a high-priority decision on a department device.
     *
     * @param problem      the vulnerability's title, such as "Use of Hard-coded Credentials", or null
     * @param exploitation the SSVC exploitation value: "none", "public poc" or "active"
     * @param plans        what is planned about it: a window, a risk acceptance, compensating controls; empty when nothing is
     */
    public record HighPriorityFinding(long findingId, long deviceId, String assetTag, String deviceType, String manufacturer,
                                      String model, String cveId, String problem, Decision decision, boolean kev, String exploitation,
                                      LocalDate dueDate, List<String> plans) {

        public HighPriorityFinding {
            plans = List.copyOf(plans);
        }

        public boolean overdue(LocalDate today) {
            return dueDate != null && dueDate.isBefore(today);
        }

        public boolean planned() {
            return !plans.isEmpty();
        }
    }

    /** The high-priority findings of one device, the most urgent first; never empty. */
    public record DeviceFindings(List<HighPriorityFinding> findings) {

        public DeviceFindings {
            if (findings.isEmpty()) {
                throw new IllegalArgumentException("A device's findings need at least one finding");
            }
            findings = List.copyOf(findings);
        }

        /** Returns the most urgent finding, which names the device. */
        public HighPriorityFinding first() {
            return findings.get(0);
        }

        public int kevCount() {
            return (int) findings.stream().filter(HighPriorityFinding::kev).count();
        }

        public int immediateCount() {
            return (int) findings.stream().filter(finding -> finding.decision() == Decision.IMMEDIATE).count();
        }

        /** Returns the earliest due date, or null when no finding has one. */
        public LocalDate earliestDue() {
            return findings.stream().map(HighPriorityFinding::dueDate).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        }

        /** Lists each plan once, in the order the findings name them. */
        public List<String> plans() {
            return findings.stream().flatMap(finding -> finding.plans().stream()).distinct().toList();
        }

        public int unplannedCount() {
            return (int) findings.stream().filter(finding -> !finding.planned()).count();
        }
    }

    /**
     * A submitted risk acceptance that waits for signatures, a clinical leader's among them.
     *
     * @param devices      the number of the department's devices in its scope
     * @param missingRoles every required role that no signature covers yet
     */
    public record PendingAcceptance(long id, String number, String title, RiskLevel level, LocalDate startDate, LocalDate endDate,
                                    Instant submittedAt, String submittedBy, int devices, List<Role> missingRoles) {

        public PendingAcceptance {
            missingRoles = List.copyOf(missingRoles);
        }
    }

    /**
     * An operating system or product whose end of support falls within 12 months, with the
     * department devices that run or are it.
     *
     * @param what "Windows 10 IoT Enterprise LTSC 2021" or "BD Alaris 8100"
     */
    public record SupportEnding(String what, LocalDate endOfSupport, List<String> assetTags) {

        public SupportEnding {
            assetTags = List.copyOf(assetTags);
        }
    }
}
