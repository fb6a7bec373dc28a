package io.drover.http.routes;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.http.core.GatewayRequest;
import io.drover.http.core.HttpError;
import io.drover.model.Job;
import io.drover.model.json.BodyDecodeException;
import io.drover.model.json.GoJsonDecoder;
import io.drover.model.json.GoStruct;
import io.drover.model.json.GoType;

/**
 * Bodies of the writes other than a job register, as Nomad's structs name their fields, and the
 * one way routes decode a body. Public because the JSON mapping reads their public fields.
 */
public final class RequestBodies {
    private RequestBodies() {
    }

    /**
     * Decodes a request body as Nomad's agent does.
     *
     * @throws HttpError 400 with Go's decoding error when Go would refuse the body
     */
    static <T> T decode(GatewayRequest request, Class<T> type) {
        try {
            return GoJsonDecoder.decode(request.body(), type);
        } catch (BodyDecodeException e) {
            throw HttpError.badRequest(e.getMessage());
        }
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

    /**
     * {@code POST /v1/job/:id/dispatch}: Nomad decodes it straight into the RPC's struct, so the
     * payload is base64 (Go's []byte). {@code IdempotencyToken} is a later Nomad's field.
     */
    @GoStruct(value = "JobDispatchRequest", pkg = "structs")
    public static final class JobDispatch {
        @JsonProperty("JobID") public String jobId;
        @JsonProperty("Payload") public byte[] payload;
        @JsonProperty("Meta") public java.util.Map<String, String> meta;
        @JsonProperty("IdempotencyToken") public String idempotencyToken;
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

    /** {@code POST /v1/job/:id/plan} (Nomad's api.JobPlanRequest). */
    @GoStruct("JobPlanRequest")
    public static final class JobPlan {
        @JsonProperty("Job") public Job job;
        @JsonProperty("Diff") public boolean diff;
        @JsonProperty("PolicyOverride") public boolean policyOverride;
        @JsonProperty("Region") public String region;
        @JsonProperty("Namespace") public String namespace;
        @JsonProperty("SecretID") public String secretId;
    }

    /**
     * {@code POST /v1/job/:id/scale}: Nomad 0.11.3's api.ScalingRequest ({@code Message}, and
     * {@code Error} a bool), or the form its docs give ({@code Reason}, and {@code Error} a string);
     * {@link ScalingEventText} reads either. {@code Error} is a Go {@code interface{}} here so that
     * both decode.
     */
    @GoStruct("ScalingRequest")
    public static final class JobScale {
        @GoType("int64") @JsonProperty("Count") public Long count;
        @JsonProperty("Target") public java.util.Map<String, String> target;
        @JsonProperty("Message") public String message;
        @JsonProperty("Reason") public String reason;
        @JsonProperty("Error") public Object error;
        @JsonProperty("Meta") public java.util.Map<String, Object> meta;
        @JsonProperty("Region") public String region;
        @JsonProperty("Namespace") public String namespace;
        @JsonProperty("SecretID") public String secretId;
        @JsonProperty("PolicyOverride") public boolean policyOverride;
    }

    /** {@code POST /v1/node/:id/eligibility} (Nomad decodes it straight into the RPC's struct). */
    @GoStruct(value = "NodeUpdateEligibilityRequest", pkg = "structs")
    public static final class NodeEligibility {
        @JsonProperty("NodeID") public String nodeId;
        @JsonProperty("Eligibility") public String eligibility;
    }

    /** {@code POST /v1/node/:id/drain} (Nomad's api.NodeUpdateDrainRequest); a null spec stops draining. */
    @GoStruct("NodeUpdateDrainRequest")
    public static final class NodeDrain {
        @JsonProperty("NodeID") public String nodeId;
        @JsonProperty("DrainSpec") public DrainSpec drainSpec;
        @JsonProperty("MarkEligible") public boolean markEligible;
    }

    /** What the operator asks of a drain: a deadline (negative: force now; 0: none) and whether system jobs stay. */
    @GoStruct("DrainSpec")
    public static final class DrainSpec {
        @GoType("time.Duration") @JsonProperty("Deadline") public long deadline;
        @JsonProperty("IgnoreSystemJobs") public boolean ignoreSystemJobs;
    }
}
