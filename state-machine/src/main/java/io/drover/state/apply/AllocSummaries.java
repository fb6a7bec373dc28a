package io.drover.state.apply;

import io.drover.model.JobSummary;
import io.drover.model.alloc.Allocation;
import io.drover.proto.raft.WriteResult;
import io.drover.state.rocks.StateTxn;

/**
 * Keeps a job's summary counts in step with its allocations (Nomad's updateSummaryWithAlloc): a
 * new pending allocation moves one from Queued to Starting; a change of client status moves one
 * from the old status's count to the new one's. Allocations of an earlier job of the same ID
 * (a purged and re-registered job) are not counted.
 */
final class AllocSummaries {
    private AllocSummaries() {
    }

    /** Counts {@code alloc}, which replaces {@code existing} (null for a new allocation). */
    static void update(StateTxn txn, Allocation alloc, Allocation existing) {
        if (alloc.job == null) {
            return;
        }
        JobSummary summary = txn.jobSummary(alloc.namespace, alloc.jobId).orElse(null);
        if (summary == null) {
            if (txn.job(alloc.namespace, alloc.jobId).isEmpty()) {
                return;
            }
            throw new ApplyRefusal(WriteResult.Code.INTERNAL, "job summary for job \"" + alloc.jobId
                    + "\" in namespace \"" + alloc.namespace + "\" is not present");
        }
        if (alloc.job.createIndex == null || summary.createIndex != alloc.job.createIndex) {
            return;
        }
        JobSummary.TaskGroupSummary tg = summary.summary.get(alloc.taskGroup);
        if (tg == null) {
            throw new ApplyRefusal(WriteResult.Code.INTERNAL,
                    "unable to find task group in the job summary: " + alloc.taskGroup);
        }
        boolean changed;
        if (existing == null) {
            // A new allocation is pending; Nomad only logs other client statuses, counting nothing.
            changed = Allocation.CLIENT_PENDING.equals(alloc.clientStatus);
            if (changed) {
                tg.starting++;
                if (tg.queued > 0) {
                    tg.queued--;
                }
            }
        } else {
            changed = !existing.clientStatus.equals(alloc.clientStatus);
            if (changed) {
                countIn(tg, alloc.clientStatus);
                countOut(tg, existing.clientStatus);
            }
        }
        if (changed) {
            summary.modifyIndex = txn.index();
            txn.putJobSummary(summary);
        }
    }

    private static void countIn(JobSummary.TaskGroupSummary tg, String status) {
        switch (status) {
            case Allocation.CLIENT_RUNNING -> tg.running++;
            case Allocation.CLIENT_FAILED -> tg.failed++;
            case Allocation.CLIENT_PENDING -> tg.starting++;
            case Allocation.CLIENT_COMPLETE -> tg.complete++;
            case Allocation.CLIENT_LOST -> tg.lost++;
            default -> {
                // An unknown status has no count.
            }
        }
    }

    /** Complete and failed are final counts: an allocation leaving them (it cannot) takes nothing away. */
    private static void countOut(JobSummary.TaskGroupSummary tg, String status) {
        switch (status) {
            case Allocation.CLIENT_RUNNING -> tg.running = Math.max(0, tg.running - 1);
            case Allocation.CLIENT_PENDING -> tg.starting = Math.max(0, tg.starting - 1);
            case Allocation.CLIENT_LOST -> tg.lost = Math.max(0, tg.lost - 1);
            default -> {
                // complete, failed or unknown: nothing to take away.
            }
        }
    }
}
