package org.patchdesk.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.patchdesk.controls.CoveringControl;
import org.patchdesk.intel.CvssScoreRow;
import org.patchdesk.intel.EpssStore;
import org.patchdesk.intel.FeedImport;
import org.patchdesk.intel.FeedImportDao;
import org.patchdesk.intel.KevDao;
import org.patchdesk.intel.OperatingSystems;
import org.patchdesk.intel.Remediation;
import org.patchdesk.intel.Statement;
import org.patchdesk.intel.StatementDao;
import org.patchdesk.intel.Vulnerability;
import org.patchdesk.intel.VulnerabilityDao;
import org.patchdesk.intel.cvss.CvssVector;
import org.patchdesk.inventory.Assessed;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.risk.ssvc.Automatable;
import org.patchdesk.risk.ssvc.SsvcTables;
import org.patchdesk.risk.ssvc.SystemExposure;

/**
 * Explains one finding: the device and why the vulnerability applies to it, every CVSS vector, the
 * EPSS score and its change, the KEV entry, each SSVC decision point with the reason for its value
 * and the table rows used, the priority's terms, and the due dates. The values are computed again
 * from the same inputs as the stored score, so the explanation and the worklist agree.
 */
final class Explainer {

    private final SsvcTables tables;

    Explainer(SsvcTables tables) {
        this.tables = tables;
    }

    Explanation explain(Handle handle, Finding finding, ScoringSettings settings, LocalDate today) {
        Rescorer.Context context = Rescorer.loadContext(handle, Rescorer.Target.finding(finding.id()));
        Device device = context.devices.get(finding.deviceId());
        ScoreInput input = Rescorer.input(context, finding.id(), finding.cveId(), device,
                finding.exposureOverride() == null ? null : SystemExposure.fromWord(finding.exposureOverride()),
                finding.automatableOverride() == null ? null : Automatable.fromWord(finding.automatableOverride()),
                finding.clockStartedOn(), finding.decisionRank());
        ScoreResult result = new Scorer(tables, settings, today).score(input);
        VulnerabilityDao vulnerabilities = handle.attach(VulnerabilityDao.class);
        Optional<Vulnerability> vulnerability = vulnerabilities.find(finding.cveId());
        FeedImportDao imports = handle.attach(FeedImportDao.class);

        List<Explanation.Section> sections = new ArrayList<>();
        sections.add(findingSection(finding, device, vulnerability, today));
        sections.add(cvssSection(vulnerabilities.scores(finding.cveId()), input.cvss()));
        sections.add(epssSection(handle, imports, finding.cveId(), input));
        sections.add(kevSection(imports, input.kev(), context.kevChecked));
        sections.add(ssvcSection(input, result, device));
        sections.add(controlsSection(result));
        sections.add(prioritySection(result, settings));
        sections.add(dueSection(finding, result, settings, today));
        Set<String> sources = sourcesNaming(handle, finding.cveId(), device);
        List<Remediation> remediations = vulnerabilities.remediations(finding.cveId());
        List<Explanation.Item> items = new ArrayList<>();
        int elsewhere = 0;
        for (Remediation remediation : remediations) {
            if (!sources.contains(remediation.sourceKind() + "\u0000" + remediation.sourceRef())) {
                elsewhere++;
                continue;
            }
            String details = remediation.details() == null ? "" : remediation.details();
            String value = remediation.url() == null || details.contains(remediation.url()) ? details : details + " " + remediation.url();
            items.add(new Explanation.Item(remediation.category() == null ? "remediation" : remediation.category().replace('_', ' '),
                    value.strip(), sourceOf(remediation.sourceKind(), remediation.sourceRef())
                            + (remediation.products() == null || remediation.products().isBlank() ? ""
                            : ", for " + remediation.products())));
        }
        if (elsewhere > 0) {
            items.add(new Explanation.Item("Other remediations", elsewhere + " from sources about other products are not shown", ""));
        }
        if (!items.isEmpty()) {
            sections.add(new Explanation.Section("Remediations", items));
        }
        String title = device.assetTag() + " / " + finding.cveId() + ": " + result.decision().word() + ", priority "
                + format(result.priority()) + ", due " + result.dueDate();
        return new Explanation(title, sections);
    }

    /**
     * Returns the sources (kind and reference) whose statements about the CVE reach the device:
     * through an applying match to its product, or an accepted match to its operating system.
     */
    private static Set<String> sourcesNaming(Handle handle, String cveId, Device device) {
        Long productId = handle.createQuery("SELECT product_id FROM device WHERE id = :id").bind("id", device.id())
                .mapTo(Long.class).findOne().orElse(null);
        Set<String> matchedNames = new HashSet<>();
        if (productId != null) {
            handle.createQuery("SELECT vendor_key, product_key FROM product_match WHERE product_id = :product"
                            + " AND decision IN ('auto', 'accepted')")
                    .bind("product", productId)
                    .map((rs, ctx) -> rs.getString(1) + "\u0000" + rs.getString(2))
                    .forEach(matchedNames::add);
        }
        String osName = device.values().text(DeviceField.OS_NAME);
        Set<OperatingSystems.Family> families = new HashSet<>();
        if (osName != null) {
            handle.createQuery("SELECT family FROM os_match WHERE os_key = :os AND decision = 'accepted'")
                    .bind("os", OperatingSystems.osKey(osName))
                    .mapTo(String.class)
                    .forEach(family -> families.add(OperatingSystems.Family.valueOf(family)));
        }
        Set<String> sources = new HashSet<>();
        for (Statement statement : handle.attach(StatementDao.class).listForCve(cveId)) {
            boolean byProduct = matchedNames.contains(statement.vendorKey() + "\u0000" + statement.productKey());
            boolean byOs = OperatingSystems.familyOfStatement(statement.vendorKey(), statement.productKey())
                    .map(families::contains).orElse(false);
            if (byProduct || byOs) {
                sources.add(statement.sourceKind() + "\u0000" + statement.sourceRef());
            }
        }
        return sources;
    }

    private static Explanation.Section findingSection(Finding finding, Device device, Optional<Vulnerability> vulnerability,
                                                      LocalDate today) {
        List<Explanation.Item> items = new ArrayList<>();
        items.add(new Explanation.Item("Device", device.assetTag() + ", " + text(device, DeviceField.MANUFACTURER) + " "
                + text(device, DeviceField.MODEL) + ", software version " + orNone(device.values().text(DeviceField.SOFTWARE_VERSION))
                + ", department " + orNone(device.values().text(DeviceField.DEPARTMENT)), "inventory"));
        vulnerability.ifPresent(v -> items.add(new Explanation.Item("Vulnerability", finding.cveId()
                + (v.title() == null ? "" : ": " + v.title()) + (v.cwes() == null ? "" : " (" + v.cwes() + ")"), "")));
        items.add(new Explanation.Item("Applies because", finding.basis() == null ? "" : finding.basis(),
                ReviewFlag.fromStored(finding.review()) == ReviewFlag.VERSION
                        ? "version needs review: a person must confirm the device is affected" : ""));
        String status = finding.statusValue().word() + (finding.statusNote() == null ? "" : " - " + finding.statusNote());
        items.add(new Explanation.Item("Status", status, finding.statusChangedBy() == null ? ""
                : "set by " + finding.statusChangedBy() + " on " + finding.statusChangedAt().toLocalDate()));
        items.add(new Explanation.Item("First found", finding.firstFoundAt().toLocalDate().toString(), ""));
        return new Explanation.Section("Finding", items);
    }

    private static Explanation.Section cvssSection(List<CvssScoreRow> rows, CvssChoice chosen) {
        List<Explanation.Item> items = new ArrayList<>();
        if (rows.isEmpty()) {
            items.add(new Explanation.Item("CVSS", "no source gives a CVSS vector for this CVE", ""));
        }
        for (CvssScoreRow row : rows) {
            StringBuilder value = new StringBuilder(row.vector());
            if (row.computedScore() != null) {
                value.append("; computed ").append(row.computedScore());
            }
            if (row.publishedScore() != null) {
                value.append("; published ").append(row.publishedScore());
            }
            if (row.score() != null) {
                value.append(" (").append(CvssVector.severity(row.score().doubleValue())).append(")");
            } else {
                value.append("; no published score, and PatchDesk computes CVSS 3.x scores only");
            }
            if (row.disagrees()) {
                value.append("; the published score disagrees with the vector, so the computed score is used");
            }
            boolean isChosen = chosen != null && chosen.vector().equals(row.vector()) && chosen.source().equals(CvssChoices.sourceLabel(row));
            if (isChosen) {
                value.append("; shown, as the newest CVSS version present with a score");
            }
            items.add(new Explanation.Item("CVSS " + row.version(), value.toString(), CvssChoices.sourceLabel(row)));
        }
        return new Explanation.Section("CVSS", items);
    }

    private static Explanation.Section epssSection(Handle handle, FeedImportDao imports, String cveId, ScoreInput input) {
        List<Explanation.Item> items = new ArrayList<>();
        EpssStore.Tables tables = EpssStore.tables(handle);
        if (tables.currentImportId() == null) {
            items.add(new Explanation.Item("EPSS", "not checked: no EPSS file has been imported", ""));
            return new Explanation.Section("EPSS", items);
        }
        String source = imports.findById(tables.currentImportId()).map(Explainer::describe).orElse("");
        if (input.epss() == null) {
            items.add(new Explanation.Item("EPSS", "the EPSS file has no score for " + cveId, source));
        } else {
            items.add(new Explanation.Item("EPSS probability", format4(input.epss()), source));
            items.add(new Explanation.Item("EPSS percentile", input.epssPercentile() == null ? "not given"
                    : format4(input.epssPercentile()), source));
        }
        if (tables.previousImportId() != null) {
            Optional<Double> previous = handle.createQuery("SELECT epss FROM " + tables.previous() + " WHERE cve_id = :cve")
                    .bind("cve", cveId).mapTo(Double.class).findOne();
            String previousSource = imports.findById(tables.previousImportId()).map(Explainer::describe).orElse("");
            String value = previous.map(Explainer::format4).orElse("no score");
            if (previous.isPresent() && input.epss() != null) {
                double change = input.epss() - previous.get();
                value += String.format(Locale.US, " (change %+.4f)", change);
            }
            items.add(new Explanation.Item("Previous EPSS probability", value, previousSource));
        }
        return new Explanation.Section("EPSS", items);
    }

    private static Explanation.Section kevSection(FeedImportDao imports, KevDao.KevRow kev, boolean checked) {
        List<Explanation.Item> items = new ArrayList<>();
        Optional<FeedImport> latest = imports.latest("kev");
        String source = latest.map(Explainer::describe).orElse("");
        if (!checked) {
            items.add(new Explanation.Item("KEV", "not checked: no KEV catalog has been imported", ""));
        } else if (kev == null) {
            items.add(new Explanation.Item("KEV", "not listed", source));
        } else {
            items.add(new Explanation.Item("KEV", "listed since " + kev.dateAdded() + (kev.knownRansomware() ? "; known ransomware use" : ""),
                    source));
            if (kev.dueDate() != null) {
                items.add(new Explanation.Item("KEV due date", kev.dueDate().toString(), "the catalog's due date for US federal agencies"));
            }
            if (kev.requiredAction() != null) {
                items.add(new Explanation.Item("Required action", kev.requiredAction(), ""));
            }
        }
        return new Explanation.Section("CISA KEV", items);
    }

    private Explanation.Section ssvcSection(ScoreInput input, ScoreResult result, Device device) {
        List<Explanation.Item> items = new ArrayList<>();
        items.add(new Explanation.Item("Exploitation", result.exploitation().word(), result.exploitationReason()));
        items.add(new Explanation.Item("System Exposure", result.exposure().word(), result.exposureReason()));
        items.add(new Explanation.Item("Automatable", result.automatable().word(), result.automatableReason()));
        Assessed<?> criticality = device.criticality();
        items.add(new Explanation.Item("Safety Impact", result.safetyImpact().word(), "clinical criticality "
                + criticality.value().label() + " (" + criticality.source() + ")"));
        Assessed<?> mission = device.missionImpact();
        items.add(new Explanation.Item("Mission Impact", result.missionImpact().word(), mission.source()));
        items.add(new Explanation.Item("Human Impact", result.humanImpact().word(), "SSVC human impact 1.0.0 table row " + result.humanImpactRow()
                + ": safety impact " + result.safetyImpact().word() + ", mission impact " + result.missionImpact().word()));
        items.add(new Explanation.Item("Decision", result.decision().word(), "deployer table row " + result.decisionRow()
                + ": " + result.exploitation().word() + ", " + result.exposure().word() + ", " + result.automatable().word() + ", "
                + result.humanImpact().word() + " (CERT/CC SSVC patch application priority 1.0.0)"));
        return new Explanation.Section("SSVC deployer decision", items);
    }

    /** Names each compensating control that covers the finding, with its type, dates and what it did to the score. */
    private static Explanation.Section controlsSection(ScoreResult result) {
        List<Explanation.Item> items = new ArrayList<>();
        if (result.controlEffects().isEmpty()) {
            items.add(new Explanation.Item("Compensating controls", "none cover this device or finding", ""));
        }
        for (ControlEffect effect : result.controlEffects()) {
            CoveringControl control = effect.control();
            String verified = control.verifiedOn() == null ? "never verified"
                    : "verified " + control.verifiedOn() + ", next verification " + control.nextVerificationOn();
            items.add(new Explanation.Item(control.title(), control.typeName() + "; covers " + (control.coversDevice() ? "the device"
                    : "this finding") + "; " + verified, effect.effect()));
        }
        return new Explanation.Section("Compensating controls", items);
    }

    private static Explanation.Section prioritySection(ScoreResult result, ScoringSettings settings) {
        List<Explanation.Item> items = new ArrayList<>();
        for (PriorityTerm term : PriorityTerm.values()) {
            items.add(new Explanation.Item(term.factor(), format(result.terms().get(term)), "factor " + format4(result.factors().get(term))
                    + " x weight " + format(settings.weight(term))));
        }
        items.add(new Explanation.Item("Priority", format(result.priority()), "the sum of the terms; it orders findings within a decision"));
        return new Explanation.Section("Priority", items);
    }

    private static Explanation.Section dueSection(Finding finding, ScoreResult result, ScoringSettings settings, LocalDate today) {
        List<Explanation.Item> items = new ArrayList<>();
        items.add(new Explanation.Item("Clock started", result.clockStartedOn().toString(),
                result.clockRestarted() ? "restarted today because the decision became more urgent"
                        : result.clockStartedOn().equals(finding.firstFoundAt().toLocalDate()) ? "when the finding was first found"
                        : "when the decision last became more urgent, or the finding was reopened"));
        items.add(new Explanation.Item("Due date", result.dueDate().toString(), settings.dueDays(result.decision()) + " days for "
                + result.decision().word() + " (setting " + ScoringSettings.DUE_PREFIX + result.decision().word() + ")"));
        if (finding.statusValue() == FindingStatus.OPEN && result.dueDate().isBefore(today)) {
            items.add(new Explanation.Item("Overdue", "yes, by " + (today.toEpochDay() - result.dueDate().toEpochDay()) + " days", ""));
        }
        if (result.kevDueDate() != null) {
            items.add(new Explanation.Item("KEV due date", result.kevDueDate().toString(), "CISA KEV catalog"));
        }
        return new Explanation.Section("Due dates", items);
    }

    private static String describe(FeedImport feedImport) {
        StringBuilder text = new StringBuilder(feedImport.feed().title());
        if (feedImport.feedVersion() != null) {
            text.append(" ").append(feedImport.feedVersion());
        }
        if (feedImport.feedDate() != null) {
            text.append(" dated ").append(feedImport.feedDate());
        }
        if (feedImport.fileName() != null) {
            text.append(", file ").append(feedImport.fileName());
        }
        text.append(", imported ").append(feedImport.importedAt().toString(), 0, 10);
        return text.toString();
    }

    private static String sourceOf(String kind, String ref) {
        return switch (kind) {
            case "csaf" -> "advisory " + ref;
            case "cve" -> "CVE record " + ref;
            case "kev" -> "CISA KEV catalog";
            default -> "entered by hand";
        };
    }

    private static String text(Device device, DeviceField field) {
        String value = device.values().text(field);
        return value == null ? "" : value;
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? "not recorded" : value;
    }

    static String format(double value) {
        return String.format(Locale.US, "%.2f", value);
    }

    static String format4(double value) {
        return String.format(Locale.US, "%.4f", value);
    }
}
