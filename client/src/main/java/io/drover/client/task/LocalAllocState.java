package io.drover.client.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.Allocation;
import io.drover.model.TaskState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a node agent keeps of one allocation in its data dir so that, after the agent itself
 * restarts, it can take the allocation up again without the servers: the allocation as last
 * received (its job included) and, per task, its state and the process it runs (Nomad's client
 * state database holds the same, per alloc and task).
 */
public final class LocalAllocState {
    @JsonProperty("Alloc") public Allocation alloc;
    @JsonProperty("Tasks") public Map<String, LocalTaskState> tasks = new LinkedHashMap<>();

    /** One task: its reported state and, while it runs, the process to re-attach to. */
    public static final class LocalTaskState {
        @JsonProperty("State") public TaskState state;
        /** The task's process, 0 when none runs. */
        @JsonProperty("Pid") public long pid;
        /** When that process started (ms since the epoch), to tell it from a later process reusing its pid. */
        @JsonProperty("PidStartMillis") public long pidStartMillis;
    }
}
