package io.drover.scheduler;

/** A scheduler could not finish an evaluation; the worker nacks it so it is delivered again. */
public class SchedulerException extends Exception {
    public SchedulerException(String message) {
        super(message);
    }

    public SchedulerException(String message, Throwable cause) {
        super(message, cause);
    }
}
