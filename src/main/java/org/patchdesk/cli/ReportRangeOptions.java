package org.patchdesk.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --from} and {@code --to} options of the reports. Both days are included, and neither
 * may be after today, because a report describes recorded work: a range that runs into the future
 * would print as if the future days had been covered. Each command chooses the defaults.
 */
final class ReportRangeOptions {

    /** The days a user typed, either of them null when its option is not given. */
    record Range(LocalDate first, LocalDate last) {
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "DATE", description = "First day of the range, as YYYY-MM-DD.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day of the range, as YYYY-MM-DD (default: today).")
    String to;

    /**
     * Returns the typed days, checked against each other and against today.
     *
     * @throws ParameterException when a day is not a date, is after today, or {@code --to} is before {@code --from}
     */
    Range checked(LocalDate today) {
        LocalDate first = date("--from", from);
        LocalDate last = date("--to", to);
        if (first != null && first.isAfter(today)) {
            throw new ParameterException(spec.commandLine(), "--from " + first + " is after today, " + today
                    + "; reports describe the past");
        }
        if (last != null && last.isAfter(today)) {
            throw new ParameterException(spec.commandLine(), "--to " + last + " is after today, " + today
                    + "; reports describe the past, so leave out --to to end the range today");
        }
        if (first != null && last != null && last.isBefore(first)) {
            throw new ParameterException(spec.commandLine(), "--to " + last + " is before --from " + first);
        }
        return new Range(first, last);
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
