package io.drover.server.config;

/** A configuration that cannot be run, with a message that says what to change. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
