package io.drover.model.alloc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;
import io.drover.model.json.GoZero;
import java.util.List;

/**
 * A task's state on its client and the events that led there (Nomad's {@code structs.TaskState}).
 * The three times are RFC 3339 strings, null until they happen (see {@link GoTime}).
 */
public final class TaskState {
    public static final String STATE_PENDING = "pending";
    public static final String STATE_RUNNING = "running";
    public static final String STATE_DEAD = "dead";

    @JsonProperty("State") public String state = "";
    @JsonProperty("Failed") public Boolean failed = false;
    @GoType("uint64") @JsonProperty("Restarts") public Long restarts = 0L;
    @JsonProperty("LastRestart") public String lastRestart;
    @JsonProperty("StartedAt") public String startedAt;
    @JsonProperty("FinishedAt") public String finishedAt;
    @JsonProperty("Events") public List<TaskEvent> events;

    /** Nomad's NewTaskState: pending. */
    public static TaskState pending() {
        TaskState s = new TaskState();
        s.state = STATE_PENDING;
        return s;
    }

    /** Nomad's Canonicalize: a state-less task is pending. */
    public void canonicalize() {
        if (state == null || state.isEmpty()) {
            state = STATE_PENDING;
        }
    }

    /** Nomad's Successful: the task is dead and did not fail. */
    public boolean successful() {
        return STATE_DEAD.equals(state) && !GoZero.bool(failed);
    }
}
