package io.drover.scheduler;

import io.drover.model.Job;
import io.drover.model.Resources;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.AllocatedResources;
import io.drover.model.alloc.AllocatedSharedResources;
import io.drover.model.alloc.AllocatedTaskResources;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.GoTime;
import io.drover.model.resources.LegacyResources;
import io.drover.scheduler.select.EvalContext;
import io.drover.scheduler.select.RankedNode;
import io.drover.scheduler.select.SelectOptions;
import io.drover.scheduler.select.Stack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds allocations from the stack's choices, as both schedulers do: a new allocation on a
 * ranked node, and the in-place update of an existing allocation re-checked on its own node.
 */
public final class AllocBuilder {
    private AllocBuilder() {
    }

    /**
     * A new allocation of {@code tg} named {@code name} on {@code option}'s node: pending, wanted
     * running, with the resources the stack assigned (tasks, group networks, ephemeral disk)
     * and the pre-0.9 resource fields Nomad 0.11 still writes.
     */
    public static Allocation newAllocation(Job job, String evalId, TaskGroup tg, String name, RankedNode option,
            EvalContext ctx, SchedulerEnv env) {
        AllocatedResources resources = allocatedResources(tg, option);
        if (option.allocResources != null) {
            resources.shared.networks = option.allocResources.networks;
        }
        long now = GoTime.unixNanos(env.now());
        Allocation a = new Allocation();
        a.id = env.newId().get();
        a.namespace = job.namespace;
        a.evalId = evalId;
        a.name = name;
        a.jobId = job.id;
        a.taskGroup = tg.name;
        a.metrics = ctx.metrics();
        a.nodeId = option.node.id;
        a.nodeName = option.node.name;
        a.taskResources = oldTaskResources(resources);
        a.allocatedResources = resources;
        a.desiredStatus = Allocation.DESIRED_RUN;
        a.clientStatus = Allocation.CLIENT_PENDING;
        a.sharedResources = LegacyResources.shared(diskMb(tg), resources.shared.networks);
        a.createTime = now;
        a.modifyTime = now;
        return a;
    }

    /**
     * Nomad's in-place update: {@code existing} re-placed on its own node for {@code tg} (its
     * own resources set aside while the node is checked), keeping its networks and devices.
     * Null when the group no longer fits there.
     */
    public static Allocation inPlaceUpdate(EvalContext ctx, Stack stack, Allocation existing, TaskGroup tg,
            String evalId, SchedulerEnv env) {
        var node = ctx.state().node(existing.nodeId).orElse(null);
        if (node == null) {
            return null;
        }
        stack.setNodes(List.of(node));
        ctx.plan().appendStoppedAlloc(existing, Descriptions.ALLOC_IN_PLACE, "", "", env.now());
        RankedNode option = stack.select(tg, SelectOptions.none());
        ctx.plan().popUpdate(existing);
        if (option == null) {
            return null;
        }
        for (Map.Entry<String, AllocatedTaskResources> e : option.taskResources.entrySet()) {
            AllocatedTaskResources kept = existing.allocatedResources == null || existing.allocatedResources.tasks == null
                    ? null : existing.allocatedResources.tasks.get(e.getKey());
            if (kept != null) {
                e.getValue().networks = kept.networks;
                e.getValue().devices = kept.devices;
            } else if (existing.allocatedResources == null && existing.taskResources != null
                    && existing.taskResources.get(e.getKey()) != null) {
                e.getValue().networks = existing.taskResources.get(e.getKey()).networks;
                e.getValue().devices = null;
            } else {
                e.getValue().networks = null;
                e.getValue().devices = null;
            }
        }
        Allocation updated = existing.shallowCopy();
        updated.evalId = evalId;
        updated.job = null;
        updated.resources = null;
        updated.allocatedResources = allocatedResources(tg, option);
        if (existing.allocatedResources != null) {
            updated.allocatedResources.shared.networks = existing.allocatedResources.shared.networks;
        }
        updated.metrics = ctx.metrics();
        return updated;
    }

    private static AllocatedResources allocatedResources(TaskGroup tg, RankedNode option) {
        AllocatedResources r = new AllocatedResources();
        r.tasks = new LinkedHashMap<>(option.taskResources);
        r.taskLifecycles = new LinkedHashMap<>(option.taskLifecycles);
        r.shared = new AllocatedSharedResources(diskMb(tg));
        return r;
    }

    /** Nomad's OldTaskResources: the per-task shape pre-0.9 readers expect. */
    private static Map<String, Resources> oldTaskResources(AllocatedResources r) {
        Map<String, Resources> out = new LinkedHashMap<>();
        r.tasks.forEach((name, t) -> out.put(name, LegacyResources.ofTask(t)));
        return out;
    }

    private static int diskMb(TaskGroup tg) {
        return tg.ephemeralDisk == null || tg.ephemeralDisk.sizeMb == null ? 0 : tg.ephemeralDisk.sizeMb;
    }
}
