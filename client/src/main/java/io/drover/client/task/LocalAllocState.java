package io.drover.client.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.TaskState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a node agent keeps of one allocation in its data dir so that, after the agent itself
 * restarts, it can take the allocation up again without the servers: the allocation as last
 * received (its job included) and, per task, its state, the process it runs and how many
 * restarts it has used (Nomad's client state database holds the same, per alloc and task).
 */
public final class LocalAllocState {
    @JsonProperty("Alloc") public Allocation alloc;
    @JsonProperty("Tasks") public Map<String, LocalTaskState> tasks = new LinkedHashMap<>();

    /**
     * One task: its reported state, while it runs the process to re-attach to, and how much of
     * its restart policy it has used (Nomad keeps its restart tracker's count the same way).
     */
    public static final class LocalTaskState {
        @JsonProperty("State") public TaskState state;
        /** The task's process, 0 when none runs. */
        @JsonProperty("Pid") public long pid;
        /** When that process started (ms since the epoch), to tell it from a later process reusing its pid. */
        @JsonProperty("PidStartMillis") public long pidStartMillis;
        /** Ends counted against the restart policy in the current interval. */
        @JsonProperty("RestartCount") public int restartCount;
        /** When that interval began (unix ns); null in state saved before it was kept. */
        @JsonProperty("RestartIntervalStart") public Long restartIntervalStart;
        /** Prestart hooks whose work is done for good (artifacts fetched), not to be redone after a restart. */
        @JsonProperty("HooksDone") public List<String> hooksDone;
    }
}
