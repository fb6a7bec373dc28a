package io.drover.model.json;

/**
 * Parses durations in Go's {@code time.ParseDuration} syntax ({@code 300ms}, {@code 1m30s},
 * {@code 1.5h}, {@code -2s}), which Nomad's {@code ?wait=} and its mock driver's durations accept.
 */
public final class GoDuration {
    private GoDuration() {
    }

    /**
     * @return the duration in nanoseconds
     * @throws IllegalArgumentException if {@code s} is not a Go duration or overflows
     */
    public static long parseNanos(String s) {
        if (s.isEmpty()) {
            throw invalid(s);
        }
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            negative = s.charAt(0) == '-';
            i++;
        }
        if (s.substring(i).equals("0")) {
            return 0;
        }
        if (i == s.length()) {
            throw invalid(s);
        }
        double total = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
            }
            boolean whole = i > start;
            int fracStart = i;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                fracStart = i;
                while (i < s.length() && isDigit(s.charAt(i))) {
                    i++;
                }
            }
            boolean fraction = i > fracStart && fracStart > start;
            if (!whole && !fraction) {
                throw invalid(s);
            }
            double number = Double.parseDouble(s.substring(start, i));
            int unitStart = i;
            while (i < s.length() && !isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            long unit = unitNanos(s.substring(unitStart, i));
            if (unit < 0) {
                throw invalid(s);
            }
            total += number * unit;
            if (total > Long.MAX_VALUE) {
                throw invalid(s);
            }
        }
        long nanos = (long) total;
        return negative ? -nanos : nanos;
    }

    private static long unitNanos(String unit) {
        switch (unit) {
            case "ns":
                return 1L;
            case "us":
            case "\u00b5s":
            case "\u03bcs":
                return 1_000L;
            case "ms":
                return 1_000_000L;
            case "s":
                return 1_000_000_000L;
            case "m":
                return 60_000_000_000L;
            case "h":
                return 3_600_000_000_000L;
            default:
                return -1;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException invalid(String s) {
        return new IllegalArgumentException("time: invalid duration \"" + s + "\"");
    }
}
