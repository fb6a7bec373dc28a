package io.drover.client.task;

import io.drover.model.alloc.TaskEvent;

/**
 * A prestart hook that failed the task's start, in one of Nomad's two ways: the hook returned
 * an error (a Task hook failed event, then the restart policy, which never restarts an
 * unrecoverable error), or it killed the task (the template manager's Killing event with its
 * reason as the display message, marked FailsTask: the task is dead and failed at once).
 */
public final class TaskHookException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean killsTask;

    private TaskHookException(String message, boolean killsTask) {
        super(message);
        this.killsTask = killsTask;
    }

    /** Nomad's emitHookError: the event's message is {@code <hook>: <error>}. */
    public static TaskHookException hookFailed(String hook, String error) {
        return new TaskHookException(hook + ": " + error, false);
    }

    /** The hook kills the task; {@code reason} is what the Killing event displays. */
    public static TaskHookException killed(String reason) {
        return new TaskHookException(reason, true);
    }

    /** Whether the task is dead and failed now, rather than left to its restart policy. */
    public boolean killsTask() {
        return killsTask;
    }

    /** The event recording the failure, for the task runner to emit. */
    public TaskEvent event(long unixNanos) {
        if (killsTask) {
            return new TaskEvent(TaskEvent.KILLING, unixNanos).setDisplayMessage(getMessage()).setFailsTask();
        }
        return new TaskEvent(TaskEvent.HOOK_FAILED, unixNanos).setMessage(getMessage());
    }
}
