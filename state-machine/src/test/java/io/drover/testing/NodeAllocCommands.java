package io.drover.testing;

import static io.drover.testing.Commands.json;

import io.drover.model.Job;
import io.drover.model.alloc.AllocatedResources;
import io.drover.model.alloc.AllocatedTaskResources;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.DesiredTransition;
import io.drover.model.node.DrainStrategy;
import io.drover.model.node.Node;
import io.drover.model.node.NodeEvent;
import io.drover.model.node.NodeResources;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.AllocClientUpdateCommand;
import io.drover.proto.raft.AllocDesiredTransitionCommand;
import io.drover.proto.raft.EvalCreateCommand;
import io.drover.proto.raft.NodeDrainCommand;
import io.drover.proto.raft.NodeEligibilityCommand;
import io.drover.proto.raft.NodeStatusCommand;
import io.drover.proto.raft.NodeUpsertCommand;
import io.drover.proto.raft.PlanResultsCommand;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.StoppedAlloc;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Node, plan and allocation commands as the leader would build them, for tests of the state machine. */
public final class NodeAllocCommands {
    private NodeAllocCommands() {
    }

    /** A ready, eligible node in dc1 with 4000 MHz and 8 GiB, its class computed. */
    public static Node node(String id, String nodeClass) {
        Node n = new Node();
        n.id = id;
        n.secretId = "secret-" + id;
        n.datacenter = "dc1";
        n.name = "node-" + id;
        n.httpAddr = "127.0.0.1:4646";
        n.attributes = new LinkedHashMap<>(Map.of("kernel.name", "linux", "nomad.version", "0.11.3"));
        n.nodeResources = new NodeResources(4000, 8192, 100 * 1024);
        n.nodeClass = nodeClass;
        n.status = Node.STATUS_READY;
        n.statusUpdatedAt = 1_700_000_000L;
        n.computeClass();
        return n;
    }

    public static RaftCommand upsert(Node node, Evaluation... evals) {
        NodeUpsertCommand.Builder b = NodeUpsertCommand.newBuilder().setNodeJson(json(node));
        for (Evaluation e : evals) {
            b.addEvalJson(json(e));
        }
        return command().setNodeUpsert(b).build();
    }

    public static RaftCommand status(String nodeId, String status, long atUnix, NodeEvent event) {
        NodeStatusCommand.Builder b = NodeStatusCommand.newBuilder().setNodeId(nodeId).setStatus(status)
                .setUpdatedAtUnix(atUnix);
        if (event != null) {
            b.setEventJson(json(event));
        }
        return command().setNodeStatus(b).build();
    }

    public static RaftCommand eligibility(String nodeId, String eligibility, long atUnix) {
        return command().setNodeEligibility(NodeEligibilityCommand.newBuilder().setNodeId(nodeId)
                .setEligibility(eligibility).setUpdatedAtUnix(atUnix)).build();
    }

    /** Starts draining (with a deadline of {@code deadlineNanos}) or, with null, stops. */
    public static RaftCommand drain(String nodeId, Long deadlineNanos, boolean markEligible, long atUnix) {
        NodeDrainCommand.Builder b = NodeDrainCommand.newBuilder().setNodeId(nodeId).setMarkEligible(markEligible)
                .setUpdatedAtUnix(atUnix)
                .setEventJson(json(new NodeEvent(NodeEvent.SUBSYSTEM_DRAIN,
                        deadlineNanos == null ? "Node drain complete" : "Node drain strategy set",
                        Instant.ofEpochSecond(atUnix))));
        if (deadlineNanos != null) {
            DrainStrategy d = new DrainStrategy();
            d.deadline = deadlineNanos;
            d.startedAt = "2023-11-14T22:13:20Z";
            b.setDrainStrategyJson(json(d));
        }
        return command().setNodeDrain(b).build();
    }

    /** A new pending allocation of group "g" of {@code job} on {@code node}, as a scheduler places it. */
    public static Allocation placement(Job job, Node node, String evalId, int index, long now) {
        Allocation a = new Allocation();
        a.id = UUID.randomUUID().toString();
        a.namespace = job.namespace;
        a.evalId = evalId;
        a.name = Allocation.allocName(job.id, "g", index);
        a.nodeId = node.id;
        a.nodeName = node.name;
        a.jobId = job.id;
        a.job = job;
        a.taskGroup = "g";
        a.allocatedResources = new AllocatedResources();
        a.allocatedResources.tasks = new LinkedHashMap<>(Map.of("t", new AllocatedTaskResources(100, 32)));
        a.desiredStatus = Allocation.DESIRED_RUN;
        a.clientStatus = Allocation.CLIENT_PENDING;
        a.createTime = now;
        a.modifyTime = now;
        return a;
    }

    /** A plan result: these allocations placed or updated, with the planning evaluation. */
    public static PlanResultsCommand.Builder plan(String evalId, Allocation... placed) {
        PlanResultsCommand.Builder b = PlanResultsCommand.newBuilder().setEvalId(evalId);
        for (Allocation a : placed) {
            b.addAllocJson(json(a));
        }
        return b;
    }

    public static StoppedAlloc.Builder stopped(String allocId, String description) {
        return StoppedAlloc.newBuilder().setAllocId(allocId).setDesiredDescription(description);
    }

    public static Allocation preempted(String allocId, String byAllocId) {
        Allocation a = new Allocation();
        a.id = allocId;
        a.preemptedByAllocation = byAllocId;
        return a;
    }

    public static RaftCommand planResults(PlanResultsCommand.Builder plan) {
        return command().setPlanResults(plan).build();
    }

    /** A client's report: the allocation now has {@code clientStatus}. */
    public static Allocation report(String allocId, String clientStatus) {
        Allocation a = new Allocation();
        a.id = allocId;
        a.clientStatus = clientStatus;
        a.clientDescription = "Tasks are " + clientStatus;
        return a;
    }

    public static RaftCommand clientUpdate(List<Allocation> reports, Evaluation... evals) {
        AllocClientUpdateCommand.Builder b = AllocClientUpdateCommand.newBuilder();
        reports.forEach(a -> b.addAllocJson(json(a)));
        for (Evaluation e : evals) {
            b.addEvalJson(json(e));
        }
        return command().setAllocClientUpdate(b).build();
    }

    public static RaftCommand desiredTransitions(Map<String, DesiredTransition> transitions, Evaluation... evals) {
        AllocDesiredTransitionCommand.Builder b = AllocDesiredTransitionCommand.newBuilder();
        transitions.forEach((id, t) -> b.putTransitionsJson(id, json(t)));
        for (Evaluation e : evals) {
            b.addEvalJson(json(e));
        }
        return command().setAllocDesiredTransition(b).build();
    }

    /** Stores evaluations as given (e.g. a worker marking one complete). */
    public static RaftCommand evals(Evaluation... evals) {
        EvalCreateCommand.Builder b = EvalCreateCommand.newBuilder();
        for (Evaluation e : evals) {
            b.addEvalJson(json(e));
        }
        return command().setEvalCreate(b).build();
    }

    /** A node evaluation of a job, as Nomad creates for a node update. */
    public static Evaluation nodeEval(Job job, String nodeId, long now) {
        Evaluation e = Commands.eval(job, "node-update", now);
        e.nodeId = nodeId;
        return e;
    }

    private static RaftCommand.Builder command() {
        return RaftCommand.newBuilder().setRequestId(UUID.randomUUID().toString()).setLeaderTimeUnixNanos(5_000);
    }
}
