package io.drover.model.validate;

/**
 * A submitted job that Nomad refuses while preparing it, before validation runs (a register
 * mutator's error, e.g. an exposed check whose service port cannot be found). The message is
 * Nomad's; Nomad answers it with status 500 like a validation failure.
 */
public final class InvalidJobException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidJobException(String message) {
        super(message);
    }
}
