package io.drover.client.driver;

/**
 * How a task ended (Nomad's {@code drivers.ExitResult}).
 *
 * @param exitCode the exit code; for a task killed by a signal, 128 + the signal, as Nomad's executor reports it
 * @param signal the signal the task died of, 0 if it exited by itself
 * @param error what went wrong waiting on it, "" for nothing
 */
public record ExitResult(int exitCode, int signal, String error) {
    public ExitResult {
        error = error == null ? "" : error;
    }

    /** Nomad's Successful: exit code 0, no signal, no error. */
    public boolean successful() {
        return exitCode == 0 && signal == 0 && error.isEmpty();
    }
}
