package io.drover.server.gc;

import io.drover.model.Job;
import io.drover.model.ReschedulePolicy;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.RescheduleEvent;
import io.drover.model.node.Node;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.GcJobRef;
import io.drover.proto.raft.GcReapCommand;
import io.drover.state.StateReader;
import io.drover.state.gc.Collectable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses what a collection removes, from one snapshot (Nomad's CoreScheduler jobGC, evalGC and
 * nodeGC): dead jobs whose evaluations and allocations are all terminal and old, with them;
 * old terminal evaluations whose allocations are all collectable, with them (a batch job's only
 * while the job is gone or stopped, since its finished allocations are what keeps it from
 * running again); terminal allocations of an earlier job with the same ID; down nodes with no
 * live allocation. A pure function of the snapshot and the cutoffs.
 */
public final class GcSelector {
    private GcSelector() {
    }

    /** What the reap command will list; empty lists when there is nothing to collect. */
    public static GcReapCommand select(StateReader state, GcCutoffs cutoffs) {
        Set<String> evals = new LinkedHashSet<>();
        Set<String> allocs = new LinkedHashSet<>();
        GcReapCommand.Builder reap = GcReapCommand.newBuilder();
        collectJobs(state, cutoffs, reap, evals, allocs);
        for (Evaluation eval : state.evaluations(StateReader.ALL_NAMESPACES, "")) {
            if (evals.contains(eval.id)) {
                continue;
            }
            EvalVerdict v = evalVerdict(state, eval, cutoffs.eval(), false, cutoffs.now());
            if (v.collect) {
                evals.add(eval.id);
            }
            allocs.addAll(v.allocs);
        }
        for (Node node : state.nodes("")) {
            if (node.terminalStatus() && secondsToNanos(node.statusUpdatedAt) <= cutoffs.node()
                    && allTerminal(state.allocationsOfNode(node.id))) {
                reap.addNodeId(node.id);
            }
        }
        return reap.addAllEvalId(evals).addAllAllocId(allocs).build();
    }

    private static void collectJobs(StateReader state, GcCutoffs cutoffs, GcReapCommand.Builder reap,
            Set<String> evals, Set<String> allocs) {
        for (Job job : state.jobs(StateReader.ALL_NAMESPACES, "")) {
            if (!Collectable.job(job) || nanos(job.submitTime) > cutoffs.job()) {
                continue;
            }
            Set<String> jobEvals = new LinkedHashSet<>();
            Set<String> jobAllocs = new LinkedHashSet<>();
            boolean all = true;
            for (Evaluation eval : state.evaluationsOfJob(job.namespace, job.id)) {
                EvalVerdict v = evalVerdict(state, eval, cutoffs.job(), true, cutoffs.now());
                if (!v.collect) {
                    all = false;
                    break;
                }
                jobEvals.add(eval.id);
                jobAllocs.addAll(v.allocs);
            }
            // An allocation whose evaluation is already gone must not keep a live job from view.
            for (Allocation a : state.allocationsOfJob(job.namespace, job.id, true)) {
                if (!allocEligible(a, job, cutoffs.job(), cutoffs.now())) {
                    all = false;
                    break;
                }
                jobAllocs.add(a.id);
            }
            if (all) {
                reap.addJob(GcJobRef.newBuilder().setNamespace(job.namespace).setJobId(job.id));
                evals.addAll(jobEvals);
                allocs.addAll(jobAllocs);
            }
        }
    }

    private record EvalVerdict(boolean collect, List<String> allocs) {
    }

    /** Nomad's gcEval: whether the evaluation may go, and which of its allocations may. */
    private static EvalVerdict evalVerdict(StateReader state, Evaluation eval, long cutoff, boolean allowBatch,
            long now) {
        if (!eval.isTerminal() || nanos(eval.modifyTime) > cutoff) {
            return new EvalVerdict(false, List.of());
        }
        Job job = state.job(eval.namespace, eval.jobId).orElse(null);
        List<Allocation> allocs = state.allocationsOfEval(eval.id);
        if (Job.TYPE_BATCH.equals(eval.type)) {
            boolean collect = job == null
                    || (Job.STATUS_DEAD.equals(job.status) && (job.isStopped() || allowBatch));
            if (!collect) {
                // The batch job lives on: only allocations of an earlier job with this ID may go.
                List<String> older = allocs.stream()
                        .filter(a -> a.job != null && a.job.createIndex != null && job.createIndex != null
                                && a.job.createIndex < job.createIndex && a.terminalStatus())
                        .map(a -> a.id).toList();
                return new EvalVerdict(false, older);
            }
        }
        boolean collect = true;
        List<String> ids = new java.util.ArrayList<>();
        for (Allocation a : allocs) {
            if (allocEligible(a, job, cutoff, now)) {
                ids.add(a.id);
            } else {
                collect = false;
            }
        }
        return new EvalVerdict(collect, ids);
    }

    /**
     * Nomad's allocGCEligible: terminal, old, not running, and not a failed allocation that its
     * reschedule policy may still replace (rescheduling reads the failed allocation).
     */
    static boolean allocEligible(Allocation a, Job job, long cutoff, long now) {
        if (!Collectable.allocation(a) || nanos(a.modifyTime) > cutoff) {
            return false;
        }
        if (job == null || job.isStopped() || Job.STATUS_DEAD.equals(job.status)) {
            return true;
        }
        if (Allocation.DESIRED_STOP.equals(a.desiredStatus) || !Allocation.CLIENT_FAILED.equals(a.clientStatus)) {
            return true;
        }
        TaskGroup tg = job.lookupTaskGroup(a.taskGroup);
        ReschedulePolicy policy = tg == null ? null : tg.reschedulePolicy;
        boolean unlimited = policy != null && Boolean.TRUE.equals(policy.unlimited);
        if (policy == null || (!unlimited && (policy.attempts == null || policy.attempts == 0))) {
            return true;
        }
        if (a.nextAllocation != null && !a.nextAllocation.isEmpty()) {
            return true;
        }
        if (unlimited) {
            return false;
        }
        List<RescheduleEvent> events = a.rescheduleTracker == null || a.rescheduleTracker.events == null
                ? List.of() : a.rescheduleTracker.events;
        if (events.isEmpty()) {
            return false;
        }
        long last = nanos(events.get(events.size() - 1).rescheduleTime);
        return now - last > nanos(policy.interval);
    }

    private static boolean allTerminal(List<Allocation> allocs) {
        return allocs.stream().allMatch(Allocation::terminalStatus);
    }

    private static long nanos(Long v) {
        return v == null ? 0 : v;
    }

    private static long secondsToNanos(Long unixSeconds) {
        return unixSeconds == null ? 0 : unixSeconds * 1_000_000_000L;
    }
}
