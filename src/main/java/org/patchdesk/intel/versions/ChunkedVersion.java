package org.patchdesk.intel.versions;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A version split into runs of digits and runs of letters, with the separators dropped. The rules
 * are in the {@link VersionSpec} class documentation.
 */
final class ChunkedVersion {

    /** The order of a version relative to another one. */
    enum Order {
        LOWER("<"),
        EQUAL("="),
        HIGHER(">"),
        NOT_COMPARABLE("?");

        private final String symbol;

        Order(String symbol) {
            this.symbol = symbol;
        }

        String symbol() {
            return symbol;
        }
    }

    /**
     * One run of digits ({@code number} set) or of letters ({@code letters} set, lower case). A
     * letter run directly followed by a digit, such as the "u" in "U61", is a tag.
     */
    record Chunk(BigInteger number, String letters, boolean tag) {

        boolean isNumber() {
            return number != null;
        }

        boolean sameAs(Chunk other) {
            return isNumber() ? other.isNumber() && number.equals(other.number) : letters.equals(other.letters);
        }

        @Override
        public String toString() {
            return isNumber() ? number.toString() : letters;
        }
    }

    private static final String SEPARATORS = ".-_/() \t";

    private final String text;
    private final List<Chunk> chunks;

    private ChunkedVersion(String text, List<Chunk> chunks) {
        this.text = text;
        this.chunks = List.copyOf(chunks);
    }

    /**
     * Splits a version into chunks. Returns empty when the text has no letter or digit, or
     * contains a character that is neither a letter, a digit nor a separator ({@code . - _ / ( )},
     * space or tab).
     */
    static Optional<ChunkedVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        String body = startsWithVersionPrefix(trimmed) ? trimmed.substring(1) : trimmed;
        List<Chunk> chunks = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (isDigit(c)) {
                int end = runEnd(body, i, true);
                chunks.add(new Chunk(new BigInteger(body.substring(i, end)), null, false));
                i = end;
            } else if (Character.isLetter(c)) {
                int end = runEnd(body, i, false);
                boolean tag = end < body.length() && isDigit(body.charAt(end));
                chunks.add(new Chunk(null, body.substring(i, end).toLowerCase(Locale.ROOT), tag));
                i = end;
            } else if (SEPARATORS.indexOf(c) >= 0) {
                i++;
            } else {
                return Optional.empty();
            }
        }
        return chunks.isEmpty() ? Optional.empty() : Optional.of(new ChunkedVersion(trimmed, chunks));
    }

    /**
     * Parses the version that a statement gives. Besides {@link #parse}, every word of it must
     * contain a digit or be a single letter, so "3.0 D15" and "N" are versions but "n/a" and
     * "12.1 and prior" are not.
     */
    static Optional<ChunkedVersion> parseStated(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (String word : text.strip().split("\\s+")) {
            boolean singleLetter = word.length() == 1 && Character.isLetter(word.charAt(0));
            if (!singleLetter && word.chars().noneMatch(c -> isDigit((char) c))) {
                return Optional.empty();
            }
        }
        return parse(text);
    }

    String text() {
        return text;
    }

    List<Chunk> chunks() {
        return chunks;
    }

    /**
     * Compares chunk by chunk and stops at the first difference. A missing chunk counts as the
     * number 0. Different letter runs are ordered only when both are single letters that are not
     * tags, because "U61" and "L81" name separate product lines while "M" and "N" are releases.
     */
    Order compareTo(ChunkedVersion other) {
        int length = Math.max(chunks.size(), other.chunks.size());
        for (int i = 0; i < length; i++) {
            Chunk mine = i < chunks.size() ? chunks.get(i) : null;
            Chunk theirs = i < other.chunks.size() ? other.chunks.get(i) : null;
            Order order = compareChunks(mine, theirs);
            if (order != Order.EQUAL) {
                return order;
            }
        }
        return Order.EQUAL;
    }

    /**
     * Returns true when {@code longer} starts with every chunk of this version and has more chunks,
     * as "1.1.2" extends "1.1".
     */
    boolean isExtendedBy(ChunkedVersion longer) {
        if (longer.chunks.size() <= chunks.size()) {
            return false;
        }
        for (int i = 0; i < chunks.size(); i++) {
            if (!chunks.get(i).sameAs(longer.chunks.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static Order compareChunks(Chunk mine, Chunk theirs) {
        Chunk left = mine == null ? zero() : mine;
        Chunk right = theirs == null ? zero() : theirs;
        if (left.isNumber() && right.isNumber()) {
            return toOrder(left.number().compareTo(right.number()));
        }
        if (left.isNumber() || right.isNumber()) {
            return Order.NOT_COMPARABLE;
        }
        if (left.letters().equals(right.letters())) {
            return Order.EQUAL;
        }
        boolean releaseLetters = left.letters().length() == 1 && right.letters().length() == 1
                && !left.tag() && !right.tag();
        return releaseLetters ? toOrder(left.letters().compareTo(right.letters())) : Order.NOT_COMPARABLE;
    }

    private static Chunk zero() {
        return new Chunk(BigInteger.ZERO, null, false);
    }

    private static Order toOrder(int comparison) {
        if (comparison < 0) {
            return Order.LOWER;
        }
        return comparison > 0 ? Order.HIGHER : Order.EQUAL;
    }

    /** Returns true for a leading "v" or "V" before a digit, as in "v3.3.0", which means "version". */
    private static boolean startsWithVersionPrefix(String text) {
        return text.length() > 1 && (text.charAt(0) == 'v' || text.charAt(0) == 'V') && isDigit(text.charAt(1));
    }

    private static int runEnd(String text, int start, boolean digits) {
        int end = start;
        while (end < text.length()) {
            char c = text.charAt(end);
            if (digits ? !isDigit(c) : !Character.isLetter(c)) {
                break;
            }
            end++;
        }
        return end;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public String toString() {
        return text;
    }
}
