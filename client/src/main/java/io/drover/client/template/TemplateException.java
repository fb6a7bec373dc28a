package io.drover.client.template;

/**
 * A template that cannot be parsed or executed. The message reads as Go's text/template
 * reports it, naming the line ({@code template: :3: unexpected EOF}) and, for execution
 * errors, the column and the failing command.
 */
public final class TemplateException extends Exception {
    private static final long serialVersionUID = 1L;

    TemplateException(String message) {
        super(message);
    }

    static TemplateException parse(int line, String problem) {
        return new TemplateException("template: :" + line + ": " + problem);
    }

    static TemplateException exec(Position at, String command, String problem) {
        return new TemplateException("template: :" + at.line() + ":" + at.column() + ": executing \"\" at <" + command
                + ">: " + problem);
    }
}
