package io.drover.state.apply;

import com.google.protobuf.ByteString;
import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.DesiredTransition;
import io.drover.model.json.NomadJson;
import io.drover.model.resources.LegacyResources;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.PlanJobRef;
import io.drover.proto.raft.PlanResultsCommand;
import io.drover.proto.raft.StoppedAlloc;
import io.drover.proto.raft.WriteResult;
import io.drover.state.rocks.StateTxn;
import java.util.ArrayList;
import java.util.List;

/**
 * Commits what the plan applier accepted of a plan (Nomad's UpsertPlanResults): stopped and
 * preempted allocations are rebuilt from the stored ones with the plan's decision applied, then
 * stored with the placed and updated ones, in Nomad's order (stopped, placed, preempted); live
 * placed and updated ones get the job version the plan was made for, and all of them their
 * pre-0.9 {@code Resources} total; the planning evaluation's ModifyIndex moves and the
 * evaluations the plan creates are stored.
 */
final class PlanResultsApplier {
    private PlanResultsApplier() {
    }

    static WriteResult apply(StateTxn txn, PlanResultsCommand cmd) {
        List<Allocation> stopped = new ArrayList<>(cmd.getStoppedCount());
        for (StoppedAlloc s : cmd.getStoppedList()) {
            stopped.add(stop(txn, s));
        }
        List<Allocation> preempted = new ArrayList<>(cmd.getPreemptedJsonCount());
        for (ByteString json : cmd.getPreemptedJsonList()) {
            preempted.add(evict(txn, NomadJson.read(json.toByteArray(), Allocation.class)));
        }
        Job planJob = cmd.hasJob() ? planJob(txn, cmd.getJob()) : null;
        List<Allocation> placed = new ArrayList<>(cmd.getAllocJsonCount());
        for (ByteString json : cmd.getAllocJsonList()) {
            Allocation a = NomadJson.read(json.toByteArray(), Allocation.class);
            // Nomad's DenormalizeAllocationJobs: live allocations planned without a job (new ones
            // and in-place updates) get the plan's job, so an in-place update moves an allocation
            // to the new version; terminal ones (a follow-up evaluation noted) keep their own.
            if (a.job == null && planJob != null && !a.terminalStatus()) {
                a.job = planJob;
            }
            // Plans leave the sum out (in-place updates clear it): it is computed where stored.
            LegacyResources.fillTotal(a);
            placed.add(a);
        }

        touchPlanningEval(txn, cmd.getEvalId());
        List<Allocation> all = new ArrayList<>(stopped.size() + placed.size() + preempted.size());
        all.addAll(stopped);
        all.addAll(placed);
        all.addAll(preempted);
        AllocWrites.upsert(txn, all);

        List<Evaluation> evals = EvalWrites.decode(cmd.getEvalJsonList());
        EvalWrites.upsert(txn, evals);
        return Results.okWithEvals(txn, evals).build();
    }

    /**
     * The version of the job the plan was made for: the job itself while that version is current,
     * else the stored version; null if neither holds it any more (allocations then get the job as
     * registered, or keep their own).
     */
    private static Job planJob(StateTxn txn, PlanJobRef ref) {
        Job current = txn.job(ref.getNamespace(), ref.getJobId()).orElse(null);
        if (current != null && isVersion(current, ref)) {
            return current;
        }
        return txn.jobVersion(ref.getNamespace(), ref.getJobId(), ref.getVersion()).filter(j -> isVersion(j, ref))
                .orElse(null);
    }

    private static boolean isVersion(Job job, PlanJobRef ref) {
        return job.version != null && job.version == ref.getVersion() && job.jobModifyIndex != null
                && job.jobModifyIndex == ref.getJobModifyIndex();
    }

    /** The stored allocation with the scheduler's stop applied (Nomad denormalizes the plan's diff so). */
    private static Allocation stop(StateTxn txn, StoppedAlloc s) {
        Allocation a = stored(txn, s.getAllocId());
        a.desiredStatus = Allocation.DESIRED_STOP;
        a.desiredDescription = s.getDesiredDescription();
        if (!s.getClientStatus().isEmpty()) {
            a.clientStatus = s.getClientStatus();
        }
        if (!s.getFollowupEvalId().isEmpty()) {
            a.followupEvalId = s.getFollowupEvalId();
        }
        if (s.getModifyTime() != 0) {
            a.modifyTime = s.getModifyTime();
        }
        if (!s.getDesiredTransitionJson().isEmpty()) {
            DesiredTransition t = NomadJson.read(s.getDesiredTransitionJson().toByteArray(), DesiredTransition.class);
            if (a.desiredTransition == null) {
                a.desiredTransition = new DesiredTransition();
            }
            a.desiredTransition.merge(t);
        }
        return a;
    }

    /** The stored allocation evicted for the allocation that preempts it. */
    private static Allocation evict(StateTxn txn, Allocation diff) {
        Allocation a = stored(txn, diff.id);
        a.preemptedByAllocation = diff.preemptedByAllocation;
        a.desiredDescription = "Preempted by alloc ID " + diff.preemptedByAllocation;
        a.desiredStatus = Allocation.DESIRED_EVICT;
        if (diff.modifyTime != null && diff.modifyTime != 0) {
            a.modifyTime = diff.modifyTime;
        }
        return a;
    }

    private static Allocation stored(StateTxn txn, String allocId) {
        return txn.allocation(allocId).map(Allocation::copySkipJob)
                .orElseThrow(() -> new ApplyRefusal(WriteResult.Code.NOT_FOUND, "alloc " + allocId + " doesn't exist"));
    }

    private static void touchPlanningEval(StateTxn txn, String evalId) {
        if (evalId.isEmpty()) {
            return;
        }
        Evaluation eval = txn.evaluation(evalId).orElseThrow(() -> new ApplyRefusal(WriteResult.Code.NOT_FOUND,
                "unable to find eval id \"" + evalId + "\""));
        eval.modifyIndex = txn.index();
        txn.putEvaluation(eval);
    }
}
