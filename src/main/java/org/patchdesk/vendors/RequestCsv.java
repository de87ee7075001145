package org.patchdesk.vendors;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes validation requests as CSV (comma, CRLF, ISO dates), one row per request with its FDA
 * clocks. Boolean columns hold yes or no; empty cells mean no value.
 */
public final class RequestCsv {

    public static final List<String> HEADERS = List.of("Id", "Manufacturer", "Model", "Update", "CVE", "Requested", "Contact", "Status",
            "Status Date", "Follow-up", "Follow-up Overdue", "Response Date", "Vendor Reference", "Validated", "Days to Validation",
            "Uncontrolled", "Clock Start", "Clock Start Basis", "Advisory", "Communication Due", "Communication Days Left", "Fix Due",
            "Fix Days Left", "Documents");

    private RequestCsv() {
    }

    public static void write(List<ValidationRequest> requests, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
        printer.printRecord(HEADERS);
        for (ValidationRequest request : requests) {
            printer.printRecord(values(request));
        }
        printer.flush();
    }

    static List<String> values(ValidationRequest r) {
        FdaClock clock = r.fdaClock();
        boolean known = clock != null && clock.known();
        return Arrays.asList(String.valueOf(r.id()), r.manufacturer(), r.model(), text(r.updateName()), text(r.cveId()),
                r.requestedOn().toString(), text(r.contactName()), r.status().word(), r.statusOn().toString(), text(r.followUpOn()),
                r.followUpOverdue() ? "yes" : "no", text(r.respondedOn()), text(r.vendorReference()), text(r.validatedOn()),
                text(r.daysToValidation()), r.uncontrolled() ? "yes" : "no", known ? clock.start().toString() : "",
                clock == null ? "" : clock.basis().word(), known ? text(clock.advisoryId()) : "",
                known ? clock.communicationDue().toString() : "", known ? clock.communicationDaysLeft().toString() : "",
                known ? clock.fixDue().toString() : "", known ? clock.fixDaysLeft().toString() : "", String.valueOf(r.documents()));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
