package io.drover.state.apply;

import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.GcJobRef;
import io.drover.proto.raft.GcReapCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.gc.Collectable;
import io.drover.state.rocks.StateTxn;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deletes what the leader's garbage collector chose, but only what is still collectable now:
 * a terminal allocation no longer running, a terminal evaluation, a collectable job with no
 * live allocation or evaluation left, a down node with no live allocation. Anything that came
 * back to life after the leader's snapshot is skipped, not refused. The jobs whose evaluations
 * went have their status derived again, as Nomad's DeleteEval does. The job versions that only
 * deleted allocations still pointed at are deleted too.
 */
final class GcReapApplier {
    private GcReapApplier() {
    }

    private record JobKey(String namespace, String jobId) {
    }

    static WriteResult apply(StateTxn txn, GcReapCommand cmd) {
        Set<JobKey> jobsLosingAllocs = new LinkedHashSet<>();
        for (String allocId : cmd.getAllocIdList()) {
            Optional<Allocation> alloc = txn.allocation(allocId).filter(Collectable::allocation);
            if (alloc.isPresent()) {
                txn.deleteAllocation(allocId);
                jobsLosingAllocs.add(new JobKey(alloc.get().namespace, alloc.get().jobId));
            }
        }
        // The job copies allocations were placed for go with the last allocation pointing at them.
        for (JobKey key : jobsLosingAllocs) {
            txn.pruneAllocJobs(key.namespace(), key.jobId());
        }
        Set<JobKey> touchedJobs = new LinkedHashSet<>();
        for (String evalId : cmd.getEvalIdList()) {
            Optional<Evaluation> eval = txn.evaluation(evalId).filter(Evaluation::isTerminal);
            if (eval.isPresent()) {
                txn.deleteEvaluation(evalId);
                touchedJobs.add(new JobKey(eval.get().namespace, eval.get().jobId));
            }
        }
        for (GcJobRef ref : cmd.getJobList()) {
            Optional<Job> job = txn.job(ref.getNamespace(), ref.getJobId());
            if (job.isPresent() && Collectable.job(job.get()) && nothingLive(txn, job.get())) {
                JobWrites.delete(txn, ref.getNamespace(), ref.getJobId());
            }
        }
        for (JobKey key : touchedJobs) {
            JobStatus.update(txn, key.namespace(), key.jobId(), true, null);
        }
        for (String nodeId : cmd.getNodeIdList()) {
            Optional<Node> node = txn.node(nodeId);
            if (node.isPresent() && node.get().terminalStatus() && allTerminal(txn.allocationsOfNode(nodeId))) {
                txn.deleteNode(nodeId);
            }
        }
        return Results.ok(txn).build();
    }

    private static boolean nothingLive(StateTxn txn, Job job) {
        if (txn.allocationTerminalFlagsOfJob(job.namespace, job.id).containsValue(false)) {
            return false;
        }
        for (String status : txn.evaluationStatusesOfJob(job.namespace, job.id).values()) {
            if (!Evaluation.STATUS_COMPLETE.equals(status) && !Evaluation.STATUS_FAILED.equals(status)
                    && !Evaluation.STATUS_CANCELED.equals(status)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allTerminal(List<Allocation> allocs) {
        for (Allocation a : allocs) {
            if (!a.terminalStatus()) {
                return false;
            }
        }
        return true;
    }
}
