package org.patchdesk.common;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the date forms that CMMS exports and vendor spreadsheets contain: ISO {@code 2019-03-14}
 * (a time part is ignored), US {@code 3/14/2019} and {@code 3-14-2019}, text months such as
 * {@code Mar 14, 2019}, {@code 14-Mar-2019} and {@code 14 March 2019}, compact {@code 20190314},
 * and Excel serial day numbers in the 1900 date system ({@code 43538}). Two-digit years 00 to 49
 * are read as 20xx and 50 to 99 as 19xx.
 */
public final class SpreadsheetDates {

    /** Excel's largest serial day number, 9999-12-31. */
    private static final long MAX_EXCEL_SERIAL = 2_958_465L;

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");
    private static final Pattern US = Pattern.compile("(\\d{1,2})([/-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?: .*)?");
    private static final Pattern YEAR_FIRST_SLASH = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})(?: .*)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,7}(?:\\.\\d+)?");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("([A-Za-z]+)\\.?[ -](\\d{1,2})(?:st|nd|rd|th)?,? *[ -]?(\\d{4}|\\d{2})(?: .*)?");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})[ -]([A-Za-z]+)\\.?,?[ -](\\d{4}|\\d{2})(?: .*)?");

    private static final Map<String, Month> MONTH_NAMES = monthNames();

    private SpreadsheetDates() {
    }

    /** Returns the date, or empty when {@code text} is not a date in any supported form or not a real day. */
    public static Optional<LocalDate> parse(String text) {
        String value = text.trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(parseOrNull(value));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static LocalDate parseOrNull(String value) {
        Matcher m = ISO.matcher(value);
        if (m.matches()) {
            return LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
        }
        m = YEAR_FIRST_SLASH.matcher(value);
        if (m.matches()) {
            return LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
        }
        m = US.matcher(value);
        if (m.matches()) {
            return LocalDate.of(year(m.group(4)), num(m, 1), num(m, 3));
        }
        m = COMPACT.matcher(value);
        if (m.matches()) {
            return LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
        }
        if (SERIAL.matcher(value).matches()) {
            return fromExcelSerial(new BigDecimal(value));
        }
        m = MONTH_DAY_YEAR.matcher(value);
        if (m.matches()) {
            Month month = month(m.group(1));
            return month == null ? null : LocalDate.of(year(m.group(3)), month, num(m, 2));
        }
        m = DAY_MONTH_YEAR.matcher(value);
        if (m.matches()) {
            Month month = month(m.group(2));
            return month == null ? null : LocalDate.of(year(m.group(3)), month, num(m, 1));
        }
        return null;
    }

    /**
     * Converts an Excel serial day number (1900 date system) to a date, ignoring any time fraction.
     * Excel counts a nonexistent 1900-02-29 as serial 60, so serials below 60 are shifted by one day.
     */
    public static LocalDate fromExcelSerial(BigDecimal serial) {
        long days = serial.longValue();
        if (days < 1 || days > MAX_EXCEL_SERIAL) {
            return null;
        }
        if (days < 60) {
            return LocalDate.of(1899, 12, 31).plusDays(days);
        }
        return LocalDate.of(1899, 12, 30).plusDays(days);
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        if (digits.length() == 2) {
            return year < 50 ? 2000 + year : 1900 + year;
        }
        return year;
    }

    private static Month month(String name) {
        return MONTH_NAMES.get(name.toLowerCase(Locale.ROOT));
    }

    private static Map<String, Month> monthNames() {
        Map<String, Month> names = new HashMap<>();
        for (Month month : Month.values()) {
            String full = month.name().toLowerCase(Locale.ROOT);
            names.put(full, month);
            names.put(full.substring(0, 3), month);
        }
        names.put("sept", Month.SEPTEMBER);
        return Map.copyOf(names);
    }
}
