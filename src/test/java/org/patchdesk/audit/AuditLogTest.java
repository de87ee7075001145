package org.patchdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

class AuditLogTest {

    @TempDir
    Path folder;

    @Test
    void longSummaryAndLabelAreCut() {
        try (Services services = TestSites.open(folder)) {
            String note = "x".repeat(1500);
            long id = services.database().jdbi().inTransaction(handle -> new AuditLog(services.auditChain()).append(handle, new AuditEntry(null,
                    TestSites.CLOCK.instant(), "jtech", AuditAction.UPDATE, "mds2_form", 1L, "y".repeat(400), null, null,
                    Map.of("note", note), "Imported a form with the note " + note)));

            Map<String, Object> row = services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT summary, record_label,"
                    + " new_values FROM audit_entry WHERE id = :id").bind("id", id).mapToMap().one());
            assertThat((String) row.get("summary")).hasSize(1000).endsWith("x\u2026");
            assertThat((String) row.get("record_label")).hasSize(300);
            assertThat(row.get("new_values").toString()).contains(note);
        }
    }
}
