package org.patchdesk.tabular;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Formats a numeric cell as a spreadsheet program shows it. General-format numbers are written
 * in full ("12345", never "12345.0" or "1.2345E4"), date formats become ISO dates, and other formats
 * (such as "000000" for asset tags with leading zeros) are applied as Excel would.
 */
final class NumberText {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final DataFormatter formatter = new DataFormatter(Locale.US);

    String format(double value, int formatIndex, String formatString) {
        if (formatString != null && DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            LocalDateTime dateTime = DateUtil.getLocalDateTime(value);
            return dateTime.toLocalTime().equals(LocalTime.MIDNIGHT)
                    ? dateTime.toLocalDate().toString()
                    : dateTime.format(DATE_TIME);
        }
        if (formatString == null || formatIndex == 0 || "General".equalsIgnoreCase(formatString) || "@".equals(formatString)) {
            return general(value);
        }
        return formatter.formatRawCellContents(value, formatIndex, formatString);
    }

    /** Writes a number with up to 15 significant digits, as Excel stores them, without exponent or trailing zeros. */
    static String general(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(15));
        return rounded.stripTrailingZeros().toPlainString();
    }
}
