package io.drover.model.json;

/** A request body that is not valid JSON for its type; the message is what Nomad would answer. */
public final class BodyDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    public BodyDecodeException(String message) {
        super(message);
    }
}
