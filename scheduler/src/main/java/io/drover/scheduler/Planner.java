package io.drover.scheduler;

import io.drover.model.scheduling.Evaluation;
import io.drover.model.scheduling.Plan;

/**
 * Where a scheduler sends what it decided (Nomad's {@code scheduler.Planner}). On the leader
 * this goes through the plan queue and Raft; in a dry run or a test it is answered in memory.
 */
public interface Planner {
    /**
     * Submits a plan and waits for the applier's verdict. If only part was committed, the
     * submission carries a state at least as new as {@code result.refreshIndex} to retry on.
     */
    PlanSubmission submitPlan(Plan plan) throws SchedulerException;

    /** Stores the evaluation's new status (complete, failed, blocked bookkeeping). */
    void updateEval(Evaluation eval) throws SchedulerException;

    /** Creates a follow-up evaluation (blocked, delayed reschedule, next batch). */
    void createEval(Evaluation eval) throws SchedulerException;

    /** Re-blocks an evaluation that was unblocked but still cannot place everything. */
    void reblockEval(Evaluation eval) throws SchedulerException;
}
