package io.drover.client.driver;

/**
 * How a task ended (Nomad's {@code drivers.ExitResult}).
 *
 * @param exitCode the exit code; for a task killed by a signal, 128 + the signal, as Nomad's executor reports it
 * @param signal the signal the task died of, 0 if it exited by itself
 * @param error what went wrong waiting on it, "" for nothing
 * @param oomKilled whether the kernel killed it for using more memory than its limit
 */
public record ExitResult(int exitCode, int signal, String error, boolean oomKilled) {
    public ExitResult {
        error = error == null ? "" : error;
    }

    /** A task the memory limit did not end (every driver without one). */
    public ExitResult(int exitCode, int signal, String error) {
        this(exitCode, signal, error, false);
    }

    /** Nomad's Successful: exit code 0, no signal, no error. */
    public boolean successful() {
        return exitCode == 0 && signal == 0 && error.isEmpty();
    }
}
