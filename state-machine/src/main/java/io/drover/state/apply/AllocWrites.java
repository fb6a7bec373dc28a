package io.drover.state.apply;

import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import io.drover.proto.raft.WriteResult;
import io.drover.state.Table;
import io.drover.state.rocks.StateTxn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stores allocations the servers decided (Nomad's upsertAllocsImpl): indexes stamped, what the
 * client is the authority on kept, the previous allocation linked to its replacement, summaries
 * counted and job statuses set (running while an allocation runs). An allocation that stops
 * using its node frees capacity on the node's class.
 */
final class AllocWrites {
    private AllocWrites() {
    }

    /** Inserts or updates {@code allocs} in order, then sets the status of each job they belong to. */
    static void upsert(StateTxn txn, List<Allocation> allocs) {
        long index = txn.index();
        Map<String, String[]> jobs = new LinkedHashMap<>();
        for (Allocation alloc : allocs) {
            Allocation existing = txn.allocation(alloc.id).orElse(null);
            if (existing == null) {
                placeNew(txn, alloc);
            } else {
                update(alloc, existing, index);
            }
            AllocSummaries.update(txn, alloc, existing);
            txn.putAllocation(alloc);
            linkPrevious(txn, alloc);
            freedCapacity(txn, existing, alloc);
            // As in Nomad, the last allocation of a job decides whether its status is forced.
            jobs.put(alloc.namespace + '\0' + alloc.jobId, new String[] {alloc.namespace, alloc.jobId,
                    alloc.terminalStatus() ? null : Job.STATUS_RUNNING});
        }
        txn.touch(Table.ALLOCS);
        for (String[] job : jobs.values()) {
            JobStatus.update(txn, job[0], job[1], job[2]);
        }
    }

    private static void placeNew(StateTxn txn, Allocation alloc) {
        long index = txn.index();
        alloc.createIndex = index;
        alloc.modifyIndex = index;
        alloc.allocModifyIndex = index;
        if (alloc.deploymentStatus != null) {
            alloc.deploymentStatus.modifyIndex = index;
        }
        if (alloc.job == null) {
            // Plans carry the job once, not in each allocation: it is the job as registered now.
            alloc.job = txn.job(alloc.namespace, alloc.jobId).orElseThrow(() -> new ApplyRefusal(
                    WriteResult.Code.INVALID, "attempting to upsert allocation \"" + alloc.id + "\" without a job"));
        }
    }

    private static void update(Allocation alloc, Allocation existing, long index) {
        alloc.createIndex = existing.createIndex;
        alloc.modifyIndex = index;
        alloc.allocModifyIndex = index;
        alloc.taskStates = existing.taskStates;
        // The scheduler marks allocations lost; any other client status is the client's to set.
        if (!Allocation.CLIENT_LOST.equals(alloc.clientStatus)) {
            alloc.clientStatus = existing.clientStatus;
            alloc.clientDescription = existing.clientDescription;
        }
        // Health the client reported since the scheduler read the allocation is kept, unless the
        // update moves the allocation to another deployment.
        if (existing.deploymentStatus != null && Objects.equals(existing.deploymentId, alloc.deploymentId)) {
            alloc.deploymentStatus = existing.deploymentStatus;
        }
        if (alloc.job == null) {
            alloc.job = existing.job;
        }
    }

    /** Points the allocation this one replaces at it. */
    private static void linkPrevious(StateTxn txn, Allocation alloc) {
        if (alloc.previousAllocation == null || alloc.previousAllocation.isEmpty()) {
            return;
        }
        txn.allocation(alloc.previousAllocation).ifPresent(prev -> {
            Allocation linked = prev.copySkipJob();
            linked.nextAllocation = alloc.id;
            linked.modifyIndex = txn.index();
            txn.putAllocation(linked);
        });
    }

    /**
     * Reports the class of the allocation's node when the allocation stopped counting against
     * it: it was live and is now terminal, by the servers' decision or the client's report.
     */
    static void freedCapacity(StateTxn txn, Allocation before, Allocation after) {
        if (before == null || before.terminalStatus() || !after.terminalStatus()) {
            return;
        }
        txn.node(after.nodeId).ifPresent(node -> txn.reportCapacity(node.computedClass));
    }
}
