package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One row of {@code GET /v1/jobs}: a job's identity and status with its summary. */
public final class JobListStub {
    @JsonProperty("ID") public String id;
    @JsonProperty("ParentID") public String parentId;
    @JsonProperty("Name") public String name;
    @JsonProperty("Datacenters") public List<String> datacenters;
    @JsonProperty("Type") public String type;
    @JsonProperty("Priority") public int priority;
    @JsonProperty("Periodic") public boolean periodic;
    @JsonProperty("ParameterizedJob") public boolean parameterizedJob;
    @JsonProperty("Stop") public boolean stop;
    @JsonProperty("Status") public String status;
    @JsonProperty("StatusDescription") public String statusDescription;
    @JsonProperty("JobSummary") public JobSummary jobSummary;
    @JsonProperty("CreateIndex") public long createIndex;
    @JsonProperty("ModifyIndex") public long modifyIndex;
    @JsonProperty("JobModifyIndex") public long jobModifyIndex;
    @JsonProperty("SubmitTime") public long submitTime;

    /** The stub of a job read as a header only (see {@link JobHeader}). */
    public static JobListStub of(JobHeader job, JobSummary summary) {
        JobListStub stub = new JobListStub();
        stub.id = job.id;
        stub.parentId = job.parentId;
        stub.name = job.name;
        stub.datacenters = job.datacenters;
        stub.type = job.type;
        stub.priority = job.priority == null ? 0 : job.priority;
        stub.periodic = job.isPeriodic();
        stub.parameterizedJob = job.isParameterized();
        stub.stop = Boolean.TRUE.equals(job.stop);
        stub.status = job.status;
        stub.statusDescription = job.statusDescription;
        stub.jobSummary = summary;
        stub.createIndex = nz(job.createIndex);
        stub.modifyIndex = nz(job.modifyIndex);
        stub.jobModifyIndex = nz(job.jobModifyIndex);
        stub.submitTime = nz(job.submitTime);
        return stub;
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }
}
