package org.patchdesk.demo;

import java.util.List;
import java.util.SplittableRandom;

/** An immutable list of values, each drawn with a probability proportional to its weight. */
final class WeightedChoice<T> {

    private final List<T> values;
    private final int[] cumulativeWeights;

    WeightedChoice(List<T> values, int[] weights) {
        if (values.size() != weights.length) {
            throw new IllegalArgumentException(values.size() + " values but " + weights.length + " weights");
        }
        this.values = List.copyOf(values);
        this.cumulativeWeights = new int[weights.length];
        int total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("The weight " + weights[i] + " of " + values.get(i) + " is negative");
            }
            total += weights[i];
            cumulativeWeights[i] = total;
        }
        if (total == 0) {
            throw new IllegalArgumentException("All weights are zero");
        }
    }

    T pick(SplittableRandom random) {
        int point = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
        int low = 0;
        int high = cumulativeWeights.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulativeWeights[middle] > point) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return values.get(low);
    }
}
