package org.patchdesk.controls;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes controls as CSV (comma, CRLF, ISO dates), one row per control. List cells join their
 * values with "; ", and empty cells mean no value.
 */
public final class ControlCsv {

    public static final List<String> HEADERS = List.of("Id", "Type", "Title", "Owner", "Verified On", "Next Verification On", "State",
            "Overdue Since", "Covered Devices", "Covered Findings", "Evidence Rule IDs", "Documents", "NIST SP 800-53", "CSF 2.0",
            "Description");

    private ControlCsv() {
    }

    /** Writes the controls with their verification state on {@code today}. */
    public static void write(List<CompensatingControl> controls, LocalDate today, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
        printer.printRecord(HEADERS);
        for (CompensatingControl control : controls) {
            VerificationState state = control.state(today);
            printer.printRecord(String.valueOf(control.id()), control.type().name(), control.title(), control.owner(),
                    text(control.verifiedOn()), text(control.nextVerificationOn()), state.label(),
                    state == VerificationState.OVERDUE ? control.overdueSince().toString() : "",
                    String.join("; ", control.devices().stream().map(DeviceRef::assetTag).toList()),
                    String.join("; ", control.findings().stream().map(FindingRef::label).toList()), text(control.evidenceRuleIds()),
                    String.join("; ", control.documents().stream().map(document -> document.path().toString()).toList()),
                    String.join(", ", control.type().nist80053()), String.join(", ", control.type().csfSubcategories()),
                    text(control.description()));
        }
        printer.flush();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
