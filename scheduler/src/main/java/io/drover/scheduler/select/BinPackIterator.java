package io.drover.scheduler.select;

import io.drover.model.Job;
import io.drover.model.NetworkResource;
import io.drover.model.RequestedDevice;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.AllocatedResources;
import io.drover.model.alloc.AllocatedSharedResources;
import io.drover.model.alloc.AllocatedTaskResources;
import io.drover.model.alloc.Allocation;
import io.drover.model.resources.DeviceAccounter;
import io.drover.model.resources.NetworkIndex;
import io.drover.model.resources.ResourceFit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Fits a task group on each candidate and scores how well it packs (Nomad's
 * {@code BinPackIterator}). Per node it builds the port and device usage of the allocations the
 * node would hold with the plan so far, assigns the group's network, then each task's network
 * and devices, and checks CPU, memory, disk and bandwidth with {@link ResourceFit#allocsFit}.
 * A node that cannot take the group is counted exhausted, by dimension: {@code network: <why>},
 * {@code devices: <why>}, {@code cpu}, {@code memory}, {@code disk} or
 * {@code bandwidth exceeded}. A fitting node gets the {@code binpack} score, the fit score over
 * its maximum of 18, and carries the resources it would give each task.
 *
 * <p>Preemption is not implemented: with {@code evict} set, a node that does not fit behaves as
 * if Nomad's preemptor found nothing to evict (network and device shortfalls go unrecorded, as
 * in Nomad).
 */
final class BinPackIterator implements RankIterator {
    static final double BIN_PACKING_MAX_FIT_SCORE = 18.0;

    private final EvalContext ctx;
    private final RankIterator source;
    private final boolean spreadAlgorithm;
    private boolean evict;
    private int priority;
    private TaskGroup taskGroup;

    BinPackIterator(EvalContext ctx, RankIterator source, boolean evict, int priority, boolean spreadAlgorithm) {
        this.ctx = ctx;
        this.source = source;
        this.evict = evict;
        this.priority = priority;
        this.spreadAlgorithm = spreadAlgorithm;
    }

    void setJob(Job job) {
        priority = job.priority == null ? 0 : job.priority;
    }

    void setTaskGroup(TaskGroup tg) {
        taskGroup = tg;
    }

    void setEvict(boolean evict) {
        this.evict = evict;
    }

    int priority() {
        return priority;
    }

    @Override
    public RankedNode next() {
        outer:
        while (true) {
            RankedNode option = source.next();
            if (option == null) {
                return null;
            }
            List<Allocation> proposed = option.proposedAllocs(ctx);

            NetworkIndex netIdx = new NetworkIndex();
            netIdx.setNode(option.node);
            netIdx.addAllocs(proposed);
            DeviceAccounter devices = new DeviceAccounter(option.node);
            devices.addAllocs(proposed);

            long diskMb = taskGroup.ephemeralDisk == null || taskGroup.ephemeralDisk.sizeMb == null
                    ? 0 : taskGroup.ephemeralDisk.sizeMb;
            AllocatedResources total = new AllocatedResources();
            total.tasks = new LinkedHashMap<>();
            total.taskLifecycles = new LinkedHashMap<>();
            total.shared = new AllocatedSharedResources(diskMb);

            if (taskGroup.networks != null && !taskGroup.networks.isEmpty()) {
                NetworkResource offer = assignNetwork(option, netIdx, taskGroup.networks.get(0));
                if (offer == null) {
                    continue;
                }
                total.shared.networks = List.of(offer);
                AllocatedSharedResources shared = new AllocatedSharedResources(diskMb);
                shared.networks = List.of(offer);
                option.allocResources = shared;
            }

            for (Task task : taskGroup.tasks == null ? List.<Task>of() : taskGroup.tasks) {
                long cpu = task.resources == null || task.resources.cpu == null ? 0 : task.resources.cpu;
                long mem = task.resources == null || task.resources.memoryMb == null ? 0 : task.resources.memoryMb;
                AllocatedTaskResources taskResources = new AllocatedTaskResources(cpu, mem);
                if (task.resources != null && task.resources.networks != null && !task.resources.networks.isEmpty()) {
                    NetworkResource offer = assignNetwork(option, netIdx, task.resources.networks.get(0));
                    if (offer == null) {
                        continue outer;
                    }
                    taskResources.networks = new ArrayList<>(List.of(offer));
                }
                if (task.resources != null && task.resources.devices != null) {
                    for (RequestedDevice req : task.resources.devices) {
                        Devices.Offer offer = Devices.assign(devices, req);
                        if (offer.device() == null) {
                            if (!evict) {
                                ctx.metrics().exhaustedNode(option.node, "devices: " + offer.error());
                            }
                            continue outer;
                        }
                        devices.addReserved(offer.device());
                        if (taskResources.devices == null) {
                            taskResources.devices = new ArrayList<>();
                        }
                        taskResources.devices.add(offer.device());
                    }
                }
                option.setTaskResources(task, taskResources);
                total.tasks.put(task.name, taskResources);
                total.taskLifecycles.put(task.name, task.lifecycle);
            }

            List<Allocation> withPlacement = new ArrayList<>(proposed);
            Allocation placement = new Allocation();
            placement.allocatedResources = total;
            withPlacement.add(placement);
            ResourceFit.Result fit = ResourceFit.allocsFit(option.node, withPlacement, netIdx, false);
            if (!fit.fit()) {
                ctx.metrics().exhaustedNode(option.node, fit.dimension());
                continue;
            }

            double fitness = spreadAlgorithm
                    ? ResourceFit.scoreFitSpread(option.node, fit.used())
                    : ResourceFit.scoreFitBinPack(option.node, fit.used());
            double normalized = fitness / BIN_PACKING_MAX_FIT_SCORE;
            option.scores.add(normalized);
            ctx.metrics().scoreNode(option.node, "binpack", normalized);
            return option;
        }
    }

    /** An offer for {@code ask}, reserved in {@code netIdx}; null (exhaustion recorded unless evicting) if none. */
    private NetworkResource assignNetwork(RankedNode option, NetworkIndex netIdx, NetworkResource ask) {
        NetworkIndex.Assignment a = netIdx.assignNetwork(ask.copy(), ctx.random());
        if (!a.ok()) {
            if (!evict) {
                ctx.metrics().exhaustedNode(option.node, "network: " + a.error());
            }
            return null;
        }
        netIdx.addReserved(a.offer());
        return a.offer();
    }

    @Override
    public void reset() {
        source.reset();
    }
}
