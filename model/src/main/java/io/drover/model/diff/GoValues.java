package io.drover.model.diff;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code fmt.Sprintf("%v", x)} of the scalars a diff shows, and Go's byte-wise string order.
 * Free-form values (a task's driver Config) came from JSON, where Go decodes every number as a
 * {@code float64}; so every number in them is written as Go writes a float64: {@code 5},
 * {@code 0.5}, {@code 1e+06}, whatever Java type holds it.
 */
final class GoValues {
    private GoValues() {
    }

    /** {@code %v} of an integer field ({@code int}, {@code int64}, {@code time.Duration}...). */
    static String integer(Number n, boolean unsigned) {
        if (unsigned && n instanceof Long l) {
            return Long.toUnsignedString(l);
        }
        if (n instanceof BigInteger || n instanceof BigDecimal) {
            return n.toString();
        }
        return Long.toString(n.longValue());
    }

    /**
     * {@code %v} of a float64: strconv's shortest round-tripping digits in {@code %g} form with
     * the exponent threshold {@code %v} uses (exponent below -4 or at least 6 gives {@code e}
     * notation with at least two exponent digits).
     */
    static String float64(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal shortest = shortest(d).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int nd = digits.length();
        // The value is 0.<digits> x 10^dp.
        int dp = nd - shortest.scale();
        int exp = dp - 1;
        StringBuilder out = new StringBuilder();
        if (d < 0) {
            out.append('-');
        }
        if (exp < -4 || exp >= 6) {
            out.append(digits.charAt(0));
            if (nd > 1) {
                out.append('.').append(digits, 1, nd);
            }
            out.append('e').append(exp < 0 ? '-' : '+');
            int e = Math.abs(exp);
            if (e < 10) {
                out.append('0');
            }
            out.append(e);
            return out.toString();
        }
        if (dp <= 0) {
            out.append("0.").append("0".repeat(-dp)).append(digits);
        } else if (dp >= nd) {
            out.append(digits).append("0".repeat(dp - nd));
        } else {
            out.append(digits, 0, dp).append('.').append(digits, dp, nd);
        }
        return out.toString();
    }

    /**
     * The fewest significant digits that read back as {@code d}, the nearest such when there are
     * several, as Go's shortest formatting picks (Java 17's Double.toString is not always shortest).
     */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; p < 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) {
                return r;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    /** {@code %v} of a free-form scalar: a string as is, a bool, a number as a float64, nil. */
    static String freeForm(Object v) {
        if (v == null) {
            return "nil";
        }
        if (v instanceof Number n) {
            return float64(n.doubleValue());
        }
        return v.toString();
    }

    /** Go's string order: by UTF-8 bytes, which is code point order. */
    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
