package io.drover.model.validate;

import java.util.Set;

/**
 * Checks a regular expression against Go's RE2 syntax ({@code regexp.Compile}), as Nomad does
 * for {@code regexp} constraints, and words the first problem as Go does:
 * {@code error parsing regexp: missing closing ): `(a`}. Java's own syntax differs both ways
 * (it accepts look-arounds and back-references RE2 refuses), so it cannot be the judge. The check
 * covers grouping, flags and named groups, classes, repetition and escapes; it does not compile.
 */
final class RegexpSyntax {
    private static final Set<String> UNICODE_CLASSES = Set.of(
            "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc", "Pd",
            "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf",
            "Co", "Cs", "Any", "Latin", "Greek", "Cyrillic", "Han", "Arabic", "Hebrew", "Hiragana", "Katakana",
            "Hangul", "Thai", "Armenian", "Georgian", "Devanagari", "Common", "Inherited");
    private static final Set<String> ASCII_CLASSES = Set.of(
            "alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space",
            "upper", "word", "xdigit");

    private final String re;
    private int pos;

    private RegexpSyntax(String re) {
        this.re = re;
    }

    /** Null if Go compiles {@code re}, else Go's error text. */
    static String check(String re) {
        try {
            new RegexpSyntax(re).parse();
            return null;
        } catch (Problem p) {
            return "error parsing regexp: " + p.getMessage();
        }
    }

    private static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String code, String expr) {
            super(code + ": `" + expr + "`");
        }
    }

    private void parse() throws Problem {
        int depth = 0;
        boolean operand = false;
        int lastRepeat = -1;
        while (pos < re.length()) {
            int start = pos;
            char c = re.charAt(pos);
            int repeatStart = -1;
            switch (c) {
                case '(' -> {
                    if (re.startsWith("(?", pos)) {
                        if (groupFlags()) {
                            // A flags-only group like (?i) sets flags and opens nothing.
                            lastRepeat = -1;
                            continue;
                        }
                    } else {
                        pos++;
                    }
                    depth++;
                    operand = false;
                }
                case '|' -> {
                    pos++;
                    operand = false;
                }
                case ')' -> {
                    if (depth == 0) {
                        throw new Problem("unexpected )", re);
                    }
                    depth--;
                    pos++;
                    operand = true;
                }
                case '[' -> {
                    charClass();
                    operand = true;
                }
                case '*', '+', '?' -> {
                    pos++;
                    repeatStart = start;
                }
                case '{' -> {
                    int end = repeatCount();
                    if (end < 0) {
                        pos++;
                        operand = true;
                    } else {
                        pos = end;
                        repeatStart = start;
                    }
                }
                case '\\' -> {
                    escape();
                    operand = true;
                }
                default -> {
                    pos += Character.charCount(re.codePointAt(pos));
                    operand = true;
                }
            }
            if (repeatStart >= 0) {
                if (pos < re.length() && re.charAt(pos) == '?') {
                    pos++;
                }
                if (lastRepeat >= 0) {
                    throw new Problem("invalid nested repetition operator", re.substring(lastRepeat, pos));
                }
                if (!operand) {
                    throw new Problem("missing argument to repetition operator", re.substring(repeatStart, pos));
                }
                lastRepeat = repeatStart;
            } else {
                lastRepeat = -1;
            }
        }
        if (depth > 0) {
            throw new Problem("missing closing )", re);
        }
    }

    /** Reads {@code (?...}; true for a flags-only group, false when a group was opened. */
    private boolean groupFlags() throws Problem {
        int start = pos;
        if (re.startsWith("(?P<", pos)) {
            int end = re.indexOf('>', pos);
            if (end < 0) {
                throw new Problem("invalid named capture", re.substring(start));
            }
            String name = re.substring(pos + 4, end);
            if (name.isEmpty() || !name.matches("[A-Za-z0-9_]+")) {
                throw new Problem("invalid named capture", re.substring(start, end + 1));
            }
            pos = end + 1;
            return false;
        }
        pos += 2;
        boolean sawFlag = false;
        boolean negated = false;
        while (pos < re.length()) {
            char c = re.charAt(pos++);
            switch (c) {
                case 'i', 'm', 's', 'U' -> sawFlag = true;
                case '-' -> {
                    if (negated) {
                        throw new Problem("invalid or unsupported Perl syntax", re.substring(start, pos));
                    }
                    negated = true;
                    sawFlag = false;
                }
                case ':', ')' -> {
                    if (negated && !sawFlag) {
                        throw new Problem("invalid or unsupported Perl syntax", re.substring(start, pos));
                    }
                    return c == ')';
                }
                default -> throw new Problem("invalid or unsupported Perl syntax", re.substring(start, pos));
            }
        }
        throw new Problem("invalid or unsupported Perl syntax", re.substring(start));
    }

    /** The end of a well-formed {@code {n}}, {@code {n,}} or {@code {n,m}} at pos, or -1 if {@code {} is a literal here. */
    private int repeatCount() throws Problem {
        int i = pos + 1;
        int minStart = i;
        while (i < re.length() && Character.isDigit(re.charAt(i)) && re.charAt(i) < 0x80) {
            i++;
        }
        if (i == minStart || i >= re.length()) {
            return -1;
        }
        String min = re.substring(minStart, i);
        String max = min;
        if (re.charAt(i) == ',') {
            i++;
            int maxStart = i;
            while (i < re.length() && Character.isDigit(re.charAt(i)) && re.charAt(i) < 0x80) {
                i++;
            }
            max = i == maxStart ? null : re.substring(maxStart, i);
        }
        if (i >= re.length() || re.charAt(i) != '}') {
            return -1;
        }
        i++;
        long lo = count(min);
        long hi = max == null ? -1 : count(max);
        if (lo > 1000 || hi > 1000 || (hi >= 0 && lo > hi)) {
            throw new Problem("invalid repeat count", re.substring(pos, i));
        }
        return i;
    }

    private static long count(String digits) {
        return digits.length() > 8 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private void charClass() throws Problem {
        int start = pos;
        pos++;
        if (pos < re.length() && re.charAt(pos) == '^') {
            pos++;
        }
        boolean first = true;
        while (true) {
            if (pos >= re.length()) {
                throw new Problem("missing closing ]", re.substring(start));
            }
            char c = re.charAt(pos);
            if (c == ']' && !first) {
                pos++;
                return;
            }
            first = false;
            if (re.startsWith("[:", pos)) {
                int end = re.indexOf(":]", pos + 2);
                if (end >= 0) {
                    String name = re.substring(pos + 2, end);
                    String bare = name.startsWith("^") ? name.substring(1) : name;
                    if (!ASCII_CLASSES.contains(bare)) {
                        throw new Problem("invalid character class range", re.substring(pos, end + 2));
                    }
                    pos = end + 2;
                    continue;
                }
            }
            int rangeStart = pos;
            int lo = classChar();
            if (pos + 1 < re.length() && re.charAt(pos) == '-' && re.charAt(pos + 1) != ']') {
                pos++;
                int hi = classChar();
                if (hi < lo) {
                    throw new Problem("invalid character class range", re.substring(rangeStart, pos));
                }
            }
        }
    }

    /** One character of a class, escapes included; a Perl or Unicode class counts as -1. */
    private int classChar() throws Problem {
        if (re.charAt(pos) == '\\') {
            return escape();
        }
        int cp = re.codePointAt(pos);
        pos += Character.charCount(cp);
        return cp;
    }

    /** Reads an escape at pos; returns the character it stands for, or -1 for a class or assertion. */
    private int escape() throws Problem {
        int start = pos;
        pos++;
        if (pos >= re.length()) {
            throw new Problem("trailing backslash at end of expression", "");
        }
        int c = re.codePointAt(pos);
        pos += Character.charCount(c);
        switch (c) {
            case '1', '2', '3', '4', '5', '6', '7' -> {
                // A lone digit would be a back-reference, which RE2 does not have; more digits are octal.
                if (pos >= re.length() || re.charAt(pos) < '0' || re.charAt(pos) > '7') {
                    throw new Problem("invalid escape sequence", re.substring(start, pos));
                }
                return octal(start);
            }
            case '0' -> {
                return octal(start);
            }
            case 'x' -> {
                return hexEscape(start);
            }
            case 'a', 'f', 'n', 'r', 't', 'v' -> {
                return "\u0007\f\n\r\t\u000b".charAt("afnrtv".indexOf(c));
            }
            case 'd', 'D', 's', 'S', 'w', 'W', 'A', 'z', 'b', 'B' -> {
                return -1;
            }
            case 'Q' -> {
                int end = re.indexOf("\\E", pos);
                pos = end < 0 ? re.length() : end + 2;
                return -1;
            }
            case 'p', 'P' -> {
                return unicodeClass(start);
            }
            default -> {
                if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                    return c;
                }
                throw new Problem("invalid escape sequence", re.substring(start, pos));
            }
        }
    }

    private int octal(int start) {
        int end = pos;
        while (end < re.length() && end < pos + 2 && re.charAt(end) >= '0' && re.charAt(end) <= '7') {
            end++;
        }
        pos = end;
        return Integer.parseInt(re.substring(start + 1, end), 8);
    }

    private int hexEscape(int start) throws Problem {
        if (pos < re.length() && re.charAt(pos) == '{') {
            int end = re.indexOf('}', pos);
            String digits = end < 0 ? "" : re.substring(pos + 1, end);
            if (end < 0 || digits.isEmpty() || !digits.matches("[0-9A-Fa-f]+") || digits.length() > 8
                    || Long.parseLong(digits, 16) > Character.MAX_CODE_POINT) {
                pos = end < 0 ? re.length() : end + 1;
                throw new Problem("invalid escape sequence", re.substring(start, pos));
            }
            pos = end + 1;
            return Integer.parseInt(digits, 16);
        }
        for (int i = 0; i < 2; i++) {
            if (pos >= re.length() || Character.digit(re.charAt(pos), 16) < 0) {
                pos = Math.min(pos + 1, re.length());
                throw new Problem("invalid escape sequence", re.substring(start, pos));
            }
            pos++;
        }
        return Integer.parseInt(re.substring(pos - 2, pos), 16);
    }

    private int unicodeClass(int start) throws Problem {
        if (pos >= re.length()) {
            throw new Problem("invalid character class range", re.substring(start));
        }
        String name;
        if (re.charAt(pos) == '{') {
            int end = re.indexOf('}', pos);
            if (end < 0) {
                throw new Problem("invalid character class range", re.substring(start));
            }
            name = re.substring(pos + 1, end);
            pos = end + 1;
        } else {
            name = re.substring(pos, pos + 1);
            pos++;
        }
        String bare = name.startsWith("^") ? name.substring(1) : name;
        if (!UNICODE_CLASSES.contains(bare)) {
            throw new Problem("invalid character class range", re.substring(start, pos));
        }
        return -1;
    }
}
