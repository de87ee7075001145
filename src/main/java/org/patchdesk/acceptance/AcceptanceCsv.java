package org.patchdesk.acceptance;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.patchdesk.controls.DeviceRef;
import org.patchdesk.controls.FindingRef;
import org.patchdesk.users.Role;

/**
 * Writes risk acceptances as CSV: one row per acceptance, ISO dates, CRLF line ends. "Findings
 * Named" lists the findings chosen one by one. "Findings Held" lists those the acceptance keeps, or
 * kept, at risk accepted, including every finding of a device in its scope.
 */
public final class AcceptanceCsv {

    public static final List<String> HEADERS = List.of("Number", "Title", "State", "Reason", "Likelihood", "Severity", "Residual Risk",
            "Level", "Decision", "Requester", "Start Date", "End Date", "Days Left", "Devices", "Findings Named", "Findings Held", "Required Roles",
            "Renews");

    private AcceptanceCsv() {
    }

    /** Writes the acceptances; the state column says "expiring" for those within {@code warningDays} of their end date. */
    public static void write(List<RiskAcceptance> acceptances, LocalDate today, int warningDays, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
        printer.printRecord(HEADERS);
        for (RiskAcceptance acceptance : acceptances) {
            AcceptanceState state = acceptance.state(today, warningDays);
            printer.printRecord(acceptance.number(), acceptance.title(), state.word(), acceptance.reason().word(), acceptance.likelihood(),
                    acceptance.severity(), acceptance.residualScore(), acceptance.level().word(), acceptance.decision().word(),
                    acceptance.requesterName(), acceptance.startDate(), acceptance.endDate(),
                    state.holdsFindings() ? Long.toString(acceptance.daysLeft(today)) : "",
                    acceptance.devices().stream().map(DeviceRef::assetTag).collect(Collectors.joining(" ")),
                    acceptance.findings().stream().map(FindingRef::label).collect(Collectors.joining("; ")),
                    acceptance.heldFindings().stream().map(FindingRef::label).collect(Collectors.joining("; ")),
                    Role.labels(acceptance.requiredRoles()), acceptance.previousId() == null ? "" : "RA-" + acceptance.previousId());
        }
        printer.flush();
    }
}
