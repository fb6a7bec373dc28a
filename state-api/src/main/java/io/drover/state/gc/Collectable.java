package io.drover.state.gc;

import io.drover.model.Job;
import io.drover.model.alloc.Allocation;

/**
 * The rules that make an object collectable whatever its age (Nomad's jobIsGCable and the
 * status half of allocGCEligible). The leader's selection applies them with the thresholds; the
 * reap applier applies them again to what it is about to delete, since the state may have
 * moved on since the leader's snapshot.
 */
public final class Collectable {
    private Collectable() {
    }

    /**
     * A job that may be purged once its evaluations are: a stopped periodic or parameterized
     * job; otherwise a dead job that was stopped, or a dead batch job (which finishes on its
     * own). A dead service or system job that was not stopped is kept: it may be updated.
     */
    public static boolean job(Job job) {
        boolean periodic = job.isPeriodic() && Boolean.TRUE.equals(job.periodic.enabled);
        if (periodic || job.isParameterized()) {
            return job.isStopped();
        }
        if (!Job.STATUS_DEAD.equals(job.status)) {
            return false;
        }
        return job.isStopped() || Job.TYPE_BATCH.equals(job.type);
    }

    /** An allocation that is terminal and no longer running on its client. */
    public static boolean allocation(Allocation alloc) {
        return alloc.terminalStatus() && !Allocation.CLIENT_RUNNING.equals(alloc.clientStatus);
    }
}
