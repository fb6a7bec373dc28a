package io.drover.scheduler;

/**
 * The texts Nomad 0.11.3's schedulers write into allocations' DesiredDescription and
 * evaluations' StatusDescription. Clients and operators read them, so they are kept verbatim.
 */
public final class Descriptions {
    /** An allocation the job no longer wants (scaled down, group removed, job stopped). */
    public static final String ALLOC_NOT_NEEDED = "alloc not needed due to job update";
    /** An allocation stopped because it moves off a draining node. */
    public static final String ALLOC_MIGRATING = "alloc is being migrated";
    /** An allocation replaced by a destructive update. */
    public static final String ALLOC_UPDATING = "alloc is being updated due to job update";
    /** An allocation whose node is down or gone. */
    public static final String ALLOC_LOST = "alloc is lost since its node is down";
    /** The temporary stop while an in-place update is checked for fit. */
    public static final String ALLOC_IN_PLACE = "alloc updating in-place";
    /** A system job's allocation moved off a node that is draining. */
    public static final String ALLOC_NODE_TAINTED = "alloc not needed as node is tainted";
    /** A failed allocation that was replaced. */
    public static final String ALLOC_RESCHEDULED = "alloc was rescheduled because it failed";

    /** A blocked evaluation created after the scheduler ran out of plan attempts. */
    public static final String BLOCKED_EVAL_MAX_PLAN = "created due to placement conflicts";
    /** A blocked evaluation created for allocations that did not fit. */
    public static final String BLOCKED_EVAL_FAILED_PLACEMENTS = "created to place remaining allocations";
    /** A follow-up evaluation that reschedules failed allocations after their delay. */
    public static final String RESCHEDULING_FOLLOWUP_EVAL = "created for delayed rescheduling";

    private Descriptions() {
    }
}
