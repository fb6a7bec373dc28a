package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;
import java.util.Map;

/**
 * The autoscaling bounds of a task group (Nomad's {@code structs.ScalingPolicy}). {@link #policy}
 * is opaque to Nomad and kept as given. A register rebuilds {@link #target} from the job and
 * group; the ID comes from the job's previous version or is new ({@link ScalingPolicyIds}).
 */
public final class ScalingPolicy {
    public static final String TARGET_NAMESPACE = "Namespace";
    public static final String TARGET_JOB = "Job";
    public static final String TARGET_GROUP = "Group";

    @JsonProperty("ID") public String id;
    @JsonProperty("Target") public Map<String, String> target;
    @JsonProperty("Policy") public Map<String, Object> policy;
    @GoType("int64") @JsonProperty("Min") public Long min;
    @GoType("int64") @JsonProperty("Max") public Long max;
    @JsonProperty("Enabled") public Boolean enabled;
    @GoType("uint64") @JsonProperty("CreateIndex") public Long createIndex;
    @GoType("uint64") @JsonProperty("ModifyIndex") public Long modifyIndex;

    /** API only: ignored by Nomad's conversion. */
    @JsonProperty(value = "Namespace", access = JsonProperty.Access.WRITE_ONLY) public String apiNamespace;
}
