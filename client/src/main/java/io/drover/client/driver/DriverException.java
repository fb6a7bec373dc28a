package io.drover.client.driver;

/** A task could not be started; Nomad's recoverable errors are retried by the restart policy. */
public final class DriverException extends Exception {
    private final boolean recoverable;

    public DriverException(String message, boolean recoverable) {
        super(message);
        this.recoverable = recoverable;
    }

    public DriverException(String message, boolean recoverable, Throwable cause) {
        super(message, cause);
        this.recoverable = recoverable;
    }

    public boolean recoverable() {
        return recoverable;
    }
}
