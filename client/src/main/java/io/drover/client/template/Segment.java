package io.drover.client.template;

/** A piece of a scanned template: literal text, or the inside of one action between its delimiters. */
sealed interface Segment {
    /** Text copied to the output as it is (after trim markers took their whitespace). */
    record Text(String text) implements Segment {
    }

    /** An action's body, trim markers and delimiters removed; {@code at} is where the body starts. */
    record Action(String body, Position at) implements Segment {
    }
}
