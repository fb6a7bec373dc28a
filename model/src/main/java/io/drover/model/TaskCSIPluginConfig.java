package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;

/** Marks a task as a CSI plugin (Nomad's {@code structs.TaskCSIPluginConfig}); Type is node, controller or monolith. */
public final class TaskCSIPluginConfig {
    @JsonProperty("ID") public String id;
    @GoType("api.CSIPluginType") @JsonProperty("Type") public String type;
    @JsonProperty("MountDir") public String mountDir;
}
