package org.patchdesk.intel.cvss;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import us.springett.cvss.Cvss;
import us.springett.cvss.MalformedVectorException;

/**
 * A validated CVSS 3.0, 3.1 or 4.0 vector. Base scores of v3 vectors come from
 * {@code us.springett:cvss-calculator}, which has no CVSS 4.0 support.
 */
public final class CvssVector {

    private static final String PREFIX_START = "CVSS:";
    private static final Pattern V4_VECTOR = Pattern.compile("CVSS:4\\.0(?:/[A-Za-z]+:[A-Za-z]+)+");

    private final CvssVersion version;
    private final Map<String, String> metrics;
    private final OptionalDouble computedBaseScore;

    private CvssVector(CvssVersion version, Map<String, String> metrics, OptionalDouble computedBaseScore) {
        this.version = version;
        this.metrics = metrics;
        this.computedBaseScore = computedBaseScore;
    }

    /**
     * Parses and validates a vector with its "CVSS:3.0/", "CVSS:3.1/" or "CVSS:4.0/" prefix. Metrics
     * may come in any order. Every base metric is required, a metric may appear only once, and
     * names and values are case-sensitive.
     */
    public static CvssVector parse(String text) throws InvalidCvssVectorException {
        return parse(text, null);
    }

    /**
     * Parses a vector as {@link #parse(String)} does, and reads a vector without prefix, as
     * CycloneDX writes it, as {@code versionWhenNoPrefix}. A prefix in the text takes precedence.
     */
    public static CvssVector parse(String text, CvssVersion versionWhenNoPrefix) throws InvalidCvssVectorException {
        if (text == null || text.isBlank()) {
            throw new InvalidCvssVectorException("CVSS vector is empty");
        }
        String vector = text.strip();
        String[] parts = vector.split("/", -1);

        CvssVersion version;
        int firstMetric;
        if (parts[0].startsWith(PREFIX_START)) {
            version = CvssVersion.fromPrefix(parts[0]).orElseThrow(() -> new InvalidCvssVectorException(String.format(
                    "unsupported CVSS version '%s' in %s; expected CVSS:3.0, CVSS:3.1 or CVSS:4.0", parts[0], vector)));
            firstMetric = 1;
        } else if (isV2(parts)) {
            throw new InvalidCvssVectorException(String.format(
                    "%s is a CVSS v2 vector; only CVSS 3.0, 3.1 and 4.0 vectors are supported", vector));
        } else if (versionWhenNoPrefix == null) {
            throw new InvalidCvssVectorException(String.format(
                    "missing version prefix such as CVSS:3.1/ in %s", vector));
        } else {
            version = versionWhenNoPrefix;
            firstMetric = 0;
        }

        Map<String, String> metrics = readMetrics(version, parts, firstMetric, vector);
        checkBaseMetrics(version, metrics, vector);
        Map<String, String> canonical = canonicalOrder(version, metrics);
        return new CvssVector(version, canonical, computeBaseScore(version, canonical, vector));
    }

    /**
     * Finds a CVSS 4.0 vector in a URL such as
     * "https://www.first.org/cvss/calculator/4.0#CVSS:4.0/AV:N/AC:L/...", where CISA CSAF advisories
     * give their v4 vectors. Percent-encoded URLs are decoded first. The vector is returned as
     * found, without validation: pass it to {@link #parse(String)}.
     */
    public static Optional<String> findV4InUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher matcher = V4_VECTOR.matcher(decode(url));
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }

    /**
     * Returns the qualitative severity rating of a CVSS v3.x or v4.0 score: None (0.0), Low (0.1-3.9),
     * Medium (4.0-6.9), High (7.0-8.9) or Critical (9.0-10.0). Throws IllegalArgumentException
     * for a score outside 0.0 to 10.0.
     */
    public static String severity(double score) {
        if (Double.isNaN(score) || score < 0.0 || score > 10.0) {
            throw new IllegalArgumentException("CVSS score " + score + " is outside 0.0 to 10.0");
        }
        if (score == 0.0) {
            return "None";
        }
        if (score < 4.0) {
            return "Low";
        }
        if (score < 7.0) {
            return "Medium";
        }
        return score < 9.0 ? "High" : "Critical";
    }

    public CvssVersion version() {
        return version;
    }

    /** Returns the vector in the metric order of its specification, with its prefix. */
    public String canonical() {
        StringBuilder vector = new StringBuilder(version.prefix());
        metrics.forEach((name, value) -> vector.append('/').append(name).append(':').append(value));
        return vector.toString();
    }

    /** Returns the value of a metric, such as "N" for "AV", or null when the vector does not give it. */
    public String metric(String name) {
        return metrics.get(name);
    }

    /** Returns the base score the calculator computes for a v3.x vector, or empty for v4.0, which it cannot score. */
    public OptionalDouble computedBaseScore() {
        return computedBaseScore;
    }

    /**
     * Estimates the SSVC "automatable" decision point from the vector: true for AV:N with AC:L, PR:N
     * and UI:N, and for v4.0 also AT:N.
     */
    public boolean automatable() {
        boolean network = "N".equals(metric("AV")) && "L".equals(metric("AC"))
                && "N".equals(metric("PR")) && "N".equals(metric("UI"));
        return version.isV3() ? network : network && "N".equals(metric("AT"));
    }

    /**
     * Returns an SSVC exploitation hint from the exploit maturity metric: "active" for v4.0 E:A,
     * "public poc" for v3.x E:P, E:F or E:H and for v4.0 E:P, and null otherwise.
     */
    public String exploitationHint() {
        String maturity = metric("E");
        if (maturity == null) {
            return null;
        }
        if (version.isV3()) {
            return List.of("P", "F", "H").contains(maturity) ? "public poc" : null;
        }
        if (maturity.equals("A")) {
            return "active";
        }
        return maturity.equals("P") ? "public poc" : null;
    }

    @Override
    public String toString() {
        return canonical();
    }

    private static boolean isV2(String[] parts) {
        for (String part : parts) {
            if (part.startsWith("Au:")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> readMetrics(CvssVersion version, String[] parts, int first, String vector)
            throws InvalidCvssVectorException {
        Map<String, CvssMetrics.Metric> known = CvssMetrics.of(version);
        Map<String, String> metrics = new LinkedHashMap<>();
        for (int i = first; i < parts.length; i++) {
            String part = parts[i];
            int colon = part.indexOf(':');
            if (colon <= 0 || colon != part.lastIndexOf(':')) {
                throw new InvalidCvssVectorException(String.format(
                        "invalid part '%s' in %s; expected METRIC:VALUE", part, vector));
            }
            String name = part.substring(0, colon);
            String value = part.substring(colon + 1);

            CvssMetrics.Metric metric = known.get(name);
            if (metric == null) {
                throw new InvalidCvssVectorException(unknownMetricMessage(name, known, version, vector));
            }
            if (metrics.containsKey(name)) {
                throw new InvalidCvssVectorException(String.format("duplicate metric %s in %s", name, vector));
            }
            if (value.isEmpty()) {
                throw new InvalidCvssVectorException(String.format("missing value for %s in %s", name, vector));
            }
            if (!metric.accepts(value)) {
                throw new InvalidCvssVectorException(String.format("invalid value '%s' for %s in %s; expected one of %s",
                        value, name, vector, String.join(", ", metric.values())));
            }
            metrics.put(name, value);
        }
        return metrics;
    }

    private static String unknownMetricMessage(String name, Map<String, CvssMetrics.Metric> known,
            CvssVersion version, String vector) {
        String message = String.format("unknown metric '%s' in %s", name, vector);
        if (known.containsKey(name.toUpperCase(Locale.ROOT))) {
            return message + "; metric names are upper case";
        }
        return message + "; CVSS " + version.label() + " has no such metric";
    }

    private static void checkBaseMetrics(CvssVersion version, Map<String, String> metrics, String vector)
            throws InvalidCvssVectorException {
        List<String> missing = CvssMetrics.of(version).values().stream()
                .filter(CvssMetrics.Metric::base)
                .map(CvssMetrics.Metric::name)
                .filter(name -> !metrics.containsKey(name))
                .collect(Collectors.toList());
        if (missing.size() == 1) {
            throw new InvalidCvssVectorException(String.format("missing base metric %s in %s", missing.get(0), vector));
        }
        if (!missing.isEmpty()) {
            throw new InvalidCvssVectorException(String.format(
                    "missing base metrics %s in %s", String.join(", ", missing), vector));
        }
    }

    private static Map<String, String> canonicalOrder(CvssVersion version, Map<String, String> metrics) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : CvssMetrics.of(version).keySet()) {
            if (metrics.containsKey(name)) {
                ordered.put(name, metrics.get(name));
            }
        }
        return Collections.unmodifiableMap(ordered);
    }

    /**
     * Scores the base metrics alone, in specification order. The calculator (1.4.3) lets a repeated
     * metric overwrite the first one and reads a vector without prefix as CVSS v2, so it only ever
     * receives vectors this class has checked.
     */
    private static OptionalDouble computeBaseScore(CvssVersion version, Map<String, String> metrics, String vector)
            throws InvalidCvssVectorException {
        if (!version.isV3()) {
            return OptionalDouble.empty();
        }
        List<String> baseParts = new ArrayList<>();
        baseParts.add(version.prefix());
        for (CvssMetrics.Metric metric : CvssMetrics.of(version).values()) {
            if (metric.base()) {
                baseParts.add(metric.name() + ":" + metrics.get(metric.name()));
            }
        }
        try {
            return OptionalDouble.of(Cvss.fromVector(String.join("/", baseParts)).calculateScore().getBaseScore());
        } catch (MalformedVectorException e) {
            throw new InvalidCvssVectorException("the CVSS calculator rejected " + vector + ": " + e.getMessage(), e);
        }
    }

    private static String decode(String url) {
        if (url.indexOf('%') < 0) {
            return url;
        }
        try {
            return URLDecoder.decode(url, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A stray '%' that is no escape: search the text as it is.
            return url;
        }
    }
}
