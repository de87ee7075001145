package org.patchdesk.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.patchdesk.demo.DemoDevice.AssetTag;
import org.patchdesk.demo.DemoDevice.TagStyle;

/**
 * Hands out the unique identifiers of one demo inventory: asset tags, CMMS record ids, serial
 * numbers and hostnames. Each kind counts up with small random gaps, as tags issued over years do,
 * which keeps them unique without remembering the ones already issued.
 */
final class Identifiers {

    /** Tags shown with leading zeros stay below this number, so that they fill six digits. */
    private static final long ZERO_PADDED_LIMIT = 100_000;
    private static final int TEXT_TAG_PERCENT = 1;
    private static final int ZERO_PADDED_TAG_PERCENT = 10;

    private final SplittableRandom random;
    private long nextNumberTag;
    private long nextZeroPaddedTag;
    private int nextTextTag;
    private long nextCmmsId;
    private final Map<String, Long> nextSerialByPattern = new HashMap<>();
    private final Map<String, Integer> nextHostByPrefix = new HashMap<>();

    Identifiers(SplittableRandom random) {
        this.random = random;
        this.nextNumberTag = 100_000 + random.nextInt(5_000);
        this.nextZeroPaddedTag = 1_000 + random.nextInt(2_000);
        this.nextTextTag = random.nextInt(1, 40);
        this.nextCmmsId = 10_000 + random.nextInt(40_000);
    }

    /**
     * Returns a new asset tag: mostly plain numbers from 100000 up, about one in ten a number below
     * 100000 shown with leading zeros, and about one in a hundred a text tag such as BME-0042.
     */
    AssetTag nextAssetTag() {
        int roll = random.nextInt(100);
        if (roll < TEXT_TAG_PERCENT) {
            nextTextTag += random.nextInt(1, 3);
            return AssetTag.text("BME-" + zeroPad(nextTextTag, 4));
        }
        if (roll < TEXT_TAG_PERCENT + ZERO_PADDED_TAG_PERCENT) {
            long candidate = nextZeroPaddedTag + random.nextInt(1, 3);
            if (candidate < ZERO_PADDED_LIMIT) {
                nextZeroPaddedTag = candidate;
                return AssetTag.number(TagStyle.ZERO_PADDED, candidate);
            }
        }
        nextNumberTag += random.nextInt(1, 4);
        return AssetTag.number(TagStyle.NUMBER, nextNumberTag);
    }

    /** Returns a new CMMS record id, such as EQ0031207. */
    String nextCmmsId() {
        nextCmmsId += random.nextInt(1, 6);
        return "EQ" + zeroPad(nextCmmsId, 7);
    }

    /**
     * Returns a new serial number in the form of {@code pattern} (see {@link ProductLine#serialPattern()}).
     * Products with the same pattern share one counter, so no two devices have the same serial number.
     */
    String nextSerialNumber(String pattern) {
        int digitCount = (int) pattern.chars().filter(c -> c == '#').count();
        Long previous = nextSerialByPattern.get(pattern);
        long lowest = powerOfTen(digitCount - 1);
        long value = previous == null ? lowest + random.nextLong(lowest) : previous + random.nextInt(1, 8);
        nextSerialByPattern.put(pattern, value);
        return fill(pattern, zeroPad(value, digitCount));
    }

    /** Returns a new hostname such as RAD-PACS-WS03: department code, product code and a two-digit count. */
    String nextHostname(Department department, String hostCode) {
        String prefix = department.code + "-" + hostCode + "-";
        int number = nextHostByPrefix.merge(prefix, 1, Integer::sum);
        return prefix + zeroPad(number, 2);
    }

    /** Puts the digits into the {@code #} positions. Digits beyond the pattern's count go in front of the first one. */
    private String fill(String pattern, String digits) {
        int extra = digits.length() - (int) pattern.chars().filter(c -> c == '#').count();
        StringBuilder serial = new StringBuilder(pattern.length() + extra);
        int next = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '#') {
                if (next == 0) {
                    serial.append(digits, 0, extra);
                    next = extra;
                }
                serial.append(digits.charAt(next++));
            } else if (c == '@') {
                serial.append((char) ('A' + random.nextInt(26)));
            } else {
                serial.append(c);
            }
        }
        return serial.toString();
    }

    private static long powerOfTen(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }

    static String zeroPad(long value, int width) {
        String digits = Long.toString(value);
        if (digits.length() >= width) {
            return digits;
        }
        return "0".repeat(width - digits.length()) + digits;
    }
}
