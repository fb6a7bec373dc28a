package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code POST /v1/jobs} and {@code POST /v1/job/:id} (Nomad's api.JobRegisterRequest). */
public final class JobRegisterBody {
    @JsonProperty("Job") public Job job;
    @JsonProperty("EnforceIndex") public Boolean enforceIndex;
    @JsonProperty("JobModifyIndex") public Long jobModifyIndex;
    @JsonProperty("PolicyOverride") public Boolean policyOverride;
}
