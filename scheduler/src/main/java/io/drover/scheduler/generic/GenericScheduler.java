package io.drover.scheduler.generic;

import io.drover.model.Job;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.AllocMetric;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
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
import io.drover.scheduler.reconcile.AllocReconciler;
import io.drover.scheduler.reconcile.AllocStopResult;
import io.drover.scheduler.reconcile.Placement;
import io.drover.scheduler.reconcile.ReconcileResults;
import io.drover.scheduler.reconcile.UpdateDecision;
import io.drover.scheduler.select.EvalContext;
import io.drover.scheduler.select.EvalEligibility;
import io.drover.scheduler.select.NodeShuffle;
import io.drover.scheduler.select.RankedNode;
import io.drover.scheduler.select.ReadyNodes;
import io.drover.scheduler.select.SelectOptions;
import io.drover.scheduler.select.Stack;
import io.drover.state.StateReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Nomad's GenericScheduler for service and batch jobs: reconciles the job with its
 * allocations, places what is missing with the stack, submits the plan, and retries on fresher
 * state when the applier commits only part of it (up to 5 passes without progress for
 * services, 2 for batch, then the evaluation fails). Groups that could not be placed are
 * reported in FailedTGAllocs and left to a blocked evaluation.
 *
 * <p>One instance per evaluation; not thread-safe.
 */
public final class GenericScheduler implements Scheduler {
    static final int MAX_SERVICE_ATTEMPTS = 5;
    static final int MAX_BATCH_ATTEMPTS = 2;
    /** With unlimited reschedules, how many past reschedule events an allocation carries. */
    static final int MAX_PAST_RESCHEDULE_EVENTS = 5;

    private final Planner planner;
    private final SchedulerEnv env;
    private final StackFactory stacks;
    private final boolean batch;
    private StateReader state;

    private Evaluation eval;
    private Job job;
    private Plan plan;
    private PlanResult planResult;
    private EvalContext ctx;
    private Stack stack;
    private List<Evaluation> followUpEvals = new ArrayList<>();
    private Evaluation blocked;
    private Map<String, AllocMetric> failedTgAllocs;
    private Map<String, Integer> queuedAllocs;

    public GenericScheduler(boolean batch, StateReader state, Planner planner, SchedulerEnv env, StackFactory stacks) {
        this.batch = batch;
        this.state = Objects.requireNonNull(state);
        this.planner = Objects.requireNonNull(planner);
        this.env = Objects.requireNonNull(env);
        this.stacks = Objects.requireNonNull(stacks);
    }

    @Override
    public void process(Evaluation evaluation) throws SchedulerException {
        this.eval = evaluation;
        if (!EvalTriggers.GENERIC.contains(eval.triggeredBy)) {
            Evals.setStatus(planner, eval, null, blocked, failedTgAllocs, Evaluation.STATUS_FAILED,
                    "scheduler cannot handle '" + eval.triggeredBy + "' evaluation reason", queuedAllocs);
            return;
        }
        try {
            PlanAttempts.retryMax(batch ? MAX_BATCH_ATTEMPTS : MAX_SERVICE_ATTEMPTS, this::pass, () -> planResult);
        } catch (PlanAttempts.MaxAttemptsException e) {
            // No progress: leave the rest to a blocked evaluation and fail this one.
            createBlockedEval(true);
            Evals.setStatus(planner, eval, null, blocked, failedTgAllocs, Evaluation.STATUS_FAILED, e.getMessage(),
                    queuedAllocs);
            return;
        }
        if (Evaluation.STATUS_BLOCKED.equals(eval.status) && failedTgAllocs != null && !failedTgAllocs.isEmpty()) {
            // An unblocked evaluation that still cannot place everything goes back to waiting.
            EvalEligibility e = ctx.eligibility();
            Evaluation again = eval.copy();
            again.escapedComputedClass = e.hasEscaped();
            again.classEligibility = e.getClasses();
            again.quotaLimitReached = e.quotaLimitReached();
            planner.reblockEval(again);
            return;
        }
        Evals.setStatus(planner, eval, null, blocked, failedTgAllocs, Evaluation.STATUS_COMPLETE, "", queuedAllocs);
    }

    /** One scheduling pass; true when finished. */
    private boolean pass() throws SchedulerException {
        job = state.job(eval.namespace, eval.jobId).orElse(null);
        boolean stopped = job == null || job.isStopped();
        queuedAllocs = new TreeMap<>();
        followUpEvals = new ArrayList<>();
        plan = Evals.makePlan(eval, job);
        failedTgAllocs = null;
        ctx = new EvalContext(state, plan);
        stack = stacks.generic(batch, ctx);
        if (!stopped) {
            stack.setJob(job);
        }
        computeJobAllocs();

        boolean delayInstead = !followUpEvals.isEmpty() && isZeroTime(eval.waitUntil);
        if (!Evaluation.STATUS_BLOCKED.equals(eval.status) && failedTgAllocs != null && blocked == null
                && !delayInstead) {
            createBlockedEval(false);
        }
        if (plan.isNoOp() && !Boolean.TRUE.equals(eval.annotatePlan)) {
            return true;
        }
        if (delayInstead) {
            for (Evaluation followUp : followUpEvals) {
                followUp.previousEval = eval.id;
                planner.createEval(followUp);
            }
        }
        PlanSubmission submission = planner.submitPlan(plan);
        planResult = submission.result();
        QueuedAllocations.adjust(planResult, queuedAllocs);
        if (submission.refreshedState() != null) {
            state = submission.refreshedState();
            return false;
        }
        if (!planResult.fullCommit(plan).full()) {
            throw new SchedulerException("missing state refresh after partial commit");
        }
        return true;
    }

    private void computeJobAllocs() throws SchedulerException {
        List<Allocation> allocs = state.allocationsOfJob(eval.namespace, eval.jobId, true);
        Map<String, Node> tainted = TaintedNodes.of(state, allocs);
        TaintedNodes.markStoppedAllocsLost(plan, tainted, allocs, env.now());

        ReconcileResults results = new AllocReconciler(this::allocUpdate, batch, eval.jobId, job, allocs, tainted,
                eval.id, env.now(), env.newId()).compute();
        if (Boolean.TRUE.equals(eval.annotatePlan)) {
            plan.annotations = new PlanAnnotations();
            plan.annotations.desiredTgUpdates = results.desiredTgUpdates;
        }
        results.desiredFollowupEvals.values().forEach(followUpEvals::addAll);
        for (AllocStopResult stop : results.stop) {
            plan.appendStoppedAlloc(stop.alloc(), stop.description(), stop.clientStatus(), stop.followupEvalId(),
                    env.now());
        }
        for (Allocation update : results.inplaceUpdate) {
            update.deploymentId = "";
            update.deploymentStatus = null;
            plan.appendAlloc(update);
        }
        for (Allocation update : results.attributeUpdates.values()) {
            plan.appendAlloc(update);
        }
        if (results.place.isEmpty() && results.destructiveUpdate.isEmpty()) {
            if (job != null && job.taskGroups != null) {
                for (TaskGroup tg : job.taskGroups) {
                    queuedAllocs.put(tg.name, 0);
                }
            }
            return;
        }
        for (Placement p : results.place) {
            queuedAllocs.merge(p.taskGroup().name, 1, Integer::sum);
        }
        for (Placement p : results.destructiveUpdate) {
            queuedAllocs.merge(p.taskGroup().name, 1, Integer::sum);
        }
        // Destructive updates first: the resources they free count for the new placements.
        List<Placement> ordered = new ArrayList<>(results.destructiveUpdate);
        ordered.addAll(results.place);
        computePlacements(ordered);
    }

    /** Nomad's genericAllocUpdateFn: same job version → ignore; task changes → destructive; else in place if it still fits. */
    private UpdateDecision allocUpdate(Allocation existing, Job newJob, TaskGroup newGroup) {
        if (Objects.equals(existing.job.jobModifyIndex, newJob.jobModifyIndex)) {
            return UpdateDecision.IGNORE;
        }
        if (TaskChanges.tasksUpdated(newJob, existing.job, newGroup.name)) {
            return UpdateDecision.DESTRUCTIVE;
        }
        if (existing.terminalStatus()) {
            return UpdateDecision.IGNORE;
        }
        ctx.reset();
        Allocation updated = AllocBuilder.inPlaceUpdate(ctx, stack, existing, newGroup, eval.id, env);
        if (updated == null) {
            return UpdateDecision.DESTRUCTIVE;
        }
        updated.metrics = existing.metrics == null ? null : existing.metrics.copy();
        return UpdateDecision.inPlace(updated);
    }

    private void computePlacements(List<Placement> placements) throws SchedulerException {
        ReadyNodes.InDcs candidates = ReadyNodes.readyNodesInDCs(state, job.datacenters);
        List<Node> nodes = new ArrayList<>(candidates.nodes());
        NodeShuffle.shuffle(nodes, NodeShuffle.seedOf(eval.id));
        stack.setNodes(nodes);
        for (Placement missing : placements) {
            TaskGroup tg = missing.taskGroup();
            AllocMetric failed = failedTgAllocs == null ? null : failedTgAllocs.get(tg.name);
            if (failed != null) {
                failed.coalescedFailures = failed.coalescedFailures + 1;
                continue;
            }
            Node preferred = preferredNode(missing);
            Allocation prev = missing.previousAllocation();
            String stopDescription = missing.stopPreviousDescription();
            if (stopDescription != null) {
                // Stopped before selecting so its resources are free for its replacement.
                plan.appendStoppedAlloc(prev, stopDescription, "", "", env.now());
            }
            ctx.reset();
            RankedNode option = stack.select(tg, selectOptions(prev, preferred));
            ctx.metrics().nodesAvailable = new LinkedHashMap<>(candidates.byDc());
            ctx.metrics().populateScoreMetaData();
            if (option != null) {
                Allocation alloc = AllocBuilder.newAllocation(job, eval.id, tg, missing.name(), option, ctx, env);
                if (prev != null) {
                    alloc.previousAllocation = prev.id;
                    if (missing.isRescheduling()) {
                        RescheduleTrackers.carryOver(alloc, prev, env.now(), MAX_PAST_RESCHEDULE_EVENTS);
                    }
                }
                plan.appendAlloc(alloc);
            } else {
                if (failedTgAllocs == null) {
                    failedTgAllocs = new TreeMap<>();
                }
                failedTgAllocs.put(tg.name, ctx.metrics());
                if (stopDescription != null) {
                    // The replacement does not fit: keep the allocation it would have replaced.
                    plan.popUpdate(prev);
                }
            }
        }
    }

    /** Where a failed allocation ran (and ran before) is penalised; a sticky disk prefers its node. */
    private static SelectOptions selectOptions(Allocation prev, Node preferred) {
        Set<String> penalty = new LinkedHashSet<>();
        if (prev != null) {
            if (Allocation.CLIENT_FAILED.equals(prev.clientStatus)) {
                penalty.add(prev.nodeId);
            }
            if (prev.rescheduleTracker != null && prev.rescheduleTracker.events != null) {
                prev.rescheduleTracker.events.forEach(e -> penalty.add(e.prevNodeId));
            }
        }
        return new SelectOptions(penalty, preferred == null ? List.of() : List.of(preferred), false);
    }

    /** Nomad's findPreferredNode: a replacement with a sticky ephemeral disk prefers its previous node, if ready. */
    private Node preferredNode(Placement p) {
        Allocation prev = p.previousAllocation();
        TaskGroup tg = p.taskGroup();
        if (prev == null || tg.ephemeralDisk == null || !Boolean.TRUE.equals(tg.ephemeralDisk.sticky)) {
            return null;
        }
        Node n = state.node(prev.nodeId).orElse(null);
        return n != null && n.ready() ? n : null;
    }

    private void createBlockedEval(boolean planFailure) throws SchedulerException {
        EvalEligibility e = ctx.eligibility();
        boolean escaped = e.hasEscaped();
        // Classes are only worth recording when the constraints did not escape them.
        blocked = Evals.createBlocked(eval, escaped ? null : e.getClasses(), escaped, env);
        blocked.quotaLimitReached = e.quotaLimitReached();
        if (planFailure) {
            blocked.triggeredBy = EvalTriggers.MAX_PLANS;
            blocked.statusDescription = Descriptions.BLOCKED_EVAL_MAX_PLAN;
        } else {
            blocked.statusDescription = Descriptions.BLOCKED_EVAL_FAILED_PLACEMENTS;
        }
        planner.createEval(blocked);
    }

    private static boolean isZeroTime(String t) {
        return t == null || t.isEmpty() || t.startsWith("0001-01-01T00:00:00");
    }
}
