package org.patchdesk.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --from} and {@code --to} options of the reports that cover the records from the first
 * one: without {@code --from} the range starts at the first record, without {@code --to} it ends
 * today, and both days are included.
 */
final class ReportRangeOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "DATE", description = "First day of the range, as YYYY-MM-DD.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day of the range, as YYYY-MM-DD (default: today).")
    String to;

    /** Returns the first day, or null for the first record. */
    LocalDate first() {
        return checked()[0];
    }

    /** Returns the last day, or null for today. */
    LocalDate last() {
        return checked()[1];
    }

    private LocalDate[] checked() {
        LocalDate first = date("--from", from);
        LocalDate last = date("--to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw new ParameterException(spec.commandLine(), "--to " + last + " is before --from " + first);
        }
        return new LocalDate[] {first, last};
    }

    private LocalDate date(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + " '" + text + "' is not a date; write it as YYYY-MM-DD, such as"
                    + " 2026-01-31");
        }
    }
}
