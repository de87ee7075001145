package org.patchdesk.ui;

import java.util.Comparator;

/**
 * Orders text as people expect in a grid: case-insensitive, runs of digits compared as numbers
 * (so "Tag 9" comes before "Tag 10"), and empty text last.
 */
public final class NaturalOrder implements Comparator<String> {

    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int startA = i;
                int startB = j;
                while (startA < a.length() - 1 && a.charAt(startA) == '0' && Character.isDigit(a.charAt(startA + 1))) {
                    startA++;
                }
                while (startB < b.length() - 1 && b.charAt(startB) == '0' && Character.isDigit(b.charAt(startB + 1))) {
                    startB++;
                }
                int endA = startA;
                int endB = startB;
                while (endA < a.length() && Character.isDigit(a.charAt(endA))) {
                    endA++;
                }
                while (endB < b.length() && Character.isDigit(b.charAt(endB))) {
                    endB++;
                }
                int lengthA = endA - startA;
                int lengthB = endB - startB;
                if (lengthA != lengthB) {
                    return Integer.compare(lengthA, lengthB);
                }
                for (int k = 0; k < lengthA; k++) {
                    int diff = a.charAt(startA + k) - b.charAt(startB + k);
                    if (diff != 0) {
                        return diff;
                    }
                }
                i = endA;
                j = endB;
                continue;
            }
            int diff = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
            if (diff != 0) {
                return diff;
            }
            i++;
            j++;
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
