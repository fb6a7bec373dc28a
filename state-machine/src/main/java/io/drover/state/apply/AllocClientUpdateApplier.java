package io.drover.state.apply;

import com.google.protobuf.ByteString;
import io.drover.model.Job;
import io.drover.model.alloc.AllocDeploymentStatus;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.NomadJson;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.AllocClientUpdateCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.Table;
import io.drover.state.rocks.StateTxn;
import java.util.List;
import java.util.Objects;

/**
 * Takes what node agents report about their allocations (Nomad's UpdateAllocsFromClient): the
 * client status and description, task states and deployment health, which only the client
 * knows. Each update moves the job's summary counts and status; an allocation the client
 * finished frees capacity on its node's class. Updates of unknown allocations (already
 * collected) are ignored, as in Nomad, and so are reports older than the client's last word
 * on an allocation it finished.
 */
final class AllocClientUpdateApplier {
    private AllocClientUpdateApplier() {
    }

    static WriteResult apply(StateTxn txn, AllocClientUpdateCommand cmd) {
        for (ByteString json : cmd.getAllocJsonList()) {
            Allocation update = NomadJson.read(json.toByteArray(), Allocation.class);
            txn.allocation(update.id)
                    .filter(existing -> !finishedBefore(existing, update))
                    .ifPresent(existing -> applyOne(txn, update, existing));
        }
        txn.touch(Table.ALLOCS);
        List<Evaluation> evals = EvalWrites.decode(cmd.getEvalJsonList());
        EvalWrites.upsert(txn, evals);
        return Results.okWithEvals(txn, evals).build();
    }

    /**
     * A client never runs an allocation again once it reported it complete or failed, so a
     * report of it pending or running is older than that one: a report that was held up (in a
     * forward to a leader that paused) and committed after the client had sent the later one
     * elsewhere. Taking it would bring a finished allocation back to life for good.
     */
    private static boolean finishedBefore(Allocation existing, Allocation update) {
        return finishedByClient(existing.clientStatus)
                && update.clientStatus != null && !update.clientStatus.isEmpty()
                && !finishedByClient(update.clientStatus);
    }

    private static boolean finishedByClient(String clientStatus) {
        return Allocation.CLIENT_COMPLETE.equals(clientStatus) || Allocation.CLIENT_FAILED.equals(clientStatus);
    }

    private static void applyOne(StateTxn txn, Allocation update, Allocation existing) {
        Allocation alloc = existing.copySkipJob();
        // A field the client left out is not a report: keep what is stored.
        if (update.clientStatus != null && !update.clientStatus.isEmpty()) {
            alloc.clientStatus = update.clientStatus;
            alloc.clientDescription = update.clientDescription;
        }
        if (update.taskStates != null) {
            alloc.taskStates = update.taskStates;
        }
        takeHealth(alloc, update.deploymentStatus, txn.index());
        alloc.modifyIndex = txn.index();
        // The leader stamps the time it accepted the update when the client sent none.
        alloc.modifyTime = update.modifyTime != null && update.modifyTime != 0
                ? update.modifyTime
                : txn.leaderTimeNanos();

        AllocSummaries.update(txn, alloc, existing);
        txn.putAllocation(alloc);
        AllocWrites.freedCapacity(txn, existing, alloc);
        JobStatus.update(txn, alloc.namespace, alloc.jobId, alloc.terminalStatus() ? null : Job.STATUS_RUNNING);
    }

    /** The client sets only its deployment health and when it decided it. */
    private static void takeHealth(Allocation alloc, AllocDeploymentStatus reported, long index) {
        if (reported == null) {
            return;
        }
        AllocDeploymentStatus current = alloc.deploymentStatus;
        if (current == null) {
            alloc.deploymentStatus = reported;
            reported.modifyIndex = index;
        } else if (reported.hasHealth()
                && (!current.hasHealth() || !Objects.equals(current.healthy, reported.healthy))) {
            current.healthy = reported.healthy;
            current.timestamp = reported.timestamp;
            current.modifyIndex = index;
        }
    }
}
