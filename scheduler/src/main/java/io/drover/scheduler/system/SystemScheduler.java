package io.drover.scheduler.system;

import io.drover.model.Job;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.AllocMetric;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import io.drover.model.scheduling.DesiredUpdates;
import io.drover.model.scheduling.Evaluation;
import io.drover.model.scheduling.Plan;
import io.drover.model.scheduling.PlanAnnotations;
import io.drover.model.scheduling.PlanResult;
import io.drover.scheduler.AllocBuilder;
import io.drover.scheduler.Descriptions;
import io.drover.scheduler.EvalTriggers;
import io.drover.scheduler.Evals;
import io.drover.scheduler.PlanAttempts;
import io.drover.scheduler.PlanSubmission;
import io.drover.scheduler.Planner;
import io.drover.scheduler.QueuedAllocations;
import io.drover.scheduler.Scheduler;
import io.drover.scheduler.SchedulerEnv;
import io.drover.scheduler.SchedulerException;
import io.drover.scheduler.StackFactory;
import io.drover.scheduler.TaintedNodes;
import io.drover.scheduler.TaskChanges;
import io.drover.scheduler.select.EvalContext;
import io.drover.scheduler.select.EvalEligibility;
import io.drover.scheduler.select.RankedNode;
import io.drover.scheduler.select.ReadyNodes;
import io.drover.scheduler.select.SelectOptions;
import io.drover.scheduler.select.Stack;
import io.drover.state.StateReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Nomad's SystemScheduler: one allocation of each group on every ready node of the job's
 * datacenters. Nodes that do not pass the group's constraints are skipped quietly; nodes that
 * pass but lack room are reported in FailedTGAllocs (once per group, later ones coalesced)
 * with a blocked evaluation for that node. Updates happen all at once (no rolling updates).
 *
 * <p>One instance per evaluation; not thread-safe.
 */
public final class SystemScheduler implements Scheduler {
    static final int MAX_ATTEMPTS = 5;

    private final Planner planner;
    private final SchedulerEnv env;
    private final StackFactory stacks;
    private StateReader state;

    private Evaluation eval;
    private Job job;
    private Plan plan;
    private PlanResult planResult;
    private EvalContext ctx;
    private Stack stack;
    private ReadyNodes.InDcs candidates;
    private Map<String, AllocMetric> failedTgAllocs;
    private Map<String, Integer> queuedAllocs;

    public SystemScheduler(StateReader state, Planner planner, SchedulerEnv env, StackFactory stacks) {
        this.state = Objects.requireNonNull(state);
        this.planner = Objects.requireNonNull(planner);
        this.env = Objects.requireNonNull(env);
        this.stacks = Objects.requireNonNull(stacks);
    }

    @Override
    public void process(Evaluation evaluation) throws SchedulerException {
        this.eval = evaluation;
        if (!EvalTriggers.SYSTEM.contains(eval.triggeredBy)) {
            Evals.setStatus(planner, eval, null, null, failedTgAllocs, Evaluation.STATUS_FAILED,
                    "scheduler cannot handle '" + eval.triggeredBy + "' evaluation reason", queuedAllocs);
            return;
        }
        try {
            PlanAttempts.retryMax(MAX_ATTEMPTS, this::pass, () -> planResult);
        } catch (PlanAttempts.MaxAttemptsException e) {
            Evals.setStatus(planner, eval, null, null, failedTgAllocs, Evaluation.STATUS_FAILED, e.getMessage(),
                    queuedAllocs);
            return;
        }
        Evals.setStatus(planner, eval, null, null, failedTgAllocs, Evaluation.STATUS_COMPLETE, "", queuedAllocs);
    }

    private boolean pass() throws SchedulerException {
        job = state.job(eval.namespace, eval.jobId).orElse(null);
        boolean stopped = job == null || job.isStopped();
        queuedAllocs = new TreeMap<>();
        candidates = stopped ? new ReadyNodes.InDcs(List.of(), Map.of()) : ReadyNodes.readyNodesInDCs(state, job.datacenters);
        plan = Evals.makePlan(eval, job);
        failedTgAllocs = null;
        ctx = new EvalContext(state, plan);
        stack = stacks.system(ctx);
        if (!stopped) {
            stack.setJob(job);
        }
        computeJobAllocs(stopped);
        if (plan.isNoOp() && !Boolean.TRUE.equals(eval.annotatePlan)) {
            return true;
        }
        PlanSubmission submission = planner.submitPlan(plan);
        planResult = submission.result();
        QueuedAllocations.adjust(planResult, queuedAllocs);
        if (submission.refreshedState() != null) {
            state = submission.refreshedState();
            return false;
        }
        return planResult.fullCommit(plan).full();
    }

    private void computeJobAllocs(boolean stopped) throws SchedulerException {
        List<Allocation> all = state.allocationsOfJob(eval.namespace, eval.jobId, true);
        Map<String, Node> tainted = TaintedNodes.of(state, all);
        TaintedNodes.markStoppedAllocsLost(plan, tainted, all, env.now());

        List<Allocation> live = new ArrayList<>();
        Map<String, Allocation> terminalByName = new HashMap<>();
        for (Allocation a : all) {
            if (!a.terminalStatus()) {
                live.add(a);
                continue;
            }
            Allocation seen = terminalByName.get(a.name);
            if (seen == null || lng(seen.createIndex) < lng(a.createIndex)) {
                terminalByName.put(a.name, a);
            }
        }
        SystemDiff diff = SystemDiff.compute(job, candidates.nodes(), tainted, live, terminalByName);

        for (AllocTuple t : diff.stop) {
            plan.appendStoppedAlloc(t.alloc(), Descriptions.ALLOC_NOT_NEEDED, "", "", env.now());
        }
        for (AllocTuple t : diff.migrate) {
            plan.appendStoppedAlloc(t.alloc(), Descriptions.ALLOC_NODE_TAINTED, "", "", env.now());
        }
        for (AllocTuple t : diff.lost) {
            plan.appendStoppedAlloc(t.alloc(), Descriptions.ALLOC_LOST, Allocation.CLIENT_LOST, "", env.now());
        }

        List<AllocTuple> destructive = new ArrayList<>();
        List<AllocTuple> inplace = new ArrayList<>();
        for (AllocTuple t : diff.update) {
            if (updateInPlace(t)) {
                inplace.add(t);
            } else {
                destructive.add(t);
            }
        }
        if (Boolean.TRUE.equals(eval.annotatePlan)) {
            plan.annotations = new PlanAnnotations();
            plan.annotations.desiredTgUpdates = desiredUpdates(diff, inplace, destructive);
        }
        // No rolling updates: every destructive update is made now, stopped and placed again.
        for (AllocTuple t : destructive) {
            plan.appendStoppedAlloc(t.alloc(), Descriptions.ALLOC_UPDATING, "", "", env.now());
            diff.place.add(t);
        }

        if (diff.place.isEmpty()) {
            if (!stopped) {
                for (TaskGroup tg : job.taskGroups) {
                    queuedAllocs.put(tg.name, 0);
                }
            }
            return;
        }
        for (AllocTuple t : diff.place) {
            queuedAllocs.merge(t.taskGroup().name, 1, Integer::sum);
        }
        computePlacements(diff.place);
    }

    /** Nomad's inplaceUpdate for one allocation: true if it was updated in place (or needs nothing). */
    private boolean updateInPlace(AllocTuple t) {
        if (TaskChanges.tasksUpdated(job, t.alloc().job, t.taskGroup().name)) {
            return false;
        }
        if (t.alloc().terminalStatus()) {
            return true;
        }
        ctx.reset();
        Allocation updated = AllocBuilder.inPlaceUpdate(ctx, stack, t.alloc(), t.taskGroup(), eval.id, env);
        if (updated == null) {
            return false;
        }
        plan.appendAlloc(updated);
        return true;
    }

    private void computePlacements(List<AllocTuple> place) throws SchedulerException {
        Map<String, Node> nodeById = new HashMap<>();
        for (Node n : candidates.nodes()) {
            nodeById.put(n.id, n);
        }
        for (AllocTuple missing : place) {
            Node node = nodeById.get(missing.alloc().nodeId);
            if (node == null) {
                continue;
            }
            TaskGroup tg = missing.taskGroup();
            stack.setNodes(List.of(node));
            ctx.reset();
            RankedNode option = stack.select(tg, SelectOptions.none());
            if (option == null) {
                if (ctx.metrics().nodesFiltered != null && ctx.metrics().nodesFiltered > 0) {
                    // The node does not qualify for the group: nothing is owed there.
                    queuedAllocs.merge(tg.name, -1, Integer::sum);
                    DesiredUpdates desired = plan.annotations == null || plan.annotations.desiredTgUpdates == null
                            ? null : plan.annotations.desiredTgUpdates.get(tg.name);
                    if (desired != null) {
                        desired.place -= 1;
                    }
                    continue;
                }
                AllocMetric failed = failedTgAllocs == null ? null : failedTgAllocs.get(tg.name);
                if (failed != null) {
                    failed.coalescedFailures = failed.coalescedFailures + 1;
                    continue;
                }
                ctx.metrics().nodesAvailable = new LinkedHashMap<>(candidates.byDc());
                ctx.metrics().populateScoreMetaData();
                if (failedTgAllocs == null) {
                    failedTgAllocs = new TreeMap<>();
                }
                failedTgAllocs.put(tg.name, ctx.metrics());
                addBlocked(node);
                continue;
            }
            ctx.metrics().nodesAvailable = new LinkedHashMap<>(candidates.byDc());
            ctx.metrics().populateScoreMetaData();
            Allocation alloc = AllocBuilder.newAllocation(job, eval.id, tg, missing.name(), option, ctx, env);
            alloc.previousAllocation = missing.alloc().id;
            if (option.preemptedAllocs != null && !option.preemptedAllocs.isEmpty()) {
                List<String> preempted = new ArrayList<>();
                for (Allocation victim : option.preemptedAllocs) {
                    plan.appendPreemptedAlloc(victim, alloc.id);
                    preempted.add(victim.id);
                    if (plan.annotations != null) {
                        if (plan.annotations.preemptedAllocs == null) {
                            plan.annotations.preemptedAllocs = new ArrayList<>();
                        }
                        plan.annotations.preemptedAllocs.add(victim.stub());
                        DesiredUpdates desired = plan.annotations.desiredTgUpdates == null
                                ? null : plan.annotations.desiredTgUpdates.get(tg.name);
                        if (desired != null) {
                            desired.preemptions += 1;
                        }
                    }
                }
                alloc.preemptedAllocations = preempted;
            }
            plan.appendAlloc(alloc);
        }
    }

    /** A blocked evaluation for a node that qualifies but is full, to run again when room appears. */
    private void addBlocked(Node node) throws SchedulerException {
        EvalEligibility e = ctx.eligibility();
        boolean escaped = e.hasEscaped();
        Evaluation blocked = Evals.createBlocked(eval, escaped ? null : e.getClasses(), escaped, env);
        blocked.quotaLimitReached = e.quotaLimitReached();
        blocked.statusDescription = Descriptions.BLOCKED_EVAL_FAILED_PLACEMENTS;
        blocked.nodeId = node.id;
        planner.createEval(blocked);
    }

    /** Nomad's desiredUpdates for system plans (lost allocations are not counted, as in Nomad). */
    private static Map<String, DesiredUpdates> desiredUpdates(SystemDiff diff, List<AllocTuple> inplace,
            List<AllocTuple> destructive) {
        Map<String, DesiredUpdates> out = new TreeMap<>();
        for (AllocTuple t : diff.place) {
            at(out, t.taskGroup().name).place++;
        }
        for (AllocTuple t : diff.stop) {
            at(out, t.alloc().taskGroup).stop++;
        }
        for (AllocTuple t : diff.ignore) {
            at(out, t.taskGroup().name).ignore++;
        }
        for (AllocTuple t : diff.migrate) {
            at(out, t.taskGroup().name).migrate++;
        }
        for (AllocTuple t : inplace) {
            at(out, t.taskGroup().name).inPlaceUpdate++;
        }
        for (AllocTuple t : destructive) {
            at(out, t.taskGroup().name).destructiveUpdate++;
        }
        return out;
    }

    private static DesiredUpdates at(Map<String, DesiredUpdates> m, String group) {
        return m.computeIfAbsent(group, k -> DesiredUpdates.none());
    }

    private static long lng(Long v) {
        return v == null ? 0 : v;
    }
}
