package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoStruct;

/** When a task runs relative to the main tasks (Nomad's {@code structs.TaskLifecycleConfig}, {@code api.TaskLifecycle}). */
@GoStruct("TaskLifecycle")
public final class TaskLifecycleConfig {
    public static final String HOOK_PRESTART = "prestart";

    @JsonProperty("Hook") public String hook;
    @JsonProperty("Sidecar") public Boolean sidecar;
}
