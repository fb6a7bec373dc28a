package io.drover.http.routes;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Bodies of the job writes that are not a job register, as Nomad's structs name their fields.
 * Public because the JSON mapping reads their public fields.
 */
public final class RequestBodies {
    private RequestBodies() {
    }

    /** {@code POST /v1/job/:id/revert} (Nomad's JobRevertRequest). */
    public static final class JobRevert {
        @JsonProperty("JobID") public String jobId;
        @JsonProperty("JobVersion") public long jobVersion;
        @JsonProperty("EnforcePriorVersion") public Long enforcePriorVersion;
        @JsonProperty("ConsulToken") public String consulToken;
        @JsonProperty("VaultToken") public String vaultToken;
    }

    /** {@code POST /v1/job/:id/stable} (Nomad's JobStabilityRequest). */
    public static final class JobStability {
        @JsonProperty("JobID") public String jobId;
        @JsonProperty("JobVersion") public long jobVersion;
        @JsonProperty("Stable") public boolean stable;
    }

    /** {@code POST /v1/job/:id/evaluate} (Nomad's JobEvaluateRequest). */
    public static final class JobEvaluate {
        @JsonProperty("JobID") public String jobId;
        @JsonProperty("EvalOptions") public EvalOptions evalOptions;
    }

    /** Options of a forced evaluation. */
    public static final class EvalOptions {
        @JsonProperty("ForceReschedule") public boolean forceReschedule;
    }
}
