package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.NomadJson;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counts of a job's allocations per task group, and of a parent job's children. */
public final class JobSummary {
    @JsonProperty("JobID") public String jobId;
    @JsonProperty("Namespace") public String namespace;
    @JsonProperty("Summary") public Map<String, TaskGroupSummary> summary = new LinkedHashMap<>();
    @JsonProperty("Children") public JobChildrenSummary children = new JobChildrenSummary();
    @JsonProperty("CreateIndex") public long createIndex;
    @JsonProperty("ModifyIndex") public long modifyIndex;

    public JobSummary copy() {
        return NomadJson.copy(this, JobSummary.class);
    }

    /** Allocation counts of one task group. */
    public static final class TaskGroupSummary {
        @JsonProperty("Queued") public int queued;
        @JsonProperty("Complete") public int complete;
        @JsonProperty("Failed") public int failed;
        @JsonProperty("Running") public int running;
        @JsonProperty("Starting") public int starting;
        @JsonProperty("Lost") public int lost;
    }

    /** Counts of a periodic or parameterized job's children by status. */
    public static final class JobChildrenSummary {
        @JsonProperty("Pending") public long pending;
        @JsonProperty("Running") public long running;
        @JsonProperty("Dead") public long dead;
    }
}
