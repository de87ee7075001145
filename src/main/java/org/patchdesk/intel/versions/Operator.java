package org.patchdesk.intel.versions;

import java.util.Optional;

/** A comparison operator of a range statement. */
enum Operator {
    LESS_OR_EQUAL("<="),
    GREATER_OR_EQUAL(">="),
    LESS("<"),
    GREATER(">"),
    EQUAL("=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    /** Finds the operator that {@code text} starts with, trying two-character operators first. */
    static Optional<Operator> prefixOf(String text) {
        for (Operator operator : values()) {
            if (text.startsWith(operator.symbol)) {
                return Optional.of(operator);
            }
        }
        return Optional.empty();
    }

    boolean accepts(ChunkedVersion.Order order) {
        return switch (this) {
            case LESS_OR_EQUAL -> order == ChunkedVersion.Order.LOWER || order == ChunkedVersion.Order.EQUAL;
            case GREATER_OR_EQUAL -> order == ChunkedVersion.Order.HIGHER || order == ChunkedVersion.Order.EQUAL;
            case LESS -> order == ChunkedVersion.Order.LOWER;
            case GREATER -> order == ChunkedVersion.Order.HIGHER;
            case EQUAL -> order == ChunkedVersion.Order.EQUAL;
        };
    }

    /**
     * Returns true when a device version that extends the bound ("12.3.1" for "12.3") gives a
     * different result depending on whether the bound means one version or a whole line.
     */
    boolean isAmbiguousForExtension() {
        return this == LESS_OR_EQUAL || this == GREATER || this == EQUAL;
    }
}
