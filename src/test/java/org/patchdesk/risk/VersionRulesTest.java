package org.patchdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.patchdesk.intel.CvssScoreRow;
import org.patchdesk.intel.Statement;
import org.patchdesk.intel.versions.Applicability;
import org.patchdesk.intel.versions.VersionSpec;

/** How a statement's versions and a CVE's CVSS vectors are read into a finding. */
class VersionRulesTest {

    private static Statement statement(String product, String versionKind, String versionText) {
        return new Statement(1, "csaf", "icsma-00-000-00", "CVE-2026-1", "Philips", product, "philips", product.toLowerCase(),
                versionKind, versionText, null, null, Statement.AFFECTED);
    }

    @Test
    void versionLineInNameLimitsRange() {
        VersionSpec line = FindingEngine.specOf(statement("IntelliSpace Portal 7.0.x", "all", null));

        assertThat(line.test("7.0.3")).isEqualTo(Applicability.AFFECTED);
        assertThat(line.test("8.0.1")).isEqualTo(Applicability.NOT_AFFECTED);
        assertThat(line.test("6.9")).isEqualTo(Applicability.NOT_AFFECTED);
    }

    @Test
    void versionWordInNameIsExact() {
        VersionSpec named = FindingEngine.specOf(statement("Xper Connect version 2.5", "all", null));

        assertThat(named.test("2.5")).isEqualTo(Applicability.AFFECTED);
        assertThat(named.test("2.6")).isEqualTo(Applicability.NOT_AFFECTED);
    }

    @Test
    void statedVersionsBeatName() {
        VersionSpec stated = FindingEngine.specOf(statement("IntelliSpace Portal 7.0.x", "range", "<=7.0.2"));

        assertThat(stated.test("7.0.3")).isEqualTo(Applicability.NOT_AFFECTED);
        assertThat(FindingEngine.specOf(statement("IntelliVue MX450", "all", null)).coversAllVersions()).isTrue();
    }

    @Test
    void scoredVectorBeatsUnscoredNewer() {
        CvssScoreRow v4 = new CvssScoreRow(1, "CVE-2026-1", "4.0", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                null, null, "csaf", "icsma-00-000-00");
        CvssScoreRow v31 = new CvssScoreRow(2, "CVE-2026-1", "3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                new BigDecimal("9.8"), new BigDecimal("9.8"), "cve", "CVE-2026-1");

        CvssChoice choice = CvssChoices.choose(List.of(v4, v31)).orElseThrow();

        assertThat(choice.version()).isEqualTo("3.1");
        assertThat(choice.score()).isEqualByComparingTo("9.8");
    }
}
