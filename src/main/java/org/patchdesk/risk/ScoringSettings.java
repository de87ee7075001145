package org.patchdesk.risk;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.patchdesk.risk.ssvc.Decision;

/**
 * The settings that scoring uses: the days until a finding is due for each SSVC decision, the
 * weights of the priority's terms, and the ages after which a feed counts as stale. Each has a
 * default and can be changed per site.
 */
public record ScoringSettings(Map<Decision, Integer> dueDays, Map<PriorityTerm, Double> weights, int epssStaleDays, int kevStaleDays) {

    public static final String DUE_PREFIX = "due.days.";
    public static final String WEIGHT_PREFIX = "priority.weight.";
    public static final String EPSS_STALE = "feed.stale.epss.days";
    public static final String KEV_STALE = "feed.stale.kev.days";

    public ScoringSettings {
        dueDays = Map.copyOf(dueDays);
        weights = Map.copyOf(weights);
    }

    public static ScoringSettings defaults() {
        Map<Decision, Integer> due = new EnumMap<>(Decision.class);
        due.put(Decision.IMMEDIATE, 7);
        due.put(Decision.OUT_OF_CYCLE, 30);
        due.put(Decision.SCHEDULED, 90);
        due.put(Decision.DEFER, 180);
        Map<PriorityTerm, Double> weights = new EnumMap<>(PriorityTerm.class);
        for (PriorityTerm term : PriorityTerm.values()) {
            weights.put(term, term.defaultWeight());
        }
        return new ScoringSettings(due, weights, 7, 14);
    }

    /** Reads the settings from stored values by key, taking the default for every key that is absent or invalid. */
    public static ScoringSettings from(Map<String, String> stored) {
        ScoringSettings defaults = defaults();
        Map<Decision, Integer> due = new EnumMap<>(Decision.class);
        for (Decision decision : Decision.values()) {
            due.put(decision, parseInt(stored.get(DUE_PREFIX + decision.word()), defaults.dueDays().get(decision), 1, 3650));
        }
        Map<PriorityTerm, Double> weights = new EnumMap<>(PriorityTerm.class);
        for (PriorityTerm term : PriorityTerm.values()) {
            weights.put(term, parseDouble(stored.get(WEIGHT_PREFIX + term.key()), term.defaultWeight()));
        }
        return new ScoringSettings(due, weights, parseInt(stored.get(EPSS_STALE), 7, 1, 365), parseInt(stored.get(KEV_STALE), 14, 1, 365));
    }

    /** Returns every setting with its current value, by key, in a stable order. */
    public Map<String, String> asMap() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Decision decision : Decision.values()) {
            values.put(DUE_PREFIX + decision.word(), Integer.toString(dueDays.get(decision)));
        }
        for (PriorityTerm term : PriorityTerm.values()) {
            values.put(WEIGHT_PREFIX + term.key(), Double.toString(weights.get(term)));
        }
        values.put(EPSS_STALE, Integer.toString(epssStaleDays));
        values.put(KEV_STALE, Integer.toString(kevStaleDays));
        return values;
    }

    public int dueDays(Decision decision) {
        return dueDays.get(decision);
    }

    public double weight(PriorityTerm term) {
        return weights.get(term);
    }

    /** Checks a value before it is stored; returns the reason it is invalid, or null. */
    public static String validate(String key, String value) {
        if (key.startsWith(DUE_PREFIX) || key.equals(EPSS_STALE) || key.equals(KEV_STALE)) {
            int max = key.startsWith(DUE_PREFIX) ? 3650 : 365;
            try {
                int days = Integer.parseInt(value.strip());
                return days < 1 || days > max ? "must be between 1 and " + max + " days" : null;
            } catch (NumberFormatException e) {
                return "'" + value + "' is not a whole number of days";
            }
        }
        if (key.startsWith(WEIGHT_PREFIX)) {
            try {
                double weight = Double.parseDouble(value.strip());
                return weight < 0 || weight > 100 ? "must be between 0 and 100" : null;
            } catch (NumberFormatException e) {
                return "'" + value + "' is not a number";
            }
        }
        return "is not a setting";
    }

    private static int parseInt(String text, int fallback, int min, int max) {
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            return value < min || value > max ? fallback : value;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double parseDouble(String text, double fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text.strip());
            return value < 0 || value > 100 ? fallback : value;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
