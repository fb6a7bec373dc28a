package io.drover.model.version;

/**
 * A version or constraint go-version refuses, with its error text ({@code Malformed constraint: x},
 * {@code Malformed version: x}, {@code Error parsing version: ...}). An answer for the validator to
 * report, not a failure, so it carries no stack trace.
 */
final class MalformedVersionException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedVersionException(String message) {
        super(message, null, false, false);
    }
}
