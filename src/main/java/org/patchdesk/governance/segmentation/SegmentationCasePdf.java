package org.patchdesk.governance.segmentation;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.patchdesk.reports.ReportDocument;
import org.patchdesk.reports.ReportDocument.Column;
import org.patchdesk.reports.ReportDocument.KeyValue;
import org.patchdesk.reports.ReportSite;
import org.patchdesk.risk.ssvc.Decision;

/**
 * Writes a segmentation case as a one-page PDF for leadership: the question, the answer in plain
 * words, the open findings by decision now and after, the other figures, a short table by
 * department or device type, and the assumptions. Long lists are cut to keep the case on one page,
 * and the cut states how many rows it left out.
 */
public final class SegmentationCasePdf {

    /** The maximum number of department or device type rows printed. The rest are added up in one row. */
    static final int MAX_GROUPS = 6;
    /** The maximum number of unpatchable devices named. The rest are counted. */
    static final int MAX_NAMED_DEVICES = 8;

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.US);

    private SegmentationCasePdf() {
    }

    /** Writes the case to {@code target}, replacing the file only once it is complete. */
    public static void write(SegmentationCase segmentationCase, ReportSite site, String printedBy, Path target) throws IOException {
        try (ReportDocument document = start(segmentationCase, site, printedBy)) {
            fill(document, segmentationCase);
            document.save(target);
        }
    }

    /** Writes the case for a site named {@code site}, with no demo mark. */
    public static void write(SegmentationCase segmentationCase, String site, String printedBy, Path target) throws IOException {
        write(segmentationCase, ReportSite.of(site), printedBy, target);
    }

    /** Writes the case to {@code out}, which stays open. */
    public static void write(SegmentationCase segmentationCase, ReportSite site, String printedBy, OutputStream out) throws IOException {
        try (ReportDocument document = start(segmentationCase, site, printedBy)) {
            fill(document, segmentationCase);
            document.save(out);
        }
    }

    private static ReportDocument start(SegmentationCase segmentationCase, ReportSite site, String printedBy) {
        Objects.requireNonNull(segmentationCase, "segmentationCase");
        return new ReportDocument(site, "Segmentation case").footerNote("Computed " + segmentationCase.computedAt().format(PRINTED)
                + (printedBy == null || printedBy.isBlank() ? "" : " by " + printedBy) + "; nothing was saved");
    }

    private static void fill(ReportDocument document, SegmentationCase segmentationCase) {
        document.heading("Investment case: " + segmentationCase.title());
        document.paragraph(segmentationCase.question());
        document.paragraph(segmentationCase.answer());
        document.subheading("Open findings by SSVC decision");
        document.table(List.of(Column.text("Decision", 3), Column.text("Now", 2), Column.text("After segmentation", 2),
                Column.text("Change", 2)), decisionRows(segmentationCase));
        document.keyValues(figures(segmentationCase));
        document.subheading("By " + segmentationCase.groupedBy().toLowerCase(Locale.ROOT) + ": urgent findings now → after segmentation");
        document.table(List.of(Column.text(segmentationCase.groupedBy(), 4.4f), Column.text("Devices", 1.1f),
                Column.text("Open findings", 1.5f), Column.text("Immediate", 1.6f), Column.text("Out-of-cycle", 1.6f)),
                groupRows(segmentationCase));
        document.subheading("Assumptions");
        for (String assumption : segmentationCase.assumptions()) {
            document.note("• " + assumption);
        }
    }

    private static List<List<String>> decisionRows(SegmentationCase segmentationCase) {
        Map<Decision, Integer> before = segmentationCase.before();
        Map<Decision, Integer> after = segmentationCase.after();
        List<List<String>> rows = new ArrayList<>();
        for (Decision decision : List.of(Decision.IMMEDIATE, Decision.OUT_OF_CYCLE, Decision.SCHEDULED, Decision.DEFER)) {
            int now = before.get(decision);
            int then = after.get(decision);
            rows.add(List.of(capitalize(decision.word()), number(now), number(then), change(then - now)));
        }
        return rows;
    }

    private static List<KeyValue> figures(SegmentationCase segmentationCase) {
        List<KeyValue> lines = new ArrayList<>();
        for (SegmentationCase.Figure figure : segmentationCase.figures()) {
            String text = figure.label().equals(SegmentationCase.UNPATCHABLE_FIGURE) ? figure.text() + named(segmentationCase) : figure.text();
            lines.add(KeyValue.of(figure.label(), text));
        }
        return lines;
    }

    private static String named(SegmentationCase segmentationCase) {
        List<SegmentationCase.UnpatchableDevice> devices = segmentationCase.gainingControl();
        if (devices.isEmpty()) {
            return "";
        }
        List<String> tags = devices.stream().limit(MAX_NAMED_DEVICES).map(SegmentationCase.UnpatchableDevice::assetTag).toList();
        String more = devices.size() > MAX_NAMED_DEVICES ? " and " + (devices.size() - MAX_NAMED_DEVICES) + " more" : "";
        return ": " + String.join(", ", tags) + more;
    }

    private static List<List<String>> groupRows(SegmentationCase segmentationCase) {
        List<SegmentationCase.GroupRow> groups = new ArrayList<>(segmentationCase.groups());
        groups.sort((a, b) -> a.openFindings() != b.openFindings() ? Integer.compare(b.openFindings(), a.openFindings())
                : String.CASE_INSENSITIVE_ORDER.compare(a.name(), b.name()));
        List<List<String>> rows = new ArrayList<>();
        for (SegmentationCase.GroupRow group : groups.subList(0, Math.min(MAX_GROUPS, groups.size()))) {
            rows.add(groupRow(group.name(), group));
        }
        if (groups.size() > MAX_GROUPS) {
            List<SegmentationCase.GroupRow> rest = groups.subList(MAX_GROUPS, groups.size());
            SegmentationCase.GroupRow sum = new SegmentationCase.GroupRow("", rest.stream().mapToInt(SegmentationCase.GroupRow::devices).sum(),
                    rest.stream().mapToInt(SegmentationCase.GroupRow::openFindings).sum(),
                    rest.stream().mapToInt(SegmentationCase.GroupRow::immediateBefore).sum(),
                    rest.stream().mapToInt(SegmentationCase.GroupRow::immediateAfter).sum(),
                    rest.stream().mapToInt(SegmentationCase.GroupRow::outOfCycleBefore).sum(),
                    rest.stream().mapToInt(SegmentationCase.GroupRow::outOfCycleAfter).sum());
            rows.add(groupRow(rest.size() + " others", sum));
        }
        return rows;
    }

    private static List<String> groupRow(String name, SegmentationCase.GroupRow group) {
        return List.of(name, number(group.devices()), number(group.openFindings()),
                group.immediateBefore() + " → " + group.immediateAfter(), group.outOfCycleBefore() + " → " + group.outOfCycleAfter());
    }

    private static String number(int value) {
        return String.format(Locale.US, "%,d", value);
    }

    private static String change(int delta) {
        return delta == 0 ? "0" : String.format(Locale.US, "%+,d", delta);
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
