package org.patchdesk.intel.versions;

/** One comparison with a bound, such as {@code "<= 12.1.3"}. */
record Constraint(Operator operator, ChunkedVersion bound) {

    Outcome evaluate(ChunkedVersion device) {
        ChunkedVersion.Order order = device.compareTo(bound);
        if (order == ChunkedVersion.Order.NOT_COMPARABLE) {
            return Outcome.notComparable(String.format("'%s' and '%s' are not comparable; needs review", device, bound));
        }
        if (order != ChunkedVersion.Order.EQUAL && operator.isAmbiguousForExtension() && bound.isExtendedBy(device)) {
            return Outcome.undecided(String.format(
                    "'%s' extends '%s', which may stand for the whole %s line; needs review", device, bound, bound));
        }
        if (operator.accepts(order)) {
            return Outcome.affected(device + " " + operator.symbol() + " " + bound);
        }
        String relation = operator == Operator.EQUAL ? "!=" : order.symbol();
        return Outcome.notAffected(device + " " + relation + " " + bound);
    }

    @Override
    public String toString() {
        return operator.symbol() + " " + bound;
    }
}
