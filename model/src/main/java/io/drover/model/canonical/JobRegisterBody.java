package io.drover.model.canonical;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.Job;
import io.drover.model.json.GoStruct;
import io.drover.model.json.GoType;

/**
 * The body of {@code POST /v1/jobs} and {@code POST /v1/job/:id} (Nomad's
 * {@code api.JobRegisterRequest}). Region, Namespace and SecretID come from the embedded
 * {@code WriteRequest}, whose fields Go promotes to the top level of the body; a non-empty Region
 * here overrides the job's own.
 */
@GoStruct("JobRegisterRequest")
public final class JobRegisterBody {
    @JsonProperty("Job") public Job job;
    @JsonProperty("EnforceIndex") public Boolean enforceIndex;
    @GoType("uint64") @JsonProperty("JobModifyIndex") public Long jobModifyIndex;
    @JsonProperty("PolicyOverride") public Boolean policyOverride;
    /** From later Nomad versions: keep the counts of the groups the job already has. */
    @JsonProperty("PreserveCounts") public Boolean preserveCounts;
    @JsonProperty("Region") public String region;
    @JsonProperty("Namespace") public String namespace;
    @JsonProperty("SecretID") public String secretId;
}
