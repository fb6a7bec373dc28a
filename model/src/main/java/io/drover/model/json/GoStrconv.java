package io.drover.model.json;

import java.math.BigInteger;

/**
 * Go's {@code strconv} number parsing as Nomad's validation uses it, with its error texts
 * ({@code strconv.ParseUint: parsing "x": invalid syntax}).
 */
public final class GoStrconv {
    private GoStrconv() {
    }

    /** {@code strconv.Atoi} on a 64-bit platform: the value, or null if it is not a decimal integer that fits. */
    public static Long atoi(String s) {
        int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (start == s.length()) {
            return null;
        }
        for (int k = start; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(s.charAt(0) == '+' ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * {@code strconv.ParseUint(s, base, bitSize)}: null when {@code s} parses, else Go's error
     * text. Like Go, it reports whichever problem it meets first, scanning left to right.
     */
    public static String parseUintError(String s, int base, int bitSize) {
        String prefix = "strconv.ParseUint: parsing " + GoFmt.quote(s) + ": ";
        if (s.isEmpty()) {
            return prefix + "invalid syntax";
        }
        BigInteger max = BigInteger.ONE.shiftLeft(bitSize).subtract(BigInteger.ONE);
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = c > 0x7f ? -1 : Character.digit(c, 36);
            if (d < 0 || d >= base) {
                return prefix + "invalid syntax";
            }
            value = value.multiply(BigInteger.valueOf(base)).add(BigInteger.valueOf(d));
            if (value.compareTo(max) > 0) {
                return prefix + "value out of range";
            }
        }
        return null;
    }

    /** {@code strconv.ParseInt(s, 10, 64)} of a string of ASCII digits: null when it fits, else Go's error text. */
    public static String parseIntError(String digits) {
        if (new BigInteger(digits).bitLength() < 64) {
            return null;
        }
        return "strconv.ParseInt: parsing " + GoFmt.quote(digits) + ": value out of range";
    }
}
