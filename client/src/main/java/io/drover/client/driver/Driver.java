package io.drover.client.driver;

/**
 * A task driver, as Nomad's driver plugins: starts a task from its spec and hands back a
 * handle to wait on and to stop it. Drivers hold no per-task state beyond their handles.
 */
public interface Driver {
    /** The name jobs use in a task's {@code driver} (e.g. {@code raw_exec}). */
    String name();

    /** Whether this host lets the driver start tasks; fixed for the life of the agent. */
    default DriverHealth health() {
        return DriverHealth.HEALTHY;
    }

    /** What the driver's tasks see of the file system; their environment is built to match. */
    default FSIsolation fsIsolation() {
        return FSIsolation.NONE;
    }

    /**
     * Starts the task.
     *
     * @throws DriverException when it cannot start; {@link DriverException#recoverable()} says
     *     whether trying again may help
     */
    TaskHandle start(TaskSpec spec) throws DriverException;

    /**
     * Takes up a task a previous run of the agent started, from its process as
     * {@link TaskHandle#pid()} and {@link TaskHandle#pidStartMillis()} described it: its output
     * is read again, and its end reported as it would have been to the agent that started it.
     *
     * @param spec the task as it was started
     * @return its handle (already exited, when the process ended while no agent watched but
     *     left its exit status), or null when that process is gone (or its pid now names
     *     another) and nothing says how it ended
     */
    default TaskHandle reattach(TaskSpec spec, long pid, long pidStartMillis) {
        return null;
    }
}
