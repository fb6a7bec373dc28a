package io.drover.client.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Executes a parsed template as Go's text/template does with no data: dot starts as nil and
 * is set by {@code with} and {@code range}; a command whose first operand is a function calls
 * it with the other operands and, inside a pipeline, the previous command's value last.
 */
final class TemplateEvaluator {
    private final TemplateFunctions functions;
    private final StringBuilder out = new StringBuilder();

    private TemplateEvaluator(TemplateFunctions functions) {
        this.functions = functions;
    }

    static String execute(List<Node> nodes, TemplateFunctions functions) throws TemplateException {
        TemplateEvaluator e = new TemplateEvaluator(functions);
        e.walk(nodes, null);
        return e.out.toString();
    }

    private void walk(List<Node> nodes, Object dot) throws TemplateException {
        for (Node n : nodes) {
            if (n instanceof Node.Text t) {
                out.append(t.text());
            } else if (n instanceof Node.Print p) {
                out.append(TemplateValues.print(pipeline(p.pipeline(), dot)));
            } else if (n instanceof Node.Branch b) {
                Object v = pipeline(b.condition(), dot);
                if (TemplateValues.truth(v)) {
                    walk(b.then(), b.with() ? v : dot);
                } else {
                    walk(b.otherwise(), dot);
                }
            } else if (n instanceof Node.Range r) {
                range(r, dot);
            }
        }
    }

    private void range(Node.Range r, Object dot) throws TemplateException {
        Object v = pipeline(r.over(), dot);
        if (v != null && !(v instanceof List)) {
            Node.Command first = r.over().commands().get(0);
            throw TemplateException.exec(first.at(), first.source(), "range can't iterate over " + TemplateValues.print(v));
        }
        List<?> items = v == null ? List.of() : (List<?>) v;
        if (items.isEmpty()) {
            walk(r.otherwise(), dot);
            return;
        }
        for (Object item : items) {
            walk(r.body(), item);
        }
    }

    private Object pipeline(Node.Pipeline p, Object dot) throws TemplateException {
        Object value = null;
        boolean piped = false;
        for (Node.Command c : p.commands()) {
            value = command(c, dot, piped, value);
            piped = true;
        }
        return value;
    }

    private Object command(Node.Command c, Object dot, boolean piped, Object previous) throws TemplateException {
        Node.Operand head = c.operands().get(0);
        if (head instanceof Node.Call call) {
            List<Object> args = new ArrayList<>();
            for (Node.Operand o : c.operands().subList(1, c.operands().size())) {
                args.add(operand(o, c, dot));
            }
            if (piped) {
                args.add(previous);
            }
            return call(call.function(), args, c);
        }
        if (c.operands().size() > 1 || piped) {
            throw TemplateException.exec(c.at(), c.source(), "can't give argument to non-function " + c.source());
        }
        return operand(head, c, dot);
    }

    private Object operand(Node.Operand o, Node.Command c, Object dot) throws TemplateException {
        if (o instanceof Node.Literal l) {
            return l.value();
        }
        if (o instanceof Node.Dot) {
            return dot;
        }
        if (o instanceof Node.Nested n) {
            return pipeline(n.pipeline(), dot);
        }
        return call(((Node.Call) o).function(), List.of(), c);
    }

    private Object call(String name, List<Object> args, Node.Command c) throws TemplateException {
        TemplateFunctions.Definition f = functions.get(name);
        if (f.arity() >= 0 ? args.size() != f.arity() : args.isEmpty()) {
            throw TemplateException.exec(c.at(), c.source(), "wrong number of args for " + name + ": want "
                    + (f.arity() >= 0 ? f.arity() : "at least 1") + " got " + args.size());
        }
        try {
            return f.body().apply(args);
        } catch (TemplateFunctions.FunctionException e) {
            throw TemplateException.exec(c.at(), c.source(), "error calling " + name + ": " + e.getMessage());
        }
    }
}
