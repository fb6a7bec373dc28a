package io.drover.client.template;

import java.util.List;

/** The parsed form of a template: text, printed pipelines, and the control structures {@code if}, {@code with}, {@code range}. */
sealed interface Node {
    record Text(String text) implements Node {
    }

    /** {@code {{ pipeline }}}: the pipeline's value, printed. */
    record Print(Pipeline pipeline) implements Node {
    }

    /**
     * {@code if} (run {@code then} when the pipeline is true) or {@code with} (the same, with dot
     * set to the value); {@code otherwise} is the else branch, which holds the next branch of an
     * {@code else if} chain.
     */
    record Branch(boolean with, Pipeline condition, List<Node> then, List<Node> otherwise) implements Node {
    }

    /** {@code range}: the body once per element with dot set to it, or {@code otherwise} when there are none. */
    record Range(Pipeline over, List<Node> body, List<Node> otherwise) implements Node {
    }

    /** Commands joined by {@code |}: each command's value is the last argument of the next. */
    record Pipeline(List<Command> commands) {
    }

    /** A function and its arguments, or a single value; {@code source} is how errors show it. */
    record Command(List<Operand> operands, Position at, String source) {
    }

    sealed interface Operand {
    }

    record Literal(Object value) implements Operand {
    }

    record Dot() implements Operand {
    }

    record Call(String function) implements Operand {
    }

    record Nested(Pipeline pipeline) implements Operand {
    }
}
