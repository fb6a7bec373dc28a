package io.drover.state.apply;

import io.drover.model.Job;
import io.drover.model.JobSummary;
import io.drover.model.scheduling.Evaluation;
import io.drover.state.rocks.StateTxn;

/**
 * A job's status, derived as Nomad derives it: system, periodic and parameterized jobs run
 * until stopped; others are running while an allocation is live, pending while an evaluation
 * is, and dead once everything they had finished. A child's status change moves its parent's
 * children counts.
 */
final class JobStatus {
    private JobStatus() {
    }

    static String of(StateTxn txn, Job job, boolean evalDelete) {
        if (Job.TYPE_SYSTEM.equals(job.type) || job.isParameterized() || job.isPeriodic()) {
            return job.isStopped() ? Job.STATUS_DEAD : Job.STATUS_RUNNING;
        }
        // Every allocation of the job ID counts, even one placed for an earlier job of that ID.
        boolean hasAlloc = false;
        for (boolean terminal : txn.allocationTerminalFlagsOfJob(job.namespace, job.id).values()) {
            hasAlloc = true;
            if (!terminal) {
                return Job.STATUS_RUNNING;
            }
        }
        boolean hasEval = false;
        for (String status : txn.evaluationStatusesOfJob(job.namespace, job.id).values()) {
            hasEval = true;
            if (!isTerminal(status)) {
                return Job.STATUS_PENDING;
            }
        }
        return evalDelete || hasEval || hasAlloc ? Job.STATUS_DEAD : Job.STATUS_PENDING;
    }

    /**
     * {@link #update} for the stored job of this ID, if there is one. Its status is worked out
     * from its head (no task groups decoded); the whole job is read only to store a change.
     */
    static void update(StateTxn txn, String namespace, String jobId, boolean evalDelete, String forceStatus) {
        txn.jobHead(namespace, jobId).ifPresent(head -> {
            String oldStatus = head.status == null ? "" : head.status;
            String newStatus = forceStatus != null ? forceStatus : of(txn, head, evalDelete);
            if (!newStatus.equals(oldStatus)) {
                txn.job(namespace, jobId).ifPresent(job -> update(txn, job, evalDelete, newStatus));
            }
        });
    }

    /** {@link #update(StateTxn, String, String, boolean, String)} for a job no evaluation was deleted of. */
    static void update(StateTxn txn, String namespace, String jobId, String forceStatus) {
        update(txn, namespace, jobId, false, forceStatus);
    }

    /**
     * Recomputes the status of a stored job (or forces one) and, if it changed, stores the job
     * with the new status at this index and updates its parent's children counts.
     */
    static void update(StateTxn txn, Job job, boolean evalDelete, String forceStatus) {
        // Unlike Nomad, which treats a job created at this index as having no status yet, the
        // status here is the one JobWrites.upsert stored and counted: one entry may both create a
        // child and its evaluation (a dispatch), and the child must be counted once.
        String oldStatus = job.status == null ? "" : job.status;
        String newStatus = forceStatus != null ? forceStatus : of(txn, job, evalDelete);
        if (newStatus.equals(oldStatus)) {
            return;
        }
        // The job is the transaction's own instance (see StateTxn): change it and put it back.
        job.status = newStatus;
        job.modifyIndex = txn.index();
        txn.putJob(job);
        countChild(txn, job, oldStatus, newStatus);
    }

    /** Moves a child job from {@code oldStatus} ("" if new) to {@code newStatus} in its parent's summary. */
    static void countChild(StateTxn txn, Job child, String oldStatus, String newStatus) {
        if (child.parentId == null || child.parentId.isEmpty()) {
            return;
        }
        txn.jobSummary(child.namespace, child.parentId).ifPresent(parent -> {
            JobSummary.JobChildrenSummary c = parent.children;
            if (c == null) {
                c = parent.children = new JobSummary.JobChildrenSummary();
            }
            adjust(c, oldStatus, -1);
            adjust(c, newStatus, +1);
            parent.modifyIndex = txn.index();
            txn.putJobSummary(parent);
        });
    }

    private static void adjust(JobSummary.JobChildrenSummary c, String status, int delta) {
        switch (status) {
            case Job.STATUS_PENDING -> c.pending += delta;
            case Job.STATUS_RUNNING -> c.running += delta;
            case Job.STATUS_DEAD -> c.dead += delta;
            default -> {
                // "" is a child that did not exist before: nothing to take away.
            }
        }
    }

    private static boolean isTerminal(String evalStatus) {
        return Evaluation.STATUS_COMPLETE.equals(evalStatus) || Evaluation.STATUS_FAILED.equals(evalStatus)
                || Evaluation.STATUS_CANCELED.equals(evalStatus);
    }
}
