package io.drover.state.rocks;

import java.nio.charset.StandardCharsets;

/**
 * The column families of the state database: a fixed, numbered schema. Adding one is
 * backwards compatible (it is created when missing); renaming or reusing one is not.
 */
enum Cf {
    /** Table indexes, the applied term/index, and other bookkeeping. */
    META("meta"),
    /** (namespace, job ID) → current job. */
    JOBS("jobs"),
    /** (namespace, job ID, version) → that version of the job. */
    JOB_VERSIONS("job_versions"),
    /** (namespace, job ID) → job summary. */
    JOB_SUMMARIES("job_summaries"),
    /** eval ID → evaluation. */
    EVALS("evals"),
    /** (namespace, job ID, eval ID) → the eval's status: a secondary index. */
    EVALS_BY_JOB("evals_by_job"),
    /** server ID → how to reach it. */
    SERVERS("servers"),
    /** request ID → the WriteResult of the write that carried it. */
    REQUESTS("requests"),
    /** (log index, request ID) → nothing: the order in which request IDs expire. */
    REQUEST_EXPIRY("request_expiry"),
    /** node ID → node. */
    NODES("nodes"),
    /** alloc ID → allocation, without its job (see ALLOC_JOBS). */
    ALLOCS("allocs"),
    /** (namespace, job ID, alloc ID) → the job CreateIndex it was placed for and whether it is terminal. */
    ALLOCS_BY_JOB("allocs_by_job"),
    /** (node ID, alloc ID) → whether it is terminal. */
    ALLOCS_BY_NODE("allocs_by_node"),
    /** (eval ID, alloc ID) → nothing. */
    ALLOCS_BY_EVAL("allocs_by_eval"),
    /**
     * (namespace, job ID, CreateIndex, JobModifyIndex) → the job as allocations were placed for
     * it, stored once for all of them (Nomad keeps one job object per plan in memory).
     */
    ALLOC_JOBS("alloc_jobs"),
    /** (namespace, job ID) → the job's recent scaling events; removed with the job. */
    SCALING_EVENTS("scaling_events"),
    /** (namespace, job ID) → a periodic job's last launch; removed with the job. */
    PERIODIC_LAUNCHES("periodic_launches"),
    /**
     * (namespace, job ID) → nothing: the jobs with a periodic block, so the leader's launcher
     * reads those instead of every job each second. Built from JOBS when a database lacks it.
     */
    PERIODIC_JOBS("periodic_jobs");

    private final String cfName;

    Cf(String cfName) {
        this.cfName = cfName;
    }

    byte[] nameBytes() {
        return cfName.getBytes(StandardCharsets.UTF_8);
    }

    String cfName() {
        return cfName;
    }
}
