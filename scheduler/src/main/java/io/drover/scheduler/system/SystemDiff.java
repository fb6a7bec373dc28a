package io.drover.scheduler.system;

import io.drover.model.Job;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a system job needs on each node (Nomad's {@code diffSystemAllocs}): every eligible node
 * runs one allocation of each group. Per node, existing allocations are stopped (name no longer
 * wanted), migrated (asked to by a drain), lost (node down or gone), updated (job changed) or
 * ignored; missing names are placed on eligible, untainted nodes.
 */
public final class SystemDiff {
    public final List<AllocTuple> place = new ArrayList<>();
    public final List<AllocTuple> update = new ArrayList<>();
    public final List<AllocTuple> migrate = new ArrayList<>();
    public final List<AllocTuple> stop = new ArrayList<>();
    public final List<AllocTuple> ignore = new ArrayList<>();
    public final List<AllocTuple> lost = new ArrayList<>();

    /**
     * @param job            the job, or null if purged
     * @param eligibleNodes  the ready nodes in the job's datacenters
     * @param tainted        the allocations' nodes that are down, draining or gone (null value)
     * @param allocs         the job's non-terminal allocations
     * @param terminalByName the newest terminal allocation of each name
     */
    public static SystemDiff compute(Job job, List<Node> eligibleNodes, Map<String, Node> tainted,
            List<Allocation> allocs, Map<String, Allocation> terminalByName) {
        Map<String, List<Allocation>> byNode = new TreeMap<>();
        for (Allocation a : allocs) {
            byNode.computeIfAbsent(a.nodeId, k -> new ArrayList<>()).add(a);
        }
        Set<String> eligible = new HashSet<>();
        for (Node n : eligibleNodes) {
            byNode.putIfAbsent(n.id, new ArrayList<>());
            eligible.add(n.id);
        }
        Map<String, TaskGroup> required = materialize(job);
        SystemDiff diff = new SystemDiff();
        byNode.forEach((nodeId, nodeAllocs) ->
                diff.forNode(job, nodeId, eligible, tainted, required, nodeAllocs, terminalByName));
        return diff;
    }

    /** Nomad's materializeTaskGroups: each name a system job wants (by job name, as Nomad names them). */
    static Map<String, TaskGroup> materialize(Job job) {
        Map<String, TaskGroup> out = new LinkedHashMap<>();
        if (job == null || job.isStopped() || job.taskGroups == null) {
            return out;
        }
        for (TaskGroup tg : job.taskGroups) {
            int count = tg.count == null ? 0 : tg.count;
            for (int i = 0; i < count; i++) {
                out.put(Allocation.allocName(job.name, tg.name, i), tg);
            }
        }
        return out;
    }

    private void forNode(Job job, String nodeId, Set<String> eligible, Map<String, Node> tainted,
            Map<String, TaskGroup> required, List<Allocation> allocs, Map<String, Allocation> terminalByName) {
        Set<String> existing = new HashSet<>();
        for (Allocation exist : allocs) {
            String name = exist.name;
            existing.add(name);
            TaskGroup tg = required.get(name);
            if (tg == null) {
                stop.add(new AllocTuple(name, null, exist));
                continue;
            }
            if (!exist.terminalStatus() && exist.desiredTransition != null
                    && exist.desiredTransition.shouldMigrate()) {
                migrate.add(new AllocTuple(name, tg, exist));
                continue;
            }
            if (tainted.containsKey(exist.nodeId)) {
                Node node = tainted.get(exist.nodeId);
                boolean finishedBatch = exist.job != null && Job.TYPE_BATCH.equals(exist.job.type)
                        && exist.ranSuccessfully();
                if (!finishedBatch && !exist.terminalStatus() && (node == null || node.terminalStatus())) {
                    lost.add(new AllocTuple(name, tg, exist));
                } else {
                    // On a draining node, or already done: left until the drainer asks for a migration.
                    ignore.add(new AllocTuple(name, tg, exist));
                }
                continue;
            }
            if (!eligible.contains(nodeId)) {
                // An ineligible node keeps what it runs; it just gets nothing new.
                ignore.add(new AllocTuple(name, tg, exist));
                continue;
            }
            if (!Objects.equals(job.jobModifyIndex, exist.job == null ? null : exist.job.jobModifyIndex)) {
                update.add(new AllocTuple(name, tg, exist));
                continue;
            }
            ignore.add(new AllocTuple(name, tg, exist));
        }
        if (tainted.containsKey(nodeId) || !eligible.contains(nodeId)) {
            return;
        }
        required.forEach((name, tg) -> {
            if (existing.contains(name)) {
                return;
            }
            Allocation previous = terminalByName.get(name);
            if (previous == null || !nodeId.equals(previous.nodeId)) {
                previous = new Allocation();
                previous.nodeId = nodeId;
            }
            place.add(new AllocTuple(name, tg, previous));
        });
    }
}
