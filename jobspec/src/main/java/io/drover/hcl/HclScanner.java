package io.drover.hcl;

import io.drover.hcl.HclToken.Kind;

/**
 * Splits an HCL1 source into tokens, skipping whitespace and the three comment styles
 * ({@code #}, {@code //}, {@code /* *}{@code /}). Strings keep {@code ${...}} interpolations
 * verbatim (Nomad interpolates them later, at run time), quotes inside them included.
 */
final class HclScanner {
    private final String src;
    private int offset;
    private int line = 1;
    private int column = 1;

    HclScanner(String src) {
        this.src = src;
    }

    HclToken next() throws HclSyntaxException {
        skipSpaceAndComments();
        int start = offset;
        HclToken t = token();
        return new HclToken(t.kind(), t.text(), t.pos(), src.substring(start, offset), start);
    }

    private HclToken token() throws HclSyntaxException {
        HclPos pos = pos();
        if (offset >= src.length()) {
            return new HclToken(Kind.EOF, "", pos);
        }
        char c = peek();
        switch (c) {
            case '{': advance(); return new HclToken(Kind.LBRACE, "{", pos);
            case '}': advance(); return new HclToken(Kind.RBRACE, "}", pos);
            case '[': advance(); return new HclToken(Kind.LBRACK, "[", pos);
            case ']': advance(); return new HclToken(Kind.RBRACK, "]", pos);
            case '=': advance(); return new HclToken(Kind.ASSIGN, "=", pos);
            case ',': advance(); return new HclToken(Kind.COMMA, ",", pos);
            case '"': return string(pos);
            default:
                break;
        }
        if (c == '<' && src.startsWith("<<", offset)) {
            return heredoc(pos);
        }
        boolean digitNext = offset + 1 < src.length() && Character.isDigit(src.charAt(offset + 1));
        // As HCL1, ".5" is a float as much as "0.5" is.
        if (Character.isDigit(c) || ((c == '-' || c == '.') && digitNext)) {
            return number(pos);
        }
        if (isIdentStart(c)) {
            int start = offset;
            while (offset < src.length() && isIdentPart(peek())) {
                advance();
            }
            String text = src.substring(start, offset);
            Kind kind = text.equals("true") || text.equals("false") ? Kind.BOOL : Kind.IDENT;
            return new HclToken(kind, text, pos);
        }
        throw new HclSyntaxException(pos, "illegal char");
    }

    private HclToken number(HclPos pos) {
        int start = offset;
        if (peek() == '-') {
            advance();
        }
        if (src.startsWith("0x", offset) || src.startsWith("0X", offset)) {
            advance();
            advance();
            while (offset < src.length() && Character.digit(peek(), 16) >= 0) {
                advance();
            }
            return new HclToken(Kind.NUMBER, src.substring(start, offset), pos);
        }
        boolean isFloat = false;
        while (offset < src.length() && Character.isDigit(peek())) {
            advance();
        }
        if (offset + 1 < src.length() && peek() == '.' && Character.isDigit(src.charAt(offset + 1))) {
            isFloat = true;
            advance();
            while (offset < src.length() && Character.isDigit(peek())) {
                advance();
            }
        }
        if (offset < src.length() && (peek() == 'e' || peek() == 'E')) {
            isFloat = true;
            advance();
            if (offset < src.length() && (peek() == '+' || peek() == '-')) {
                advance();
            }
            while (offset < src.length() && Character.isDigit(peek())) {
                advance();
            }
        }
        return new HclToken(isFloat ? Kind.FLOAT : Kind.NUMBER, src.substring(start, offset), pos);
    }

    private HclToken string(HclPos pos) throws HclSyntaxException {
        advance(); // opening quote
        StringBuilder out = new StringBuilder();
        int braces = 0;
        while (true) {
            if (offset >= src.length()) {
                throw new HclSyntaxException(pos, "literal not terminated");
            }
            char c = advance();
            if (c == '\n' && braces == 0) {
                throw new HclSyntaxException(pos, "literal not terminated");
            }
            if (c == '"' && braces == 0) {
                return new HclToken(Kind.STRING, out.toString(), pos);
            }
            if (c == '$' && offset < src.length() && peek() == '{') {
                braces++;
                out.append(c).append(advance());
                continue;
            }
            if (braces > 0 && c == '{') {
                braces++;
            } else if (braces > 0 && c == '}') {
                braces--;
            }
            if (c == '\\' && offset < src.length()) {
                out.append(escape(pos));
                continue;
            }
            out.append(c);
        }
    }

    private String escape(HclPos pos) throws HclSyntaxException {
        char e = advance();
        switch (e) {
            case 'n': return "\n";
            case 't': return "\t";
            case 'r': return "\r";
            case 'a': return "\u0007";
            case 'b': return "\b";
            case 'f': return "\f";
            case 'v': return "\u000b";
            case '\\': return "\\";
            case '"': return "\"";
            case 'u':
            case 'U': {
                int n = e == 'u' ? 4 : 8;
                if (offset + n > src.length()) {
                    throw new HclSyntaxException(pos, "illegal char escape");
                }
                String hex = src.substring(offset, offset + n);
                for (int i = 0; i < n; i++) {
                    advance();
                }
                try {
                    return new String(Character.toChars(Integer.parseInt(hex, 16)));
                } catch (IllegalArgumentException ex) {
                    throw new HclSyntaxException(pos, "illegal char escape");
                }
            }
            default:
                // Kept as written: HCL1 leaves unknown escapes such as "\$" or "\d" to the reader.
                return "\\" + e;
        }
    }

    private HclToken heredoc(HclPos pos) throws HclSyntaxException {
        advance();
        advance();
        boolean indented = offset < src.length() && peek() == '-';
        if (indented) {
            advance();
        }
        int start = offset;
        while (offset < src.length() && isIdentPart(peek())) {
            advance();
        }
        String anchor = src.substring(start, offset);
        if (anchor.isEmpty() || offset >= src.length() || (peek() != '\n' && peek() != '\r')) {
            throw new HclSyntaxException(pos, "heredoc expected identifier followed by a newline");
        }
        if (peek() == '\r') {
            advance();
        }
        advance();
        StringBuilder body = new StringBuilder();
        while (offset < src.length()) {
            int end = src.indexOf('\n', offset);
            String lineText = end < 0 ? src.substring(offset) : src.substring(offset, end + 1);
            String bare = lineText.strip();
            if (bare.equals(anchor)) {
                for (int i = 0; i < lineText.length() && !lineText.substring(i).startsWith(anchor); i++) {
                    advance();
                }
                for (int i = 0; i < anchor.length(); i++) {
                    advance();
                }
                String indent = lineText.substring(0, lineText.indexOf(anchor));
                // HCL1 accepts an indented closing marker either way; without "-" its indentation
                // stays in the text.
                String text = indented ? unindent(body.toString(), indent) : body + indent;
                return new HclToken(Kind.HEREDOC, text, pos);
            }
            body.append(lineText);
            for (int i = 0; i < lineText.length(); i++) {
                advance();
            }
        }
        throw new HclSyntaxException(pos, "heredoc not terminated");
    }

    /**
     * {@code <<-EOF}: as HCL1, every line loses the closing marker's indentation, provided every
     * line has it; otherwise the text is kept as written.
     */
    private static String unindent(String body, String indent) {
        String[] lines = body.split("\n", -1);
        // The body ends with a newline: its last "line" is the empty rest.
        for (int i = 0; i < lines.length - 1; i++) {
            if (!lines[i].startsWith(indent)) {
                return body;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length - 1; i++) {
            out.append(lines[i].substring(indent.length())).append('\n');
        }
        return out.toString();
    }

    private void skipSpaceAndComments() throws HclSyntaxException {
        while (offset < src.length()) {
            char c = peek();
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                advance();
            } else if (c == '#' || src.startsWith("//", offset)) {
                while (offset < src.length() && peek() != '\n') {
                    advance();
                }
            } else if (src.startsWith("/*", offset)) {
                HclPos start = pos();
                int end = src.indexOf("*/", offset + 2);
                if (end < 0) {
                    throw new HclSyntaxException(start, "comment not terminated");
                }
                while (offset < end + 2) {
                    advance();
                }
            } else {
                return;
            }
        }
    }

    private static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    private HclPos pos() {
        return new HclPos(line, column);
    }

    private char peek() {
        return src.charAt(offset);
    }

    private char advance() {
        char c = src.charAt(offset++);
        if (c == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
        return c;
    }
}
