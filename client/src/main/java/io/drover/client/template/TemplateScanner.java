package io.drover.client.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a template into text and actions as Go's text/template lexer does: an action runs
 * from the left delimiter to the next right delimiter outside a quoted string; a left trim
 * marker (the delimiter, "-", a space) removes the whitespace before the action and a right one
 * (a space, "-", the delimiter) the whitespace after it; the marker needs the space, so
 * <code>&#123;&#123;-3&#125;&#125;</code> prints the number -3. A comment must fill its whole
 * action and produces nothing.
 */
final class TemplateScanner {
    private final String src;
    private final String left;
    private final String right;
    private int pos;

    private TemplateScanner(String src, String left, String right) {
        this.src = src;
        this.left = left;
        this.right = right;
    }

    static List<Segment> scan(String src, String left, String right) throws TemplateException {
        return new TemplateScanner(src, left, right).scan();
    }

    private List<Segment> scan() throws TemplateException {
        List<Segment> out = new ArrayList<>();
        boolean trimNext = false;
        while (pos <= src.length()) {
            int open = src.indexOf(left, pos);
            String text = src.substring(pos, open < 0 ? src.length() : open);
            if (trimNext) {
                text = stripLeading(text);
            }
            if (open < 0) {
                addText(out, text);
                break;
            }
            int bodyStart = open + left.length();
            boolean trimBefore = hasLeftTrim(bodyStart);
            if (trimBefore) {
                text = stripTrailing(text);
                bodyStart += 2;
            }
            addText(out, text);
            int close = findClose(bodyStart, lineOf(open));
            int bodyEnd = close;
            trimNext = hasRightTrim(bodyStart, close);
            if (trimNext) {
                bodyEnd -= 2;
            }
            String body = src.substring(bodyStart, bodyEnd);
            if (!isComment(body, bodyStart)) {
                out.add(new Segment.Action(body, positionOf(bodyStart)));
            }
            pos = close + right.length();
        }
        return out;
    }

    private static void addText(List<Segment> out, String text) {
        if (!text.isEmpty()) {
            out.add(new Segment.Text(text));
        }
    }

    private boolean hasLeftTrim(int at) {
        return at + 1 < src.length() && src.charAt(at) == '-' && isSpace(src.charAt(at + 1));
    }

    private boolean hasRightTrim(int bodyStart, int close) {
        return close - 2 >= bodyStart && src.charAt(close - 1) == '-' && isSpace(src.charAt(close - 2));
    }

    /** A comment must open the action and close right before its end (or its trim marker). */
    private boolean isComment(String body, int bodyStart) throws TemplateException {
        if (!body.startsWith("/*")) {
            return false;
        }
        if (!body.endsWith("*/") || body.length() < 4) {
            throw TemplateException.parse(lineOf(bodyStart), "comment ends before closing delimiter");
        }
        return true;
    }

    /** The right delimiter that ends the action, skipping over quoted strings and comments inside it. */
    private int findClose(int from, int openLine) throws TemplateException {
        int i = from;
        if (src.startsWith("/*", i)) {
            int end = src.indexOf("*/", i + 2);
            if (end < 0) {
                throw TemplateException.parse(openLine, "unclosed comment");
            }
            i = end + 2;
        }
        while (i < src.length()) {
            if (src.startsWith(right, i)) {
                return i;
            }
            char c = src.charAt(i);
            if (c == '"' || c == '`' || c == '\'') {
                i = skipQuoted(i, c);
                continue;
            }
            i++;
        }
        throw TemplateException.parse(openLine, "unclosed action");
    }

    private int skipQuoted(int at, char quote) throws TemplateException {
        int i = at + 1;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == quote) {
                return i + 1;
            }
            if (quote != '`' && c == '\\') {
                i += 2;
                continue;
            }
            if (quote != '`' && c == '\n') {
                break;
            }
            i++;
        }
        String what = quote == '`' ? "unterminated raw quoted string"
                : quote == '"' ? "unterminated quoted string" : "unterminated character constant";
        throw TemplateException.parse(lineOf(at), what);
    }

    private int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < src.length(); i++) {
            if (src.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private Position positionOf(int offset) {
        int lineStart = src.lastIndexOf('\n', offset - 1) + 1;
        return new Position(lineOf(offset), offset - lineStart);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static String stripLeading(String s) {
        int start = 0;
        while (start < s.length() && isSpace(s.charAt(start))) {
            start++;
        }
        return s.substring(start);
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
