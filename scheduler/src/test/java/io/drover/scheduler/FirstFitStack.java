package io.drover.scheduler;

import io.drover.model.AllocatedSharedResources;
import io.drover.model.AllocatedTaskResources;
import io.drover.model.Allocation;
import io.drover.model.Constraint;
import io.drover.model.Job;
import io.drover.model.NetworkIndex;
import io.drover.model.NetworkResource;
import io.drover.model.Node;
import io.drover.model.ResourceFit;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import io.drover.scheduler.select.EvalContext;
import io.drover.scheduler.select.RankedNode;
import io.drover.scheduler.select.SelectOptions;
import io.drover.scheduler.select.Stack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A small, test-only {@link Stack}: the first node (preferred nodes first, penalised ones
 * last) that passes the job's, group's and tasks' {@code =}/{@code !=} constraints and fits
 * the group's CPU, memory, disk and ports with the plan so far. Metrics are recorded as
 * Nomad's iterators record them (filtered by constraint, exhausted by dimension), so
 * schedulers' failure reports can be tested without the real ranking stacks.
 */
public final class FirstFitStack implements Stack {
    private final EvalContext ctx;
    private final Random random = new Random(7);
    private List<Node> nodes = List.of();
    private Job job;

    public FirstFitStack(EvalContext ctx) {
        this.ctx = ctx;
    }

    /** Wires this stack for both scheduler kinds. */
    public static StackFactory factory() {
        return new StackFactory() {
            @Override
            public Stack generic(boolean batch, EvalContext ctx) {
                return new FirstFitStack(ctx);
            }

            @Override
            public Stack system(EvalContext ctx) {
                return new FirstFitStack(ctx);
            }
        };
    }

    @Override
    public void setNodes(List<Node> nodes) {
        this.nodes = nodes;
    }

    @Override
    public void setJob(Job job) {
        this.job = job;
    }

    @Override
    public RankedNode select(TaskGroup group, SelectOptions options) {
        ctx.reset();
        SelectOptions o = options == null ? SelectOptions.none() : options;
        List<Node> order = new ArrayList<>(o.preferredNodes());
        List<Node> penalised = new ArrayList<>();
        for (Node n : nodes) {
            if (o.penaltyNodeIds().contains(n.id)) {
                penalised.add(n);
            } else if (!order.contains(n)) {
                order.add(n);
            }
        }
        order.addAll(penalised);
        for (Node n : order) {
            RankedNode r = tryNode(n, group);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private RankedNode tryNode(Node node, TaskGroup group) {
        ctx.metrics().evaluateNode();
        String failed = failedConstraint(node, group);
        if (failed != null) {
            ctx.metrics().filterNode(node, failed);
            return null;
        }
        List<Allocation> proposed = ctx.proposedAllocs(node.id);
        NetworkIndex idx = new NetworkIndex();
        idx.setNode(node);
        idx.addAllocs(proposed);
        Map<String, AllocatedTaskResources> tasks = new LinkedHashMap<>();
        for (Task t : group.tasks) {
            AllocatedTaskResources r = new AllocatedTaskResources(t.resources.cpu, t.resources.memoryMb);
            for (NetworkResource ask : t.resources.networks == null ? List.<NetworkResource>of() : t.resources.networks) {
                NetworkIndex.Assignment a = idx.assignNetwork(ask, random);
                if (!a.ok()) {
                    ctx.metrics().exhaustedNode(node, "network: " + a.error());
                    return null;
                }
                idx.addReserved(a.offer());
                r.networks = new ArrayList<>(List.of(a.offer()));
            }
            tasks.put(t.name, r);
        }
        Allocation candidate = new Allocation();
        candidate.allocatedResources = new io.drover.model.AllocatedResources();
        candidate.allocatedResources.tasks = tasks;
        long disk = group.ephemeralDisk == null || group.ephemeralDisk.sizeMb == null ? 0 : group.ephemeralDisk.sizeMb;
        candidate.allocatedResources.shared = new AllocatedSharedResources(disk);
        candidate.desiredStatus = Allocation.DESIRED_RUN;
        candidate.clientStatus = Allocation.CLIENT_PENDING;
        List<Allocation> all = new ArrayList<>(proposed);
        all.add(candidate);
        ResourceFit.Result fit = ResourceFit.allocsFit(node, all, idx, false);
        if (!fit.fit()) {
            ctx.metrics().exhaustedNode(node, fit.dimension());
            return null;
        }
        RankedNode r = new RankedNode(node);
        for (Task t : group.tasks) {
            r.setTaskResources(t, tasks.get(t.name));
        }
        r.allocResources = new AllocatedSharedResources(disk);
        r.proposed = proposed;
        return r;
    }

    /** The first constraint {@code node} fails, as Nomad names it in metrics, or null. */
    private String failedConstraint(Node node, TaskGroup group) {
        List<Constraint> all = new ArrayList<>();
        if (job != null && job.constraints != null) {
            all.addAll(job.constraints);
        }
        if (group.constraints != null) {
            all.addAll(group.constraints);
        }
        for (Task t : group.tasks) {
            if (t.constraints != null) {
                all.addAll(t.constraints);
            }
        }
        for (Constraint c : all) {
            if (!holds(node, c)) {
                return c.lTarget + " " + c.operand + " " + c.rTarget;
            }
        }
        return null;
    }

    private static boolean holds(Node node, Constraint c) {
        String value = resolve(node, c.lTarget);
        return switch (c.operand) {
            case "=", "==", "is" -> c.rTarget.equals(value);
            case "!=", "not" -> !c.rTarget.equals(value);
            default -> true;
        };
    }

    private static final Set<String> NONE = Set.of();

    private static String resolve(Node node, String target) {
        return switch (target) {
            case "${node.class}" -> node.nodeClass;
            case "${node.datacenter}" -> node.datacenter;
            case "${node.unique.id}" -> node.id;
            case "${node.unique.name}" -> node.name;
            default -> {
                if (target.startsWith("${attr.") && node.attributes != null) {
                    yield node.attributes.get(target.substring(7, target.length() - 1));
                }
                if (target.startsWith("${meta.") && node.meta != null) {
                    yield node.meta.get(target.substring(7, target.length() - 1));
                }
                yield null;
            }
        };
    }
}
