package io.drover.state;

/**
 * The tables of the replicated state. Each has its own index: the log index of the last entry
 * that changed it, which blocking queries wait on and {@code X-Nomad-Index} reports.
 */
public enum Table {
    JOBS("jobs"),
    JOB_VERSIONS("job_version"),
    JOB_SUMMARIES("job_summary"),
    EVALS("evals"),
    ALLOCS("allocs"),
    DEPLOYMENTS("deployment"),
    NODES("nodes"),
    SERVERS("servers"),
    SCALING_EVENT("scaling_event"),
    PERIODIC_LAUNCH("periodic_launch"),
    /** Moved only by read barriers (no data): linearizable reads wait on it. */
    READ_BARRIER("read_barrier");

    private final String nomadName;

    Table(String nomadName) {
        this.nomadName = nomadName;
    }

    /** The table's name in Nomad's state store. */
    public String nomadName() {
        return nomadName;
    }
}
