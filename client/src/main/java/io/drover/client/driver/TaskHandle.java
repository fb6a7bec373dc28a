package io.drover.client.driver;

import java.util.concurrent.CompletableFuture;

/** A started task. */
public interface TaskHandle {
    /** Completes once, when the task has ended; on any thread. */
    CompletableFuture<ExitResult> exited();

    /**
     * Asks the task to stop: {@code signal} (a name such as {@code SIGINT}) now, and a forced
     * kill if it is still there after {@code timeoutNanos}. {@link #exited()} completes when it
     * is gone.
     */
    void kill(String signal, long timeoutNanos);

    /** Ends the task at once without waiting, e.g. when the node agent shuts down. */
    void destroy();

    /**
     * Stops watching the task but leaves it running, for the next agent to re-attach to: its
     * output stays where that agent will read it, and {@link #exited()} is not completed by
     * this agent any more.
     */
    default void detach() {
    }

    /** The task's process, for re-attaching after an agent restart; 0 when it has none of its own. */
    default long pid() {
        return 0;
    }

    /** When that process started (ms since the epoch), 0 when unknown. */
    default long pidStartMillis() {
        return 0;
    }
}
