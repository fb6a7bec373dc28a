package io.drover.model.connect;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.LogConfig;
import io.drover.model.Resources;
import io.drover.model.json.GoNullable;
import io.drover.model.json.GoType;
import java.util.Map;

/** Overrides for the sidecar task Nomad adds for a Connect service (Nomad's {@code structs.SidecarTask}). */
public final class SidecarTask {
    @JsonProperty("Name") public String name;
    @JsonProperty("Driver") public String driver;
    @JsonProperty("User") public String user;
    @JsonProperty("Config") public Map<String, Object> config;
    @JsonProperty("Env") public Map<String, String> env;
    @JsonProperty("Resources") public Resources resources;
    @JsonProperty("Meta") public Map<String, String> meta;
    @GoNullable @GoType("time.Duration") @JsonProperty("KillTimeout") public Long killTimeout;
    @JsonProperty("LogConfig") public LogConfig logConfig;
    @GoNullable @GoType("time.Duration") @JsonProperty("ShutdownDelay") public Long shutdownDelay;
    @JsonProperty("KillSignal") public String killSignal;
}
