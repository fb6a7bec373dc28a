package io.drover.model.json;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Go's {@code fmt} spellings that Nomad's messages are built from: {@code time.Duration}'s
 * {@code String()}, {@code %q} ({@code strconv.Quote}), {@code %+q} ({@code QuoteToASCII}) and
 * {@code %v} of a string slice. Messages must match Nomad's byte for byte, so these follow Go's
 * algorithms rather than Java's formatting.
 */
public final class GoFmt {
    public static final long NANOSECOND = 1L;
    public static final long MICROSECOND = 1_000L;
    public static final long MILLISECOND = 1_000_000L;
    public static final long SECOND = 1_000_000_000L;
    public static final long MINUTE = 60 * SECOND;
    public static final long HOUR = 60 * MINUTE;

    private GoFmt() {
    }

    /** {@code time.Duration(nanos).String()}, e.g. {@code 1m30s}, {@code 1.5s}, {@code 500ms}, {@code 0s}. */
    public static String duration(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        boolean neg = nanos < 0;
        // Go negates as uint64, so Long.MIN_VALUE works too.
        long u = neg ? -nanos : nanos;
        StringBuilder out = new StringBuilder();
        if (Long.compareUnsigned(u, SECOND) < 0) {
            int prec;
            String unit;
            if (Long.compareUnsigned(u, MICROSECOND) < 0) {
                prec = 0;
                unit = "ns";
            } else if (Long.compareUnsigned(u, MILLISECOND) < 0) {
                prec = 3;
                unit = "\u00b5s";
            } else {
                prec = 6;
                unit = "ms";
            }
            long[] whole = new long[1];
            String frac = fraction(u, prec, whole);
            out.append(Long.toUnsignedString(whole[0])).append(frac).append(unit);
        } else {
            long[] whole = new long[1];
            String frac = fraction(u, 9, whole);
            long secs = whole[0];
            long s = Long.remainderUnsigned(secs, 60);
            long mins = Long.divideUnsigned(secs, 60);
            String tail = s + frac + "s";
            if (mins != 0) {
                long m = mins % 60;
                long hours = mins / 60;
                tail = m + "m" + tail;
                if (hours != 0) {
                    tail = hours + "h" + tail;
                }
            }
            out.append(tail);
        }
        return neg ? "-" + out : out.toString();
    }

    /** Go's fmtFrac: the digits of v below 10^prec without trailing zeros, and v / 10^prec in whole[0]. */
    private static String fraction(long v, int prec, long[] whole) {
        StringBuilder digits = new StringBuilder();
        boolean print = false;
        for (int i = 0; i < prec; i++) {
            long digit = Long.remainderUnsigned(v, 10);
            print = print || digit != 0;
            if (print) {
                digits.append((char) ('0' + digit));
            }
            v = Long.divideUnsigned(v, 10);
        }
        whole[0] = v;
        if (!print) {
            return "";
        }
        return "." + digits.reverse();
    }

    /** {@code time.Duration.Round(m)}. */
    public static long roundDuration(long d, long m) {
        if (m <= 0) {
            return d;
        }
        long r = d % m;
        if (d < 0) {
            r = -r;
            if (lessThanHalf(r, m)) {
                return d + r;
            }
            long d1 = d - m + r;
            return d1 < d ? d1 : Long.MIN_VALUE;
        }
        if (lessThanHalf(r, m)) {
            return d - r;
        }
        long d1 = d + m - r;
        return d1 > d ? d1 : Long.MAX_VALUE;
    }

    private static boolean lessThanHalf(long x, long y) {
        return Long.compareUnsigned(x + x, y) < 0;
    }

    /** {@code %q} of a string: {@code strconv.Quote}. */
    public static String quote(String s) {
        return quote(s, false);
    }

    /** {@code %+q} of a string: {@code strconv.QuoteToASCII}. */
    public static String quoteAscii(String s) {
        return quote(s, true);
    }

    private static String quote(String s, boolean asciiOnly) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(r -> appendQuotedRune(b, r, asciiOnly));
        return b.append('"').toString();
    }

    private static void appendQuotedRune(StringBuilder b, int r, boolean asciiOnly) {
        if (r == '"' || r == '\\') {
            b.append('\\').appendCodePoint(r);
            return;
        }
        boolean printable = isPrint(r);
        if (printable && (!asciiOnly || r < 0x80)) {
            b.appendCodePoint(r);
            return;
        }
        switch (r) {
            case 0x07 -> b.append("\\a");
            case '\b' -> b.append("\\b");
            case '\f' -> b.append("\\f");
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            case 0x0b -> b.append("\\v");
            default -> {
                if (r < ' ' || r == 0x7f) {
                    b.append("\\x").append(hex(r, 2));
                } else if (Character.isSurrogate((char) r) && r <= 0xffff) {
                    // A lone surrogate is invalid UTF-8 in Go; it decodes as U+FFFD.
                    b.append(asciiOnly ? "\\ufffd" : "\ufffd");
                } else if (r < 0x10000) {
                    b.append("\\u").append(hex(r, 4));
                } else {
                    b.append("\\U").append(hex(r, 8));
                }
            }
        }
    }

    /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    public static boolean isPrint(int r) {
        if (r == ' ') {
            return true;
        }
        return switch (Character.getType(r)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED,
                    Character.PRIVATE_USE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    private static String hex(int v, int width) {
        String h = Integer.toHexString(v);
        return "0".repeat(Math.max(0, width - h.length())) + h;
    }

    /** {@code %v} of a {@code []string}: {@code [a b c]}. */
    public static String list(List<String> items) {
        return items == null ? "[]" : "[" + String.join(" ", items) + "]";
    }

    /** {@code %q} of a {@code []string}: {@code ["a" "b"]}. */
    public static String quotedList(List<String> items) {
        return "[" + items.stream().map(GoFmt::quote).collect(Collectors.joining(" ")) + "]";
    }
}
