package org.patchdesk.risk.ssvc;

import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Looks up SSVC enum values by the words the decision tables use. */
final class SsvcWords {

    private SsvcWords() {
    }

    static <E extends Enum<E>> E find(E[] values, Function<E, String> wordOf, String word, String decisionPoint) {
        String normalized = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
        for (E value : values) {
            if (wordOf.apply(value).equals(normalized)) {
                return value;
            }
        }
        String expected = Stream.of(values).map(wordOf).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("'" + word + "' is not an SSVC " + decisionPoint + " value (expected one of: "
                + expected + ")");
    }
}
