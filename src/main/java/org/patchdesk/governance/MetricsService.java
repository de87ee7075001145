package org.patchdesk.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.governance.MetricsData.DeviceFacts;
import org.patchdesk.governance.MetricsData.FindingFacts;
import org.patchdesk.governance.MetricsData.LogEntry;
import org.patchdesk.governance.MetricsData.RequestFacts;
import org.patchdesk.planning.OsSupport;
import org.patchdesk.planning.OsSupportService;
import org.patchdesk.planning.Patchability;
import org.patchdesk.planning.PatchabilityService;
import org.patchdesk.planning.ProductSupportService;
import org.patchdesk.risk.SettingDao;
import org.patchdesk.risk.SettingsService;
import org.patchdesk.users.Role;
import org.patchdesk.users.UserService;

/**
 * Computes the governance metrics for a date range, for the site or one department. The rules of
 * every metric (numerator, denominator, dates and exclusions) are in docs/metrics.md. Flow metrics
 * count what happened between the two dates. Point-in-time metrics describe the records as they
 * are on the day of the report, and the monthly snapshots keep them for later.
 */
public final class MetricsService {

    /** The key of the setting that stores the patch window length in days. */
    public static final String WINDOW_DAYS_KEY = "metrics.patch_window_days";
    public static final int DEFAULT_WINDOW_DAYS = 90;
    public static final int MAX_WINDOW_DAYS = 365;
    /** The days ahead in which an active risk acceptance counts as expiring. */
    public static final int EXPIRING_DAYS = 30;

    public static final String PATCHED_WITHIN_WINDOW = "devices_patched_within_window";
    public static final String CLOSED_WITHIN_DUE = "findings_closed_within_due_date";
    public static final String CONTROLLED = "findings_controlled";
    public static final String TIME_TO_PATCH_MEDIAN = "time_to_patch_median_days";
    public static final String TIME_TO_PATCH_P90 = "time_to_patch_p90_days";
    public static final String OPEN_FINDINGS = "open_findings";
    public static final String OVERDUE_FINDINGS = "overdue_findings";
    public static final String KEV_DEVICES = "devices_with_kev_findings";
    public static final String UNPATCHABLE = "unpatchable_devices";
    public static final String UNPATCHABLE_CONTROLLED = "unpatchable_devices_with_verified_controls";
    public static final String UNPATCHABLE_UNCONTROLLED = "unpatchable_devices_without_verified_controls";
    public static final String UNSUPPORTED_OS = "devices_unsupported_os";
    public static final String OS_ENDING = "devices_os_support_ending_12_months";
    public static final String UNSUPPORTED_PRODUCT = "devices_unsupported_product";
    public static final String PRODUCT_ENDING = "devices_product_support_ending_12_months";
    public static final String ACTIVE_ACCEPTANCES = "active_risk_acceptances";
    public static final String EXPIRING_ACCEPTANCES = "risk_acceptances_expiring_30_days";
    public static final String REQUESTS_OPEN = "vendor_requests_open";
    public static final String REQUESTS_OVERDUE = "vendor_requests_overdue";
    public static final String RESPONSE_MEDIAN = "vendor_response_median_days";
    public static final String INVENTORY_COMPLETE = "inventory_complete";
    public static final String INVENTORY_NETWORK = "inventory_network_data";
    public static final String INVENTORY_SOFTWARE = "inventory_software_version";
    public static final String INVENTORY_CRITICALITY = "inventory_criticality";

    /** The SSVC decisions in the order reports list them, by stored word, then findings without a decision. */
    static final Map<String, String> DECISIONS = decisions();

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final PatchabilityService patchability;
    private final OsSupportService osSupport;
    private final ProductSupportService productSupport;
    private final Clock clock;

    public MetricsService(Jdbi jdbi, AuditLog auditLog, PatchabilityService patchability, OsSupportService osSupport,
                          ProductSupportService productSupport, Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.patchability = patchability;
        this.osSupport = osSupport;
        this.productSupport = productSupport;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Returns the patch window length in days: the stored setting, else {@value #DEFAULT_WINDOW_DAYS}. */
    public int windowDays() {
        return jdbi.withHandle(handle -> parseWindowDays(handle.attach(SettingDao.class).all().get(WINDOW_DAYS_KEY)));
    }

    /**
     * Stores the patch window length with an audit entry of the old and new value. Once accounts
     * exist, only an administrator may.
     *
     * @throws IllegalArgumentException when the days are outside 1 to {@value #MAX_WINDOW_DAYS}
     * @throws IllegalStateException    when the actor is not an administrator
     */
    public void setWindowDays(int days, Actor actor) {
        checkWindowDays(days);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbi.useTransaction(handle -> {
            UserService.requireRole(handle, actor, Role.ADMINISTRATOR);
            SettingDao dao = handle.attach(SettingDao.class);
            String before = dao.all().get(WINDOW_DAYS_KEY);
            String after = Integer.toString(days);
            if (after.equals(before)) {
                return;
            }
            dao.put(WINDOW_DAYS_KEY, after, now, actor.name());
            Map<String, String> oldValues = new LinkedHashMap<>();
            oldValues.put(WINDOW_DAYS_KEY, before);
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.UPDATE, SettingsService.RECORD_TYPE,
                    null, "metrics settings", null, oldValues, Map.of(WINDOW_DAYS_KEY, after),
                    "Set the patch window of the metrics to " + days + " days"));
        });
    }

    /**
     * Checks the patch window length.
     *
     * @throws IllegalArgumentException when the days are outside 1 to {@value #MAX_WINDOW_DAYS}
     */
    public static void checkWindowDays(int days) {
        if (days < 1 || days > MAX_WINDOW_DAYS) {
            throw new IllegalArgumentException("The patch window is a number of days from 1 to " + MAX_WINDOW_DAYS + ", not " + days);
        }
    }

    /**
     * Returns why the actor may not change the patch window, or empty when they may: only an
     * administrator may once accounts exist, as {@link #setWindowDays} enforces.
     */
    public Optional<String> changeRejection(Actor actor) {
        return jdbi.withHandle(handle -> {
            try {
                UserService.requireRole(handle, actor, Role.ADMINISTRATOR);
                return Optional.empty();
            } catch (IllegalStateException e) {
                return Optional.of("Only an administrator can change the patch window of the metrics. " + e.getMessage());
            }
        });
    }

    /** Computes every metric for the query. */
    public MetricsReport compute(MetricsQuery query) {
        return new Calculation(load()).report(query);
    }

    /**
     * Computes every metric for the site (under the key "") and for each department with a device
     * in service, from one reading of the records.
     */
    public Map<String, MetricsReport> computeSiteAndDepartments(LocalDate from, LocalDate to) {
        Calculation calculation = new Calculation(load());
        Map<String, MetricsReport> reports = new LinkedHashMap<>();
        MetricsQuery site = new MetricsQuery(from, to, null);
        reports.put("", calculation.report(site));
        for (String department : calculation.inputs.data.departments()) {
            reports.put(department, calculation.report(site.forDepartment(department)));
        }
        return reports;
    }

    /** Returns the departments of the devices in service, sorted. */
    public List<String> departments() {
        return jdbi.inTransaction(handle -> MetricsData.load(handle, clock.getZone(), today()).departments());
    }

    /** The records and resolved states a calculation reads, loaded once. */
    private record Inputs(MetricsData data, LocalDate today, int windowDays, Map<Long, Patchability> patchability,
                          Map<Long, OsSupport.State> osStates, Map<Long, OsSupport.State> productStates) {
    }

    private Inputs load() {
        LocalDate today = today();
        ZoneId zone = clock.getZone();
        MetricsData data = jdbi.inTransaction(handle -> MetricsData.load(handle, zone, today));
        Map<Long, Patchability> resolved = new java.util.HashMap<>();
        patchability.resolveAll().forEach(device -> resolved.put(device.deviceId(), device.resolved().patchability()));
        Map<Long, OsSupport.State> os = new java.util.HashMap<>();
        osSupport.devicesNeedingAttention().forEach(device -> os.put(device.deviceId(), device.state()));
        Map<Long, OsSupport.State> products = new java.util.HashMap<>();
        productSupport.devicesNeedingAttention().forEach(device -> products.put(device.deviceId(), device.state()));
        return new Inputs(data, today, windowDays(), resolved, os, products);
    }

    /** The computation of the metrics of one query over loaded inputs. */
    private final class Calculation {

        private final Inputs inputs;

        Calculation(Inputs inputs) {
            this.inputs = inputs;
        }

        MetricsReport report(MetricsQuery query) {
            Predicate<Long> inScope = deviceId -> {
                DeviceFacts device = deviceId == null ? null : inputs.data.devicesById.get(deviceId);
                return device == null ? query.department() == null && deviceId == null : device.inDepartment(query.department());
            };
            List<DeviceFacts> inService = inputs.data.devices.stream()
                    .filter(device -> device.inService() && device.inDepartment(query.department())).toList();
            List<Metric> metrics = new ArrayList<>();
            metrics.add(patchedWithinWindow(query));
            metrics.addAll(findingsClosed(query));
            metrics.addAll(timeToPatch(query, inScope));
            metrics.addAll(openFindings(query));
            metrics.add(kevDevices(query));
            metrics.addAll(unpatchable(inService));
            metrics.addAll(support(inService));
            metrics.addAll(acceptances(query));
            metrics.addAll(vendorRequests(query));
            metrics.addAll(completeness(inService));
            return new MetricsReport(query, inputs.today, clock.instant(), inputs.windowDays, metrics);
        }

        /**
         * Counts the devices whose every decided patch obligation of the range was met. An
         * obligation is a patch validated for the device during the range: a validated request of
         * its product, or a log entry's own validation date. It is met by an installed entry within
         * the window. It is missed when installed later, or not installed once the window has
         * passed. It is pending while the window is still open, and dropped when the device was
         * retired before its window closed without installing it.
         */
        private Metric patchedWithinWindow(MetricsQuery query) {
            int window = inputs.windowDays;
            Map<Long, Boolean> devicesMet = new TreeMap<>();
            for (MetricsData.ValidatedRequest request : inputs.data.validatedRequests) {
                if (!query.contains(request.validatedOn())) {
                    continue;
                }
                for (DeviceFacts device : inputs.data.devices) {
                    if (device.productId() == null || device.productId() != request.productId() || !device.inDepartment(query.department())
                            || (device.retired() && (device.retiredOn() == null || !device.retiredOn().isAfter(request.validatedOn())))) {
                        continue;
                    }
                    LocalDate installed = firstInstall(device.id(), entry -> request.id() == orZero(entry.requestId()));
                    decide(devicesMet, device, request.validatedOn(), installed, window);
                }
            }
            Map<String, List<LogEntry>> ownValidations = inputs.data.logEntries.stream()
                    .filter(entry -> entry.requestId() == null && entry.deviceId() != null && query.contains(entry.validatedOn()))
                    .collect(Collectors.groupingBy(entry -> entry.deviceId() + "\n" + entry.update().strip().toLowerCase(java.util.Locale.ROOT)
                            + "\n" + entry.validatedOn(), LinkedHashMap::new, Collectors.toList()));
            for (List<LogEntry> entries : ownValidations.values()) {
                DeviceFacts device = inputs.data.devicesById.get(entries.get(0).deviceId());
                if (device == null || !device.inDepartment(query.department())) {
                    continue;
                }
                LocalDate installed = entries.stream().filter(LogEntry::installed).map(LogEntry::performedOn).min(LocalDate::compareTo)
                        .orElse(null);
                decide(devicesMet, device, entries.get(0).validatedOn(), installed, window);
            }
            long met = devicesMet.values().stream().filter(Boolean::booleanValue).count();
            return Metric.share(PATCHED_WITHIN_WINDOW, "Devices patched within " + window + " days of validation", met, devicesMet.size());
        }

        private void decide(Map<Long, Boolean> devicesMet, DeviceFacts device, LocalDate validatedOn, LocalDate installedOn, int window) {
            LocalDate deadline = validatedOn.plusDays(window);
            Boolean met;
            if (installedOn != null) {
                met = !installedOn.isAfter(deadline);
            } else if (device.retired() && (device.retiredOn() == null || !device.retiredOn().isAfter(deadline))) {
                met = null;
            } else if (inputs.today.isAfter(deadline)) {
                met = false;
            } else {
                met = null;
            }
            if (met != null) {
                devicesMet.merge(device.id(), met, Boolean::logicalAnd);
            }
        }

        private LocalDate firstInstall(long deviceId, Predicate<LogEntry> matches) {
            return inputs.data.logEntries.stream()
                    .filter(entry -> entry.deviceId() != null && entry.deviceId() == deviceId && entry.installed() && matches.test(entry))
                    .map(LogEntry::performedOn).min(LocalDate::compareTo).orElse(null);
        }

        private List<Metric> findingsClosed(MetricsQuery query) {
            long closed = 0;
            long onTime = 0;
            long controlled = 0;
            for (FindingFacts finding : inputs.data.findings) {
                DeviceFacts device = inputs.data.devicesById.get(finding.deviceId());
                if (device == null || !device.inDepartment(query.department()) || !query.contains(finding.statusChangedOn())) {
                    continue;
                }
                switch (finding.status()) {
                    case "patched", "not_affected", "withdrawn" -> {
                        if (finding.dueDate() != null) {
                            closed++;
                            if (!finding.statusChangedOn().isAfter(finding.dueDate())) {
                                onTime++;
                            }
                        }
                    }
                    case "mitigated", "risk_accepted" -> controlled++;
                    default -> {
                    }
                }
            }
            return List.of(Metric.share(CLOSED_WITHIN_DUE, "Findings closed within their due date", onTime, closed),
                    Metric.count(CONTROLLED, "Findings controlled (mitigated or risk accepted)", controlled));
        }

        private List<Metric> timeToPatch(MetricsQuery query, Predicate<Long> inScope) {
            List<Long> days = inputs.data.logEntries.stream()
                    .filter(entry -> entry.installed() && entry.validatedOn() != null && query.contains(entry.performedOn())
                            && inScope.test(entry.deviceId()))
                    .map(entry -> Math.max(0, ChronoUnit.DAYS.between(entry.validatedOn(), entry.performedOn())))
                    .sorted()
                    .toList();
            return List.of(Metric.days(TIME_TO_PATCH_MEDIAN, "Median time to patch (validation to installation)",
                            Percentiles.of(days, 50), days.size()),
                    Metric.days(TIME_TO_PATCH_P90, "90th percentile time to patch", Percentiles.of(days, 90), days.size()));
        }

        private List<Metric> openFindings(MetricsQuery query) {
            Map<String, Long> open = new LinkedHashMap<>();
            Map<String, Long> overdue = new LinkedHashMap<>();
            DECISIONS.keySet().forEach(word -> {
                open.put(word, 0L);
                overdue.put(word, 0L);
            });
            for (FindingFacts finding : openInService(query)) {
                String word = finding.decision() != null && DECISIONS.containsKey(finding.decision()) ? finding.decision() : "";
                open.merge(word, 1L, Long::sum);
                if (finding.dueDate() != null && finding.dueDate().isBefore(inputs.today)) {
                    overdue.merge(word, 1L, Long::sum);
                }
            }
            List<Metric> metrics = new ArrayList<>();
            metrics.add(Metric.count(OPEN_FINDINGS, "Open findings", open.values().stream().mapToLong(Long::longValue).sum()));
            open.forEach((word, count) -> metrics.add(Metric.count(OPEN_FINDINGS + "_" + keyPart(word),
                    "Open findings, " + DECISIONS.get(word), count)));
            metrics.add(Metric.count(OVERDUE_FINDINGS, "Overdue findings", overdue.values().stream().mapToLong(Long::longValue).sum()));
            overdue.forEach((word, count) -> metrics.add(Metric.count(OVERDUE_FINDINGS + "_" + keyPart(word),
                    "Overdue findings, " + DECISIONS.get(word), count)));
            return metrics;
        }

        private List<FindingFacts> openInService(MetricsQuery query) {
            return inputs.data.findings.stream()
                    .filter(finding -> "open".equals(finding.status()))
                    .filter(finding -> {
                        DeviceFacts device = inputs.data.devicesById.get(finding.deviceId());
                        return device != null && device.inService() && device.inDepartment(query.department());
                    })
                    .toList();
        }

        private Metric kevDevices(MetricsQuery query) {
            long devices = openInService(query).stream().filter(FindingFacts::kev).map(FindingFacts::deviceId).distinct().count();
            return Metric.count(KEV_DEVICES, "Devices with open KEV-listed findings", devices);
        }

        private List<Metric> unpatchable(List<DeviceFacts> inService) {
            long all = 0;
            long controlled = 0;
            for (DeviceFacts device : inService) {
                Patchability value = inputs.patchability.get(device.id());
                if (value == Patchability.PROHIBITED_OR_NONE || value == Patchability.UNSUPPORTED) {
                    all++;
                    if (inputs.data.devicesWithVerifiedControl.contains(device.id())) {
                        controlled++;
                    }
                }
            }
            return List.of(Metric.count(UNPATCHABLE, "Unpatchable devices", all),
                    Metric.count(UNPATCHABLE_CONTROLLED, "Unpatchable devices with verified compensating controls", controlled),
                    Metric.count(UNPATCHABLE_UNCONTROLLED, "Unpatchable devices without verified compensating controls", all - controlled));
        }

        private List<Metric> support(List<DeviceFacts> inService) {
            return List.of(
                    Metric.count(UNSUPPORTED_OS, "Devices on an unsupported operating system",
                            countState(inService, inputs.osStates, OsSupport.State.UNSUPPORTED)),
                    Metric.count(OS_ENDING, "Devices whose operating system becomes unsupported within 12 months",
                            countState(inService, inputs.osStates, OsSupport.State.ENDING)),
                    Metric.count(UNSUPPORTED_PRODUCT, "Devices of a product past its end of support",
                            countState(inService, inputs.productStates, OsSupport.State.UNSUPPORTED)),
                    Metric.count(PRODUCT_ENDING, "Devices of a product whose support ends within 12 months",
                            countState(inService, inputs.productStates, OsSupport.State.ENDING)));
        }

        private long countState(List<DeviceFacts> devices, Map<Long, OsSupport.State> states, OsSupport.State state) {
            return devices.stream().filter(device -> states.get(device.id()) == state).count();
        }

        private List<Metric> acceptances(MetricsQuery query) {
            LocalDate lastExpiring = inputs.today.plusDays(EXPIRING_DAYS);
            long active = 0;
            long expiring = 0;
            for (MetricsData.AcceptanceFacts acceptance : inputs.data.acceptances) {
                if (!"active".equals(acceptance.state()) || !touches(acceptance.deviceIds(), query.department())) {
                    continue;
                }
                active++;
                if (!acceptance.endDate().isAfter(lastExpiring)) {
                    expiring++;
                }
            }
            return List.of(Metric.count(ACTIVE_ACCEPTANCES, "Active risk acceptances", active),
                    Metric.count(EXPIRING_ACCEPTANCES, "Risk acceptances expiring within " + EXPIRING_DAYS + " days", expiring));
        }

        private boolean touches(Set<Long> deviceIds, String department) {
            if (department == null) {
                return true;
            }
            return deviceIds.stream().map(inputs.data.devicesById::get)
                    .anyMatch(device -> device != null && device.inDepartment(department));
        }

        private List<Metric> vendorRequests(MetricsQuery query) {
            Set<Long> products = query.department() == null ? null : inputs.data.devices.stream()
                    .filter(device -> device.inService() && device.inDepartment(query.department()) && device.productId() != null)
                    .map(DeviceFacts::productId).collect(Collectors.toSet());
            List<RequestFacts> requests = inputs.data.requests.stream()
                    .filter(request -> products == null || products.contains(request.productId())).toList();
            long open = requests.stream().filter(RequestFacts::open).count();
            long overdue = requests.stream()
                    .filter(request -> request.open() && request.followUpOn() != null && request.followUpOn().isBefore(inputs.today)).count();
            List<Metric> metrics = new ArrayList<>();
            metrics.add(Metric.count(REQUESTS_OPEN, "Vendor validation requests open", open));
            metrics.add(Metric.count(REQUESTS_OVERDUE, "Vendor validation requests with an overdue follow-up", overdue));
            Map<String, List<Long>> byVendor = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            List<Long> all = new ArrayList<>();
            for (RequestFacts request : requests) {
                if (query.contains(request.respondedOn())) {
                    long days = ChronoUnit.DAYS.between(request.requestedOn(), request.respondedOn());
                    all.add(days);
                    byVendor.computeIfAbsent(request.manufacturer(), key -> new ArrayList<>()).add(days);
                }
            }
            all.sort(null);
            metrics.add(Metric.days(RESPONSE_MEDIAN, "Median vendor response time", Percentiles.of(all, 50), all.size()));
            byVendor.forEach((vendor, days) -> {
                days.sort(null);
                metrics.add(Metric.days(RESPONSE_MEDIAN + "." + vendor, "Median vendor response time, " + vendor,
                        Percentiles.of(days, 50), days.size()));
            });
            return metrics;
        }

        private List<Metric> completeness(List<DeviceFacts> inService) {
            long network = inService.stream().filter(MetricsService::hasNetworkData).count();
            long software = inService.stream().filter(device -> device.softwareVersion() != null && !device.softwareVersion().isBlank())
                    .count();
            long criticality = inService.stream().filter(device -> device.criticality() != null).count();
            long complete = inService.stream().filter(device -> hasNetworkData(device) && device.softwareVersion() != null
                    && !device.softwareVersion().isBlank() && device.criticality() != null).count();
            long total = inService.size();
            return List.of(Metric.share(INVENTORY_COMPLETE, "Devices with network, software version and criticality data", complete, total),
                    Metric.share(INVENTORY_NETWORK, "Devices with network data", network, total),
                    Metric.share(INVENTORY_SOFTWARE, "Devices with a software version", software, total),
                    Metric.share(INVENTORY_CRITICALITY, "Devices with a clinical criticality (own or device type default)", criticality, total));
        }
    }

    private static boolean hasNetworkData(DeviceFacts device) {
        return "YES".equals(device.networked()) || "NO".equals(device.networked());
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static String keyPart(String decisionWord) {
        return decisionWord.isEmpty() ? "undecided" : decisionWord.replace('-', '_');
    }

    static int parseWindowDays(String stored) {
        if (stored == null) {
            return DEFAULT_WINDOW_DAYS;
        }
        try {
            int days = Integer.parseInt(stored.strip());
            return days >= 1 && days <= MAX_WINDOW_DAYS ? days : DEFAULT_WINDOW_DAYS;
        } catch (NumberFormatException e) {
            return DEFAULT_WINDOW_DAYS;
        }
    }

    private static Map<String, String> decisions() {
        Map<String, String> decisions = new LinkedHashMap<>();
        decisions.put("immediate", "immediate");
        decisions.put("out-of-cycle", "out-of-cycle");
        decisions.put("scheduled", "scheduled");
        decisions.put("defer", "defer");
        decisions.put("", "no decision");
        return decisions;
    }
}
