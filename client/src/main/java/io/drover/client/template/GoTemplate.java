package io.drover.client.template;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A Nomad {@code template} stanza's text in the subset of Go's text/template that needs neither
 * Consul nor Vault: text, {@code {{ pipeline }}} with string, number and boolean literals,
 * parentheses and {@code |}, the functions of {@link TemplateFunctions}, {@code if}/{@code else
 * if}/{@code else}, {@code with}, {@code range} over lists, comments, and the trim markers
 * <code>&#123;&#123;- </code> and <code> -&#125;&#125;</code>. Variables, fields, {@code define} and {@code template} are
 * refused with a parse error naming the line.
 *
 * <p>Parsing checks the whole template (functions included) before anything is rendered, so a
 * template that cannot work fails at once, as consul-template's parse step does.
 */
public final class GoTemplate {
    private final List<Segment> segments;
    private final int lastLine;

    private GoTemplate(List<Segment> segments, int lastLine) {
        this.segments = segments;
        this.lastLine = lastLine;
    }

    /**
     * @param leftDelim the action's opening delimiter, <code>&#123;&#123;</code> when null or empty (Go's default)
     * @param rightDelim the closing delimiter, <code>&#125;&#125;</code> when null or empty
     */
    public static GoTemplate parse(String text, String leftDelim, String rightDelim) throws TemplateException {
        Objects.requireNonNull(text, "text");
        String left = leftDelim == null || leftDelim.isEmpty() ? "{{" : leftDelim;
        String right = rightDelim == null || rightDelim.isEmpty() ? "}}" : rightDelim;
        List<Segment> segments = TemplateScanner.scan(text, left, right);
        GoTemplate t = new GoTemplate(segments, (int) text.chars().filter(c -> c == '\n').count() + 1);
        t.nodes(new TemplateFunctions(name -> ""));
        return t;
    }

    /**
     * Renders the template.
     *
     * @param env what {@code env "NAME"} returns: the task's variables and the node's attributes;
     *     null for a name it does not know (rendered as empty)
     */
    public String execute(Function<String, String> env) throws TemplateException {
        TemplateFunctions functions = new TemplateFunctions(env);
        return TemplateEvaluator.execute(nodes(functions), functions);
    }

    private List<Node> nodes(TemplateFunctions functions) throws TemplateException {
        return TemplateParser.parse(segments, functions, lastLine);
    }
}
