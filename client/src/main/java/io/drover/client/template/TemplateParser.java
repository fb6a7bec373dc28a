package io.drover.client.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link Node} tree from scanned segments, with Go's errors for what does not
 * parse: an unknown function, an {@code end} or {@code else} with nothing open, a missing
 * {@code end} ({@code unexpected EOF}). Functions are resolved here, as Go does, so a template
 * calling something this agent lacks fails before anything is written.
 */
final class TemplateParser {
    private final List<Segment> segments;
    private final TemplateFunctions functions;
    private final int lastLine;
    private int next;

    private TemplateParser(List<Segment> segments, TemplateFunctions functions, int lastLine) {
        this.segments = segments;
        this.functions = functions;
        this.lastLine = lastLine;
    }

    static List<Node> parse(List<Segment> segments, TemplateFunctions functions, int lastLine)
            throws TemplateException {
        TemplateParser p = new TemplateParser(segments, functions, lastLine);
        Block top = p.block(false);
        if (top.closer != null) {
            throw TemplateException.parse(top.closer.get(0).at().line(), "unexpected {{" + top.closer.get(0).text() + "}}");
        }
        return top.nodes;
    }

    /** Nodes up to an {@code else} or {@code end} (its tokens in {@code closer}), or to the end of the template. */
    private record Block(List<Node> nodes, List<Token> closer) {
    }

    private Block block(boolean inControl) throws TemplateException {
        List<Node> nodes = new ArrayList<>();
        while (next < segments.size()) {
            Segment s = segments.get(next++);
            if (s instanceof Segment.Text t) {
                nodes.add(new Node.Text(t.text()));
                continue;
            }
            Segment.Action a = (Segment.Action) s;
            List<Token> tokens = ActionLexer.lex(a.body(), a.at());
            if (tokens.isEmpty()) {
                throw TemplateException.parse(a.at().line(), "missing value for command");
            }
            Token first = tokens.get(0);
            if (first.isKeyword("end") || first.isKeyword("else")) {
                if (!inControl) {
                    throw TemplateException.parse(first.at().line(), "unexpected {{" + first.text() + "}}");
                }
                return new Block(nodes, tokens);
            }
            if (first.isKeyword("if") || first.isKeyword("with")) {
                nodes.add(branch(tokens));
            } else if (first.isKeyword("range")) {
                nodes.add(range(tokens));
            } else if (first.is(Token.Kind.IDENTIFIER) && List.of("define", "template", "block", "break", "continue")
                    .contains(first.text())) {
                throw TemplateException.parse(first.at().line(),
                        "{{" + first.text() + "}} is not supported by this node agent's templates");
            } else {
                nodes.add(new Node.Print(pipeline(tokens, 0, tokens.size())));
            }
        }
        if (inControl) {
            throw TemplateException.parse(lastLine, "unexpected EOF");
        }
        return new Block(nodes, null);
    }

    /** {@code if}/{@code with} from its opening tokens; an {@code else if} closer continues the chain. */
    private Node branch(List<Token> opening) throws TemplateException {
        Node.Pipeline condition = pipeline(opening, 1, opening.size(), opening.get(0));
        Block then = block(true);
        List<Node> otherwise = List.of();
        if (then.closer.get(0).isKeyword("else")) {
            List<Token> elseTokens = then.closer;
            if (elseTokens.size() > 1) {
                Token chained = elseTokens.get(1);
                if (!chained.isKeyword(opening.get(0).text())) {
                    throw TemplateException.parse(chained.at().line(), "unexpected " + quote(chained) + " in else");
                }
                return new Node.Branch(opening.get(0).isKeyword("with"), condition, then.nodes,
                        List.of(branch(elseTokens.subList(1, elseTokens.size()))));
            }
            Block rest = block(true);
            expectEnd(rest.closer);
            otherwise = rest.nodes;
        } else {
            expectEndAlone(then.closer);
        }
        return new Node.Branch(opening.get(0).isKeyword("with"), condition, then.nodes, otherwise);
    }

    private Node range(List<Token> opening) throws TemplateException {
        Node.Pipeline over = pipeline(opening, 1, opening.size(), opening.get(0));
        Block body = block(true);
        List<Node> otherwise = List.of();
        if (body.closer.get(0).isKeyword("else")) {
            if (body.closer.size() > 1) {
                throw TemplateException.parse(body.closer.get(1).at().line(), "unexpected "
                        + quote(body.closer.get(1)) + " in else");
            }
            Block rest = block(true);
            expectEnd(rest.closer);
            otherwise = rest.nodes;
        } else {
            expectEndAlone(body.closer);
        }
        return new Node.Range(over, body.nodes, otherwise);
    }

    private static void expectEnd(List<Token> closer) throws TemplateException {
        if (!closer.get(0).isKeyword("end")) {
            throw TemplateException.parse(closer.get(0).at().line(), "expected end; found {{" + closer.get(0).text() + "}}");
        }
        expectEndAlone(closer);
    }

    private static void expectEndAlone(List<Token> closer) throws TemplateException {
        if (closer.size() > 1) {
            throw TemplateException.parse(closer.get(1).at().line(), "unexpected " + quote(closer.get(1)) + " in end");
        }
    }

    private Node.Pipeline pipeline(List<Token> tokens, int from, int to, Token keyword) throws TemplateException {
        if (from >= to) {
            throw TemplateException.parse(keyword.at().line(), "missing value for " + keyword.text());
        }
        return pipeline(tokens, from, to);
    }

    private Node.Pipeline pipeline(List<Token> tokens, int from, int to) throws TemplateException {
        List<Node.Command> commands = new ArrayList<>();
        int start = from;
        int depth = 0;
        for (int k = from; k <= to; k++) {
            Token t = k < to ? tokens.get(k) : null;
            if (t != null && t.is(Token.Kind.LEFT_PAREN)) {
                depth++;
            } else if (t != null && t.is(Token.Kind.RIGHT_PAREN)) {
                depth--;
            } else if (t == null || (depth == 0 && t.is(Token.Kind.PIPE))) {
                if (start == k) {
                    Token at = t != null ? t : tokens.get(Math.max(from, k - 1));
                    throw TemplateException.parse(at.at().line(), "missing command");
                }
                commands.add(command(tokens, start, k));
                start = k + 1;
            }
        }
        return new Node.Pipeline(commands);
    }

    private Node.Command command(List<Token> tokens, int from, int to) throws TemplateException {
        List<Node.Operand> operands = new ArrayList<>();
        StringBuilder source = new StringBuilder();
        int k = from;
        while (k < to) {
            Token t = tokens.get(k);
            if (source.length() > 0) {
                source.append(' ');
            }
            source.append(t.is(Token.Kind.STRING) ? '"' + t.text() + '"' : t.text());
            switch (t.kind()) {
                case STRING -> operands.add(new Node.Literal(t.text()));
                case NUMBER -> operands.add(new Node.Literal(number(t)));
                case DOT -> operands.add(new Node.Dot());
                case IDENTIFIER -> operands.add(identifier(t));
                case LEFT_PAREN -> {
                    int close = matching(tokens, k, to);
                    operands.add(new Node.Nested(pipeline(tokens, k + 1, close)));
                    for (int m = k + 1; m <= close; m++) {
                        source.append(tokens.get(m).is(Token.Kind.STRING) ? " \"" + tokens.get(m).text() + '"'
                                : tokens.get(m).text());
                    }
                    k = close;
                }
                case VARIABLE, DECLARE, ASSIGN -> throw TemplateException.parse(t.at().line(),
                        "variables are not supported by this node agent's templates");
                case FIELD -> throw TemplateException.parse(t.at().line(), "can't evaluate field " + t.text().substring(1)
                        + ": templates have no data here, read values with env");
                default -> throw TemplateException.parse(t.at().line(), "unexpected " + quote(t) + " in operand");
            }
            k++;
        }
        return new Node.Command(operands, tokens.get(from).at(), source.toString());
    }

    private Node.Operand identifier(Token t) throws TemplateException {
        switch (t.text()) {
            case "true":
                return new Node.Literal(Boolean.TRUE);
            case "false":
                return new Node.Literal(Boolean.FALSE);
            case "nil":
                return new Node.Literal(null);
            default:
                if (functions.unsupported(t.text())) {
                    throw TemplateException.parse(t.at().line(),
                            "function \"" + t.text() + "\" is not supported by this node agent's templates");
                }
                if (!functions.defined(t.text())) {
                    throw TemplateException.parse(t.at().line(), "function \"" + t.text() + "\" not defined");
                }
                return new Node.Call(t.text());
        }
    }

    private static int matching(List<Token> tokens, int open, int to) throws TemplateException {
        int depth = 0;
        for (int k = open; k < to; k++) {
            if (tokens.get(k).is(Token.Kind.LEFT_PAREN)) {
                depth++;
            } else if (tokens.get(k).is(Token.Kind.RIGHT_PAREN) && --depth == 0) {
                return k;
            }
        }
        throw TemplateException.parse(tokens.get(open).at().line(), "unclosed left paren");
    }

    private static Long number(Token t) throws TemplateException {
        String s = t.text();
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseLong(s.substring(2), 16);
            }
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            throw TemplateException.parse(t.at().line(), "bad number syntax: \"" + s + "\"");
        }
    }

    private static String quote(Token t) {
        return "\"" + t.text() + "\"";
    }
}
