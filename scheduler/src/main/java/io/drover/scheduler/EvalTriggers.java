package io.drover.scheduler;

import java.util.Set;

/** Nomad's evaluation trigger reasons, and which ones each scheduler accepts. */
public final class EvalTriggers {
    public static final String JOB_REGISTER = "job-register";
    public static final String JOB_DEREGISTER = "job-deregister";
    public static final String PERIODIC_JOB = "periodic-job";
    public static final String NODE_DRAIN = "node-drain";
    public static final String NODE_UPDATE = "node-update";
    public static final String ALLOC_STOP = "alloc-stop";
    public static final String SCHEDULED = "scheduled";
    public static final String ROLLING_UPDATE = "rolling-update";
    public static final String DEPLOYMENT_WATCHER = "deployment-watcher";
    public static final String FAILED_FOLLOW_UP = "failed-follow-up";
    public static final String MAX_PLANS = "max-plan-attempts";
    public static final String RETRY_FAILED_ALLOC = "alloc-failure";
    public static final String QUEUED_ALLOCS = "queued-allocs";
    public static final String PREEMPTION = "preemption";
    public static final String SCALING = "job-scaling";

    /** What the service and batch scheduler handles (generic_sched.go's Process). */
    public static final Set<String> GENERIC = Set.of(JOB_REGISTER, JOB_DEREGISTER, NODE_DRAIN, NODE_UPDATE,
            ALLOC_STOP, ROLLING_UPDATE, QUEUED_ALLOCS, PERIODIC_JOB, MAX_PLANS, DEPLOYMENT_WATCHER,
            RETRY_FAILED_ALLOC, FAILED_FOLLOW_UP, PREEMPTION, SCALING);

    /** What the system scheduler handles (system_sched.go's Process). */
    public static final Set<String> SYSTEM = Set.of(JOB_REGISTER, NODE_UPDATE, FAILED_FOLLOW_UP, JOB_DEREGISTER,
            ROLLING_UPDATE, PREEMPTION, DEPLOYMENT_WATCHER, NODE_DRAIN, ALLOC_STOP, QUEUED_ALLOCS, SCALING);

    private EvalTriggers() {
    }
}
