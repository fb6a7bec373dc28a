package io.drover.scheduler.reconcile;

import io.drover.model.Job;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.GoTime;
import io.drover.model.node.Node;
import io.drover.model.scheduling.DesiredUpdates;
import io.drover.model.scheduling.Evaluation;
import io.drover.scheduler.Descriptions;
import io.drover.scheduler.EvalTriggers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Compares a job's desired state with its existing allocations and says, per task group, what
 * to place, stop, update in place or replace (Nomad's {@code allocReconciler}). A pure function
 * of its inputs: it reads no state and writes no plan.
 *
 * <p>Drover has no deployments: there are no canaries, and every destructive update is made at
 * once (the limit is the group's count, as Nomad's for a group without an update stanza).
 */
public final class AllocReconciler {
    /** Failed allocations due within this window of the first share one delayed evaluation. */
    static final Duration BATCHED_FAILED_ALLOC_WINDOW = Duration.ofSeconds(5);

    private final AllocUpdateFn updateFn;
    private final boolean batch;
    private final String jobId;
    private final Job job;
    private final List<Allocation> existing;
    private final Map<String, Node> tainted;
    private final String evalId;
    private final Instant now;
    private final Supplier<String> newId;
    private final ReconcileResults result = new ReconcileResults();

    /**
     * @param job      the job as stored now, or null if it was purged
     * @param existing every allocation of the job, each with the job version it runs attached
     * @param tainted  the nodes of those allocations that are down, draining or gone (null value)
     * @param now      the time failed allocations' reschedule delays are measured against
     * @param newId    where follow-up evaluations get their IDs
     */
    public AllocReconciler(AllocUpdateFn updateFn, boolean batch, String jobId, Job job, List<Allocation> existing,
            Map<String, Node> tainted, String evalId, Instant now, Supplier<String> newId) {
        this.updateFn = Objects.requireNonNull(updateFn);
        this.batch = batch;
        this.jobId = Objects.requireNonNull(jobId);
        this.job = job;
        this.existing = Objects.requireNonNull(existing);
        this.tainted = Objects.requireNonNull(tainted);
        this.evalId = Objects.requireNonNull(evalId);
        this.now = Objects.requireNonNull(now);
        this.newId = Objects.requireNonNull(newId);
    }

    public ReconcileResults compute() {
        Map<String, AllocSet> matrix = allocMatrix();
        if (job == null || job.isStopped()) {
            handleStop(matrix);
            return result;
        }
        for (Map.Entry<String, AllocSet> e : matrix.entrySet()) {
            computeGroup(e.getKey(), e.getValue());
        }
        return result;
    }

    /** The allocations by group: the job's groups first in its order, then groups it no longer has. */
    private Map<String, AllocSet> allocMatrix() {
        Map<String, List<Allocation>> byGroup = new TreeMap<>();
        for (Allocation a : existing) {
            byGroup.computeIfAbsent(a.taskGroup, k -> new ArrayList<>()).add(a);
        }
        Map<String, AllocSet> m = new LinkedHashMap<>();
        if (job != null && job.taskGroups != null) {
            for (TaskGroup tg : job.taskGroups) {
                m.put(tg.name, AllocSet.of(byGroup.getOrDefault(tg.name, List.of())));
            }
        }
        byGroup.forEach((group, allocs) -> m.putIfAbsent(group, AllocSet.of(allocs)));
        return m;
    }

    /** A stopped or purged job: every live allocation goes, lost ones marked lost. */
    private void handleStop(Map<String, AllocSet> matrix) {
        matrix.forEach((group, all) -> {
            AllocSet live = all.nonTerminal();
            AllocSet.Tainted t = live.filterByTainted(tainted);
            markStop(t.untainted(), "", Descriptions.ALLOC_NOT_NEEDED);
            markStop(t.migrate(), "", Descriptions.ALLOC_NOT_NEEDED);
            markStop(t.lost(), Allocation.CLIENT_LOST, Descriptions.ALLOC_LOST);
            result.desiredTgUpdates.put(group, DesiredUpdates.none().withStop(live.size()));
        });
    }

    private void markStop(AllocSet allocs, String clientStatus, String description) {
        for (Allocation a : allocs.values()) {
            result.stop.add(new AllocStopResult(a, clientStatus, description, ""));
        }
    }

    private void computeGroup(String group, AllocSet all) {
        DesiredUpdates desired = DesiredUpdates.none();
        result.desiredTgUpdates.put(group, desired);
        TaskGroup tg = job.lookupTaskGroup(group);
        if (tg == null) {
            // The group was removed from the job: all of it goes.
            AllocSet.Tainted t = all.filterByTainted(tainted);
            markStop(t.untainted(), "", Descriptions.ALLOC_NOT_NEEDED);
            markStop(t.migrate(), "", Descriptions.ALLOC_NOT_NEEDED);
            markStop(t.lost(), Allocation.CLIENT_LOST, Descriptions.ALLOC_LOST);
            desired.stop = (long) t.untainted().size() + t.migrate().size() + t.lost().size();
            return;
        }
        int count = tg.count == null ? 0 : tg.count;

        AllocSet oldTerminal = batch ? oldTerminal(all) : AllocSet.empty();
        all = all.difference(oldTerminal);
        desired.ignore += oldTerminal.size();

        AllocSet.Tainted t = all.filterByTainted(tainted);
        RescheduleFilter.Split split = RescheduleFilter.split(t.untainted(), batch, now, evalId);
        AllocSet untainted = split.untainted();
        AllocSet migrate = t.migrate();
        AllocSet lost = t.lost();
        AllocSet rescheduleNow = split.rescheduleNow();

        List<DelayedReschedule> lostLater = delayByStopAfterClientDisconnect(lost);
        Map<String, String> lostLaterEvals = createDelayedEvals(lostLater, tg.name);
        handleDelayedReschedules(split.rescheduleLater(), all, tg.name);

        AllocNameIndex nameIndex = new AllocNameIndex(jobId, group, count, untainted.union(migrate, rescheduleNow));

        AllocSet stop = computeStop(tg, count, nameIndex, untainted, migrate, lost, lostLaterEvals);
        desired.stop += stop.size();
        untainted = untainted.difference(stop);

        AllocSet ignore = AllocSet.empty();
        AllocSet destructive = AllocSet.empty();
        for (Allocation a : untainted.values()) {
            UpdateDecision d = updateFn.decide(a, job, tg);
            if (d.ignore()) {
                ignore.add(a);
            } else if (d.destructive()) {
                destructive.add(a);
            } else {
                desired.inPlaceUpdate++;
                result.inplaceUpdate.add(d.updated());
            }
        }
        desired.ignore += ignore.size();

        int limit = count;
        // While a lost allocation waits out stop_after_client_disconnect, nothing is placed for it.
        List<AllocPlaceResult> place = lostLater.isEmpty()
                ? computePlacements(tg, count, nameIndex, untainted, migrate, rescheduleNow) : List.of();
        desired.place += place.size();
        result.place.addAll(place);
        markStop(rescheduleNow, "", Descriptions.ALLOC_RESCHEDULED);
        desired.stop += rescheduleNow.size();
        limit -= Math.min(place.size(), limit);

        int updates = Math.min(destructive.size(), limit);
        desired.destructiveUpdate += updates;
        desired.ignore += destructive.size() - updates;
        for (Allocation a : destructive.nameOrder().subList(0, updates)) {
            result.destructiveUpdate.add(new AllocDestructiveResult(a.name, tg, a, Descriptions.ALLOC_UPDATING));
        }

        desired.migrate += migrate.size();
        for (Allocation a : migrate.nameOrder()) {
            result.stop.add(AllocStopResult.of(a, Descriptions.ALLOC_MIGRATING));
            result.place.add(new AllocPlaceResult(a.name, tg, a, false));
        }
    }

    /** Batch allocations of an older job version that finished: history, not to be run again. */
    private AllocSet oldTerminal(AllocSet all) {
        AllocSet out = AllocSet.empty();
        for (Allocation a : all.values()) {
            boolean older = a.job != null && (lng(a.job.version) < lng(job.version)
                    || lng(a.job.createIndex) < lng(job.createIndex));
            if (older && a.terminalStatus()) {
                out.add(a);
            }
        }
        return out;
    }

    private List<AllocPlaceResult> computePlacements(TaskGroup tg, int count, AllocNameIndex nameIndex,
            AllocSet untainted, AllocSet migrate, AllocSet reschedule) {
        List<AllocPlaceResult> place = new ArrayList<>();
        for (Allocation a : reschedule.values()) {
            place.add(new AllocPlaceResult(a.name, tg, a, true));
        }
        int existingCount = untainted.size() + migrate.size() + reschedule.size();
        if (existingCount < count) {
            for (String name : nameIndex.next(count - existingCount)) {
                place.add(new AllocPlaceResult(name, tg, null, false));
            }
        }
        return place;
    }

    /**
     * What to stop: every lost allocation, then, if more remain than the count wants, migrating
     * allocations with the highest names, then untainted ones with the highest names, then any.
     */
    private AllocSet computeStop(TaskGroup tg, int count, AllocNameIndex nameIndex, AllocSet untainted,
            AllocSet migrate, AllocSet lost, Map<String, String> followupEvals) {
        AllocSet stop = lost.union();
        for (Allocation a : lost.values()) {
            result.stop.add(new AllocStopResult(a, Allocation.CLIENT_LOST, Descriptions.ALLOC_LOST,
                    followupEvals.getOrDefault(a.id, "")));
        }
        int remove = untainted.size() + migrate.size() - count;
        if (remove <= 0) {
            return stop;
        }
        AllocSet live = untainted.nonTerminal();
        if (!migrate.isEmpty()) {
            Set<String> names = new AllocNameIndex(jobId, tg.name, count, migrate).highest(remove);
            for (Allocation a : List.copyOf(migrate.values())) {
                if (!names.contains(a.name)) {
                    continue;
                }
                result.stop.add(AllocStopResult.of(a, Descriptions.ALLOC_NOT_NEEDED));
                migrate.remove(a.id);
                stop.add(a);
                nameIndex.unsetIndex(a.index());
                if (--remove == 0) {
                    return stop;
                }
            }
        }
        Set<String> names = nameIndex.highest(remove);
        for (Allocation a : List.copyOf(live.values())) {
            if (names.contains(a.name)) {
                stop.add(a);
                result.stop.add(AllocStopResult.of(a, Descriptions.ALLOC_NOT_NEEDED));
                live.remove(a.id);
                if (--remove == 0) {
                    return stop;
                }
            }
        }
        for (Allocation a : List.copyOf(live.values())) {
            stop.add(a);
            result.stop.add(AllocStopResult.of(a, Descriptions.ALLOC_NOT_NEEDED));
            live.remove(a.id);
            if (--remove == 0) {
                return stop;
            }
        }
        return stop;
    }

    /** Lost allocations whose group waits stop_after_client_disconnect before replacing them. */
    private List<DelayedReschedule> delayByStopAfterClientDisconnect(AllocSet lost) {
        List<DelayedReschedule> later = new ArrayList<>();
        for (Allocation a : lost.values()) {
            if (!a.shouldClientStop()) {
                continue;
            }
            Instant t = a.waitClientStop(now);
            if (t.isAfter(now)) {
                later.add(new DelayedReschedule(a, t));
            }
        }
        return later;
    }

    /** Failed allocations to replace later: each gets a FollowupEvalID on a delayed evaluation. */
    private void handleDelayedReschedules(List<DelayedReschedule> later, AllocSet all, String group) {
        Map<String, String> followups = createDelayedEvals(later, group);
        followups.forEach((allocId, followupId) -> {
            Allocation updated = all.get(allocId).copySkipJob();
            updated.followupEvalId = followupId;
            result.attributeUpdates.put(updated.id, updated);
        });
    }

    /**
     * Creates delayed evaluations for {@code later}, one per window of
     * {@link #BATCHED_FAILED_ALLOC_WINDOW} from the earliest time, and says which evaluation
     * each allocation waits for. Evaluations of both kinds (lost and failed) are kept for the
     * group; Nomad 0.11.3 lets the second kind overwrite the first, which would leave lost
     * allocations waiting for an evaluation that is never created.
     */
    private Map<String, String> createDelayedEvals(List<DelayedReschedule> later, String group) {
        Map<String, String> followups = new LinkedHashMap<>();
        if (later.isEmpty()) {
            return followups;
        }
        List<DelayedReschedule> sorted = new ArrayList<>(later);
        sorted.sort(Comparator.comparing(DelayedReschedule::rescheduleTime));
        List<Evaluation> evals = result.desiredFollowupEvals.computeIfAbsent(group, k -> new ArrayList<>());
        Instant windowStart = sorted.get(0).rescheduleTime();
        Evaluation eval = followupEval(windowStart, true);
        evals.add(eval);
        for (DelayedReschedule d : sorted) {
            if (Duration.between(windowStart, d.rescheduleTime()).compareTo(BATCHED_FAILED_ALLOC_WINDOW) >= 0) {
                windowStart = d.rescheduleTime();
                eval = followupEval(windowStart, false);
                evals.add(eval);
            }
            followups.put(d.alloc().id, eval.id);
        }
        return followups;
    }

    private Evaluation followupEval(Instant waitUntil, boolean described) {
        Evaluation e = new Evaluation();
        e.id = newId.get();
        e.namespace = job.namespace;
        e.priority = job.priority;
        e.type = job.type;
        e.triggeredBy = EvalTriggers.RETRY_FAILED_ALLOC;
        e.jobId = job.id;
        e.jobModifyIndex = job.modifyIndex;
        e.status = Evaluation.STATUS_PENDING;
        // Nomad describes only the first of a batch of follow-ups.
        if (described) {
            e.statusDescription = Descriptions.RESCHEDULING_FOLLOWUP_EVAL;
        }
        e.waitUntil = GoTime.format(waitUntil);
        return e;
    }

    private static long lng(Long v) {
        return v == null ? 0 : v;
    }
}
