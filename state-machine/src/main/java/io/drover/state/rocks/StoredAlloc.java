package io.drover.state.rocks;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.Job;
import io.drover.model.alloc.Allocation;

/**
 * How an allocation is stored: without its job, which would otherwise be copied into every
 * allocation of a job; the job is kept once in ALLOC_JOBS and found again by these indexes.
 */
final class StoredAlloc {
    @JsonProperty("JobCreateIndex") public long jobCreateIndex;
    @JsonProperty("JobModifyIndex") public long jobModifyIndex;
    @JsonProperty("Alloc") public Allocation alloc;

    static StoredAlloc of(Allocation a) {
        StoredAlloc s = new StoredAlloc();
        Job job = a.job;
        s.jobCreateIndex = job == null || job.createIndex == null ? 0 : job.createIndex;
        s.jobModifyIndex = job == null || job.jobModifyIndex == null ? 0 : job.jobModifyIndex;
        Allocation copy = a.shallowCopy();
        copy.job = null;
        s.alloc = copy;
        return s;
    }
}
