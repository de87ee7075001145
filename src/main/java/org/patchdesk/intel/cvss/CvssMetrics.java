package org.patchdesk.intel.cvss;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The metrics each CVSS version defines, in the order of its specification, with their allowed values. */
final class CvssMetrics {

    /** One metric. An empty {@code values} list accepts any non-empty value. */
    record Metric(String name, boolean base, List<String> values) {

        boolean accepts(String value) {
            return values.isEmpty() || values.contains(value);
        }
    }

    private static final Map<String, Metric> V3 = definitions(
            base("AV", "N", "A", "L", "P"),
            base("AC", "L", "H"),
            base("PR", "N", "L", "H"),
            base("UI", "N", "R"),
            base("S", "U", "C"),
            base("C", "H", "L", "N"),
            base("I", "H", "L", "N"),
            base("A", "H", "L", "N"),
            other("E", "X", "H", "F", "P", "U"),
            other("RL", "X", "U", "W", "T", "O"),
            other("RC", "X", "C", "R", "U"),
            other("CR", "X", "H", "M", "L"),
            other("IR", "X", "H", "M", "L"),
            other("AR", "X", "H", "M", "L"),
            other("MAV", "X", "N", "A", "L", "P"),
            other("MAC", "X", "L", "H"),
            other("MPR", "X", "N", "L", "H"),
            other("MUI", "X", "N", "R"),
            other("MS", "X", "U", "C"),
            other("MC", "X", "N", "L", "H"),
            other("MI", "X", "N", "L", "H"),
            other("MA", "X", "N", "L", "H"));

    /** CVSS 4.0: base metrics and E are checked, the supplemental and environmental metrics only by name. */
    private static final Map<String, Metric> V4 = definitions(
            base("AV", "N", "A", "L", "P"),
            base("AC", "L", "H"),
            base("AT", "N", "P"),
            base("PR", "N", "L", "H"),
            base("UI", "N", "P", "A"),
            base("VC", "H", "L", "N"),
            base("VI", "H", "L", "N"),
            base("VA", "H", "L", "N"),
            base("SC", "H", "L", "N"),
            base("SI", "H", "L", "N"),
            base("SA", "H", "L", "N"),
            other("E", "X", "A", "P", "U"),
            other("CR"), other("IR"), other("AR"),
            other("MAV"), other("MAC"), other("MAT"), other("MPR"), other("MUI"),
            other("MVC"), other("MVI"), other("MVA"), other("MSC"), other("MSI"), other("MSA"),
            other("S"), other("AU"), other("R"), other("V"), other("RE"), other("U"));

    private CvssMetrics() {
    }

    static Map<String, Metric> of(CvssVersion version) {
        return version.isV3() ? V3 : V4;
    }

    private static Metric base(String name, String... values) {
        return new Metric(name, true, List.of(values));
    }

    private static Metric other(String name, String... values) {
        return new Metric(name, false, List.of(values));
    }

    private static Map<String, Metric> definitions(Metric... metrics) {
        Map<String, Metric> byName = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            byName.put(metric.name(), metric);
        }
        return Collections.unmodifiableMap(byName);
    }
}
