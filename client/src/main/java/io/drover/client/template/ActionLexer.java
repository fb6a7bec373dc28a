package io.drover.client.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an action's body into {@link Token}s with Go's rules for identifiers, numbers, dots and
 * fields, variables, pipes and parentheses, interpreted ({@code "a\n"}) and raw ({@code `a`})
 * strings. Positions are absolute so errors name the template's line and column.
 */
final class ActionLexer {
    private final String body;
    private final Position start;
    private int i;

    private ActionLexer(String body, Position start) {
        this.body = body;
        this.start = start;
    }

    static List<Token> lex(String body, Position start) throws TemplateException {
        return new ActionLexer(body, start).lex();
    }

    private List<Token> lex() throws TemplateException {
        List<Token> out = new ArrayList<>();
        while (i < body.length()) {
            char c = body.charAt(i);
            int from = i;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (c == '|') {
                i++;
                out.add(token(Token.Kind.PIPE, "|", from));
            } else if (c == '(') {
                i++;
                out.add(token(Token.Kind.LEFT_PAREN, "(", from));
            } else if (c == ')') {
                i++;
                out.add(token(Token.Kind.RIGHT_PAREN, ")", from));
            } else if (c == ',') {
                i++;
                out.add(token(Token.Kind.COMMA, ",", from));
            } else if (c == ':' && i + 1 < body.length() && body.charAt(i + 1) == '=') {
                i += 2;
                out.add(token(Token.Kind.DECLARE, ":=", from));
            } else if (c == '=') {
                i++;
                out.add(token(Token.Kind.ASSIGN, "=", from));
            } else if (c == '"') {
                out.add(token(Token.Kind.STRING, interpreted(), from));
            } else if (c == '`') {
                int end = body.indexOf('`', i + 1);
                if (end < 0) {
                    throw TemplateException.parse(positionAt(from).line(), "unterminated raw quoted string");
                }
                out.add(token(Token.Kind.STRING, body.substring(i + 1, end), from));
                i = end + 1;
            } else if (c == '\'') {
                throw TemplateException.parse(positionAt(from).line(), "character constants are not supported");
            } else if (c == '$') {
                i++;
                out.add(token(Token.Kind.VARIABLE, "$" + word(), from));
            } else if (c == '.' && (i + 1 >= body.length() || !Character.isDigit(body.charAt(i + 1)))) {
                i++;
                String field = word();
                out.add(field.isEmpty() ? token(Token.Kind.DOT, ".", from) : token(Token.Kind.FIELD, "." + field, from));
            } else if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && i + 1 < body.length()
                    && (Character.isDigit(body.charAt(i + 1)) || body.charAt(i + 1) == '.'))) {
                i++;
                while (i < body.length() && (Character.isLetterOrDigit(body.charAt(i)) || body.charAt(i) == '.'
                        || body.charAt(i) == '_')) {
                    i++;
                }
                out.add(token(Token.Kind.NUMBER, body.substring(from, i), from));
            } else if (Character.isLetter(c) || c == '_') {
                out.add(token(Token.Kind.IDENTIFIER, word(), from));
            } else {
                throw TemplateException.parse(positionAt(from).line(), "unexpected \"" + c + "\" in command");
            }
        }
        return out;
    }

    private String word() {
        int from = i;
        while (i < body.length() && (Character.isLetterOrDigit(body.charAt(i)) || body.charAt(i) == '_')) {
            i++;
        }
        return body.substring(from, i);
    }

    /** A double-quoted string with Go's escapes (the scanner already found its closing quote). */
    private String interpreted() throws TemplateException {
        int from = i;
        StringBuilder out = new StringBuilder();
        i++;
        while (i < body.length()) {
            char c = body.charAt(i++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i >= body.length()) {
                break;
            }
            char e = body.charAt(i++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '\\' -> out.append('\\');
                case '"' -> out.append('"');
                case '\'' -> out.append('\'');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000b');
                case 'x', 'u', 'U' -> {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + digits > body.length()) {
                        throw syntax(from);
                    }
                    try {
                        out.appendCodePoint(Integer.parseInt(body.substring(i, i + digits), 16));
                    } catch (IllegalArgumentException x) {
                        throw syntax(from);
                    }
                    i += digits;
                }
                default -> throw syntax(from);
            }
        }
        throw TemplateException.parse(positionAt(from).line(), "unterminated quoted string");
    }

    private TemplateException syntax(int from) {
        return TemplateException.parse(positionAt(from).line(), "invalid syntax in quoted string");
    }

    private Token token(Token.Kind kind, String text, int from) {
        return new Token(kind, text, positionAt(from));
    }

    private Position positionAt(int offset) {
        int line = start.line();
        int lineStart = -1;
        for (int k = 0; k < offset; k++) {
            if (body.charAt(k) == '\n') {
                line++;
                lineStart = k;
            }
        }
        return lineStart < 0 ? new Position(line, start.column() + offset) : new Position(line, offset - lineStart - 1);
    }
}
