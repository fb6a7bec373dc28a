package io.drover.client.driver;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a driver built on {@link RawExecDriver}'s processes ({@link ExecDriver}) puts around
 * each task: prepared before the process starts (a cgroup, say), the commands the task's
 * command runs under, and what is undone once the process has ended.
 */
interface TaskLauncher {
    /** raw_exec: the task's command alone, nothing to undo. */
    TaskLauncher NONE = spec -> Launch.DIRECT;

    /**
     * Prepares one start of a task.
     *
     * @throws DriverException when the task cannot be started this way
     */
    Launch prepare(TaskSpec spec) throws DriverException;

    /**
     * What is left to undo for a task's process that a previous run of the agent started and
     * this one re-attached to (still running): its {@link Launch#ended} is called when it ends.
     */
    default Launch reattached(long pid) {
        return Launch.DIRECT;
    }

    /** One prepared start of a task. */
    interface Launch {
        Launch DIRECT = new Launch() {
            @Override
            public List<String> prefix() {
                return List.of();
            }

            @Override
            public CompletableFuture<ExitResult> ended(ExitResult result) {
                return CompletableFuture.completedFuture(result);
            }
        };

        /**
         * The command and options put before the task's command (after {@code setsid}), which
         * must exec or wait for it and exit with its status.
         */
        List<String> prefix();

        /**
         * Called once, after the task's process has exited (or failed to start): releases what
         * {@link TaskLauncher#prepare} made and completes with the result to report, which may
         * say more than the exit status (that the memory limit killed it).
         */
        CompletableFuture<ExitResult> ended(ExitResult result);
    }
}
