package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;
import java.util.List;
import java.util.Map;

/**
 * A single unit of work run by a driver (Nomad's {@code structs.Task}, decoded as
 * {@code api.Task}), fields in Nomad's JSON order. {@link #config} is the driver's free-form
 * configuration and is kept as decoded. After canonicalization Resources, RestartPolicy,
 * KillTimeout and LogConfig are set and every Go value field is non-null.
 */
public final class Task {
    @JsonProperty("Name") public String name;
    @JsonProperty("Driver") public String driver;
    @JsonProperty("User") public String user;
    @JsonProperty("Config") public Map<String, Object> config;
    @JsonProperty("Env") public Map<String, String> env;
    @JsonProperty("Services") public List<Service> services;
    @JsonProperty("Vault") public Vault vault;
    @JsonProperty("Templates") public List<Template> templates;
    @JsonProperty("Constraints") public List<Constraint> constraints;
    @JsonProperty("Affinities") public List<Affinity> affinities;
    @JsonProperty("Resources") public Resources resources;
    @JsonProperty("RestartPolicy") public RestartPolicy restartPolicy;
    @JsonProperty("DispatchPayload") public DispatchPayloadConfig dispatchPayload;
    @JsonProperty("Lifecycle") public TaskLifecycleConfig lifecycle;
    @JsonProperty("Meta") public Map<String, String> meta;
    @GoType("time.Duration") @JsonProperty("KillTimeout") public Long killTimeout;
    @JsonProperty("LogConfig") public LogConfig logConfig;
    @JsonProperty("Artifacts") public List<TaskArtifact> artifacts;
    @JsonProperty("Leader") public Boolean leader;
    @GoType("time.Duration") @JsonProperty("ShutdownDelay") public Long shutdownDelay;
    @JsonProperty("VolumeMounts") public List<VolumeMount> volumeMounts;
    @JsonProperty("KillSignal") public String killSignal;
    /** Nomad's TaskKind: {@code connect-proxy:<service>} for Consul Connect sidecars, else empty. */
    @JsonProperty("Kind") public String kind;
    @JsonProperty("CSIPluginConfig") public TaskCSIPluginConfig csiPluginConfig;
}
