package org.patchdesk.intel.feeds;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes EPSS files in the layout FIRST publishes: the {@code #model_version} comment line, the header
 * {@code cve,epss,percentile}, then one row per CVE sorted as strings (CVE-2026-10000 before CVE-2026-9999). The ids
 * are distinct, with more of them in recent years. Scores are random, skewed toward small values, with at most five
 * decimals. The same row count always gives the same file.
 */
public final class EpssFileWriter {

    public static final String COMMENT_LINE = "#model_version:v2026.06.15,score_date:2026-09-29T12:00:22Z";

    private static final int FIRST_YEAR = 1999;
    private static final int LAST_YEAR = 2026;
    private static final double MIN_SCORE = 0.0001;
    private static final double MAX_SCORE = 0.975;
    /** Share of rows with a score below MIN_SCORE, which are written in scientific notation. */
    private static final double TINY_SHARE = 0.05;

    private EpssFileWriter() {
    }

    /** Writes {@code rowCount} rows to {@code file}, gzip-compressed when the file name ends with ".gz". */
    public static void write(Path file, int rowCount) throws IOException {
        Random random = new Random(rowCount);
        List<String> ids = cveIds(rowCount, random);
        double[] scores = scores(rowCount, random);
        double[] sortedScores = scores.clone();
        Arrays.sort(sortedScores);

        try (OutputStream out = open(file);
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16)) {
            writer.write(COMMENT_LINE + "\n");
            writer.write("cve,epss,percentile\n");
            for (int i = 0; i < rowCount; i++) {
                double percentile = (double) countAtMost(sortedScores, scores[i]) / rowCount;
                writer.write(ids.get(i) + "," + format(scores[i]) + "," + format(percentile) + "\n");
            }
        }
    }

    private static OutputStream open(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(out, 1 << 16) : out;
    }

    /** Creates distinct ids spread over the years, more in recent years, sorted as strings. */
    private static List<String> cveIds(int rowCount, Random random) {
        int years = LAST_YEAR - FIRST_YEAR + 1;
        double[] weights = new double[years];
        double total = 0;
        for (int i = 0; i < years; i++) {
            weights[i] = (i + 2.0) * (i + 2.0);
            total += weights[i];
        }

        List<String> ids = new ArrayList<>(rowCount);
        for (int i = 0; i < years; i++) {
            int count = i == years - 1 ? rowCount - ids.size() : (int) (rowCount * weights[i] / total);
            int number = 1;
            for (int k = 0; k < count; k++) {
                number += 1 + random.nextInt(3);
                ids.add(String.format("CVE-%d-%04d", FIRST_YEAR + i, number));
            }
        }
        Collections.sort(ids);
        return ids;
    }

    private static double[] scores(int rowCount, Random random) {
        double logMin = Math.log(MIN_SCORE);
        double logMax = Math.log(MAX_SCORE);
        double[] scores = new double[rowCount];
        for (int i = 0; i < rowCount; i++) {
            if (random.nextDouble() < TINY_SHARE) {
                scores[i] = (1 + random.nextInt(9)) / 100_000.0;
            } else {
                double u = random.nextDouble();
                scores[i] = round(Math.exp(logMin + (logMax - logMin) * u * u * u));
            }
        }
        return scores;
    }

    private static int countAtMost(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(5, RoundingMode.HALF_UP).doubleValue();
    }

    /** Formats with at most five decimals ("0.0179"), in scientific notation below 0.0001 ("5e-05"), and 1 as "1.0". */
    static String format(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(5, RoundingMode.HALF_UP);
        if (rounded.signum() > 0 && rounded.compareTo(new BigDecimal("0.0001")) < 0) {
            return rounded.unscaledValue() + "e-05";
        }
        String plain = rounded.stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
