package org.patchdesk.governance.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.patchdesk.risk.ScoringSettings;
import org.patchdesk.risk.ssvc.Decision;
import org.patchdesk.risk.ssvc.SystemExposure;
import org.patchdesk.testing.TestSites;

/** The sentences of a segmentation case with none, one and several findings and devices. */
class SegmentationCaseWordingTest {

    private static SegmentationCase.FindingChange finding(long id, long device, boolean kev, SystemExposure after, Decision before,
                                                          Decision now) {
        return new SegmentationCase.FindingChange(id, device, "TAG-" + device, "CVE-2026-000" + id, "ICU", kev, SystemExposure.OPEN,
                "the device's network exposure", after, before, now);
    }

    private static SegmentationCase of(int devices, SegmentationCase.FindingChange... findings) {
        return new SegmentationCase(new SegmentationCriteria("ICU", null, null, SystemExposure.CONTROLLED), LocalDate.of(2026, 12, 4),
                ZonedDateTime.now(TestSites.CLOCK), ScoringSettings.defaults(), devices, 0, List.of(findings), List.of(), "Device type",
                List.of());
    }

    private static String figure(SegmentationCase segmentationCase, String label) {
        return segmentationCase.figures().stream().filter(figure -> figure.label().equals(label)).findFirst().orElseThrow().text();
    }

    @Test
    void noUrgentFindingSaysNoneIsUrgent() {
        SegmentationCase scheduled = of(2, finding(1, 1, false, SystemExposure.CONTROLLED, Decision.SCHEDULED, Decision.SCHEDULED));

        assertThat(scheduled.answer()).startsWith("The answer: none of the open findings is immediate or out-of-cycle today, so none"
                + " can become less urgent. The segmentation lowers the System Exposure of the open finding, but the SSVC table gives"
                + " it the same decision");
        assertThat(figure(scheduled, "Urgent findings")).isEqualTo("none today");
    }

    @Test
    void urgentFindingThatStaysSaysSo() {
        SegmentationCase kept = of(1, finding(1, 1, false, SystemExposure.CONTROLLED, Decision.IMMEDIATE, Decision.IMMEDIATE));

        assertThat(kept.answer()).startsWith("The answer: the one immediate or out-of-cycle finding keeps its decision.");
        assertThat(figure(kept, "Urgent findings")).isEqualTo("none leaves immediate or out-of-cycle");
    }

    @Test
    void onlyTheMovesThatHappenAreNamed() {
        SegmentationCase one = of(1, finding(1, 1, true, SystemExposure.CONTROLLED, Decision.IMMEDIATE, Decision.OUT_OF_CYCLE));

        assertThat(one.answer()).isEqualTo("The answer: 1 finding would no longer need immediate patching. The segmentation lowers"
                + " the System Exposure of the open finding and so changes the decision of 1 finding.");
        assertThat(figure(one, "Urgent findings")).isEqualTo("1 leaves immediate; 0 leave out-of-cycle");
    }

    @Test
    void devicesCoveredAgreeWithTheirCount() {
        SegmentationCase none = of(0);
        SegmentationCase one = of(3, finding(1, 1, false, SystemExposure.CONTROLLED, Decision.SCHEDULED, Decision.SCHEDULED));
        SegmentationCase quiet = of(3);

        assertThat(figure(none, "Devices covered")).isEqualTo("0");
        assertThat(figure(one, "Devices covered")).isEqualTo("3, of which 1 has 1 open finding");
        assertThat(figure(quiet, "Devices covered")).isEqualTo("3, none with an open finding");
    }

    @Test
    void kevFigureForNoneOneAndSeveralDevices() {
        SegmentationCase none = of(1, finding(1, 1, false, SystemExposure.CONTROLLED, Decision.SCHEDULED, Decision.SCHEDULED));
        SegmentationCase one = of(1, finding(1, 1, true, SystemExposure.CONTROLLED, Decision.IMMEDIATE, Decision.OUT_OF_CYCLE));
        SegmentationCase notLowered = of(2, finding(1, 1, true, SystemExposure.OPEN, Decision.IMMEDIATE, Decision.IMMEDIATE),
                finding(2, 2, true, SystemExposure.OPEN, Decision.IMMEDIATE, Decision.IMMEDIATE));
        SegmentationCase some = of(3, finding(1, 1, true, SystemExposure.CONTROLLED, Decision.IMMEDIATE, Decision.OUT_OF_CYCLE),
                finding(2, 2, true, SystemExposure.OPEN, Decision.IMMEDIATE, Decision.IMMEDIATE),
                finding(3, 3, true, SystemExposure.OPEN, Decision.IMMEDIATE, Decision.IMMEDIATE));

        assertThat(figure(none, "KEV-exposed devices")).isEqualTo("no covered device has an open vulnerability in the CISA KEV catalog");
        assertThat(figure(one, "KEV-exposed devices")).isEqualTo("1 covered device has an open vulnerability in the CISA KEV catalog;"
                + " the segmentation lowers its exposure");
        assertThat(figure(notLowered, "KEV-exposed devices")).endsWith("the segmentation does not lower the exposure of any of them");
        assertThat(figure(some, "KEV-exposed devices")).isEqualTo("3 covered devices have an open vulnerability in the CISA KEV"
                + " catalog; the segmentation lowers the exposure of 1 of them");
    }

    @Test
    void unpatchableFigureWithoutDevices() {
        assertThat(figure(of(2), SegmentationCase.UNPATCHABLE_FIGURE)).isEqualTo("none covered");
    }
}
