package io.drover.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.drover.model.json.NomadJson;
import java.util.List;

/**
 * The fields of a stored job that its list stub shows, decoded without the task groups: listing
 * thousands of jobs should not build thousands of full jobs.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class JobHeader {
    @JsonProperty("Stop") public Boolean stop;
    @JsonProperty("Namespace") public String namespace;
    @JsonProperty("ID") public String id;
    @JsonProperty("ParentID") public String parentId;
    @JsonProperty("Name") public String name;
    @JsonProperty("Type") public String type;
    @JsonProperty("Priority") public Integer priority;
    @JsonProperty("Datacenters") public List<String> datacenters;
    @JsonProperty("Periodic") public JsonNode periodic;
    @JsonProperty("ParameterizedJob") public JsonNode parameterizedJob;
    @JsonProperty("Dispatched") public Boolean dispatched;
    @JsonProperty("Status") public String status;
    @JsonProperty("StatusDescription") public String statusDescription;
    @JsonProperty("SubmitTime") public Long submitTime;
    @JsonProperty("CreateIndex") public Long createIndex;
    @JsonProperty("ModifyIndex") public Long modifyIndex;
    @JsonProperty("JobModifyIndex") public Long jobModifyIndex;

    /** The header of a full job. */
    public static JobHeader of(Job job) {
        JobHeader h = new JobHeader();
        h.stop = job.stop;
        h.namespace = job.namespace;
        h.id = job.id;
        h.parentId = job.parentId;
        h.name = job.name;
        h.type = job.type;
        h.priority = job.priority;
        h.datacenters = job.datacenters;
        h.periodic = job.periodic == null ? null : NomadJson.mapper().valueToTree(job.periodic);
        h.parameterizedJob = job.parameterizedJob == null ? null : NomadJson.mapper().valueToTree(job.parameterizedJob);
        h.dispatched = job.dispatched;
        h.status = job.status;
        h.statusDescription = job.statusDescription;
        h.submitTime = job.submitTime;
        h.createIndex = job.createIndex;
        h.modifyIndex = job.modifyIndex;
        h.jobModifyIndex = job.jobModifyIndex;
        return h;
    }

    /** As {@link Job#isPeriodic()}. */
    public boolean isPeriodic() {
        return periodic != null && !periodic.isNull();
    }

    /** As {@link Job#isParameterized()}. */
    public boolean isParameterized() {
        return parameterizedJob != null && !parameterizedJob.isNull() && !Boolean.TRUE.equals(dispatched);
    }
}
