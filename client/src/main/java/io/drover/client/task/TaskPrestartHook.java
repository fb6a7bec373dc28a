package io.drover.client.task;

import io.drover.model.alloc.TaskEvent;
import java.util.function.Consumer;

/**
 * Work a {@link TaskRunner} has done before each start of its task, after the task directory
 * is built and before the driver is asked to start it (Nomad's prestart hooks: artifacts,
 * templates). Called on the node's state thread; a hook that blocks (a download) does its work
 * elsewhere and reports back on the state thread. A hook that finished once may report done at
 * once on later starts.
 */
public interface TaskPrestartHook {
    /** How a hook reports back, on the state thread, exactly once per {@link #prestart} unless cancelled. */
    interface Done {
        void succeeded();

        /** The task is not started this time; the restart policy decides what follows, as after a driver failure. */
        void failed(boolean recoverable);
    }

    /** @param emit records a task event (and reports the task's state) */
    void prestart(Consumer<TaskEvent> emit, Done done);

    /** The task is being killed or the node is going away: abandon what is under way and never report it. */
    void cancel();

    /** The hook's name, under which the agent's local state records that it is done. */
    String name();

    /** Whether its work is complete for good (later starts need nothing more of it). */
    default boolean done() {
        return false;
    }

    /** The agent restarted and its local state says this hook was done: later starts skip its work. */
    default void markDone() {
    }
}
