package io.drover.server.leader;

import com.google.protobuf.ByteString;
import io.drover.model.Job;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.DesiredTransition;
import io.drover.model.json.GoTime;
import io.drover.model.json.NomadJson;
import io.drover.model.node.DrainStrategy;
import io.drover.model.node.Node;
import io.drover.model.node.NodeEvent;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.AllocClientUpdateCommand;
import io.drover.proto.raft.AllocDesiredTransitionCommand;
import io.drover.proto.raft.NodeDrainCommand;
import io.drover.proto.raft.NodeEligibilityCommand;
import io.drover.proto.raft.NodeStatusCommand;
import io.drover.proto.raft.NodeUpsertCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.AllocStopRequest;
import io.drover.proto.rpc.AllocUpdateRequest;
import io.drover.proto.rpc.NodeDrainRequest;
import io.drover.proto.rpc.NodeEligibilityRequest;
import io.drover.proto.rpc.NodeHeartbeatRequest;
import io.drover.proto.rpc.NodeRegisterRequest;
import io.drover.state.StateReader;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the Raft commands of node writes as Nomad's Node endpoint does before its raft apply:
 * validates, stamps times and events, and decides which evaluations the change calls for.
 */
final class NodeCommandBuilder {
    static final String EVENT_DRAIN_SET = "Node drain strategy set";
    static final String EVENT_DRAIN_UPDATED = "Node drain stategy updated";
    static final String EVENT_DRAIN_DISABLED = "Node drain disabled";
    static final String EVENT_ELIGIBLE = "Node marked as eligible for scheduling";
    static final String EVENT_INELIGIBLE = "Node marked as ineligible for scheduling";
    static final String EVENT_REREGISTERED = "Node reregistered by heartbeat";
    static final String EVENT_HEARTBEAT_MISSED = "Node heartbeat missed";

    private final Stamps stamps;

    NodeCommandBuilder(Stamps stamps) {
        this.stamps = stamps;
    }

    NodeUpsertCommand register(StateReader reader, NodeRegisterRequest r, long now) throws Refusal {
        Node node;
        try {
            node = NomadJson.read(r.getNodeJson().toByteArray(), Node.class);
        } catch (RuntimeException e) {
            throw new Refusal(WriteResult.Code.INVALID, "invalid node: " + e.getMessage());
        }
        require(node != null, "missing node for client registration");
        require(!str(node.id).isEmpty(), "missing node ID for client registration");
        require(!str(node.datacenter).isEmpty(), "missing datacenter for client registration");
        require(!str(node.name).isEmpty(), "missing node name for client registration");
        require(node.attributes != null && !node.attributes.isEmpty(), "missing attributes for client registration");
        require(!str(node.secretId).isEmpty(), "missing node secret ID for client registration");
        if (str(node.status).isEmpty()) {
            node.status = Node.STATUS_INIT;
        }
        require(validStatus(node.status), "invalid status for node");
        if (str(node.schedulingEligibility).isEmpty()) {
            node.schedulingEligibility = Node.ELIGIBLE;
        }
        node.statusUpdatedAt = now / 1_000_000_000L;
        node.computeClass();
        Optional<Node> original = reader.node(node.id);
        if (original.isPresent() && !str(original.get().secretId).isEmpty()
                && !original.get().secretId.equals(node.secretId)) {
            throw new Refusal(WriteResult.Code.INVALID, "node secret ID does not match. Not registering node.");
        }
        String originalStatus = original.map(n -> n.status).orElse(Node.STATUS_INIT);
        NodeUpsertCommand.Builder b = NodeUpsertCommand.newBuilder().setNodeJson(json(node));
        if (Node.STATUS_DOWN.equals(node.status) || transitionedToReady(node.status, originalStatus)) {
            addEvals(b::addEvalJson, NodeEvals.forNode(reader, node.id, Evaluation.TRIGGER_NODE_UPDATE, now, stamps));
        }
        return b.build();
    }

    /**
     * A status update (heartbeat). Empty when the node's status stays as it is: Nomad then skips
     * Raft and only resets the node's heartbeat timer.
     */
    Optional<NodeStatusCommand> status(StateReader reader, NodeHeartbeatRequest r, long now) throws Refusal {
        require(!r.getNodeId().isEmpty(), "missing node ID for client status update");
        Node node = reader.node(r.getNodeId())
                .orElseThrow(() -> new Refusal(WriteResult.Code.NOT_FOUND, "node not found"));
        String status = r.getStatus().isEmpty() ? node.status : r.getStatus();
        require(validStatus(status), "invalid status for node");
        if (status.equals(node.status)) {
            return Optional.empty();
        }
        return Optional.of(statusChange(reader, node, status,
                Node.STATUS_DOWN.equals(status) ? EVENT_HEARTBEAT_MISSED : null, now));
    }

    /** The command that marks a node {@code status}, with the evaluations that calls for. */
    NodeStatusCommand statusChange(StateReader reader, Node node, String status, String eventMessage, long now) {
        NodeStatusCommand.Builder b = NodeStatusCommand.newBuilder()
                .setNodeId(node.id)
                .setStatus(status)
                .setUpdatedAtUnix(now / 1_000_000_000L);
        String message = eventMessage;
        if (message == null && Node.STATUS_DOWN.equals(node.status)) {
            message = EVENT_REREGISTERED;
        }
        if (message != null) {
            b.setEventJson(json(new NodeEvent(NodeEvent.SUBSYSTEM_CLUSTER, message, instant(now))));
        }
        if (Node.STATUS_DOWN.equals(status) || transitionedToReady(status, node.status)) {
            addEvals(b::addEvalJson, NodeEvals.forNode(reader, node.id, Evaluation.TRIGGER_NODE_UPDATE, now, stamps));
        }
        return b.build();
    }

    /** Empty when the node already has the eligibility asked for (Nomad answers without a write). */
    Optional<NodeEligibilityCommand> eligibility(StateReader reader, NodeEligibilityRequest r, long now)
            throws Refusal {
        require(!r.getNodeId().isEmpty(), "missing node ID for setting scheduling eligibility");
        String wanted = r.getEligibility();
        require(Node.ELIGIBLE.equals(wanted) || Node.INELIGIBLE.equals(wanted),
                "invalid scheduling eligibility \"" + wanted + "\"");
        Node node = reader.node(r.getNodeId())
                .orElseThrow(() -> new Refusal(WriteResult.Code.NOT_FOUND, "node not found"));
        if (node.drainStrategy != null && Node.ELIGIBLE.equals(wanted)) {
            throw new Refusal(WriteResult.Code.INVALID,
                    "can not set node's scheduling eligibility to eligible while it is draining");
        }
        if (wanted.equals(node.schedulingEligibility)) {
            return Optional.empty();
        }
        NodeEligibilityCommand.Builder b = NodeEligibilityCommand.newBuilder()
                .setNodeId(node.id)
                .setEligibility(wanted)
                .setUpdatedAtUnix(now / 1_000_000_000L)
                .setEventJson(json(new NodeEvent(NodeEvent.SUBSYSTEM_CLUSTER,
                        Node.ELIGIBLE.equals(wanted) ? EVENT_ELIGIBLE : EVENT_INELIGIBLE, instant(now))));
        if (Node.INELIGIBLE.equals(node.schedulingEligibility) && Node.ELIGIBLE.equals(wanted)) {
            addEvals(b::addEvalJson, NodeEvals.forNode(reader, node.id, Evaluation.TRIGGER_NODE_UPDATE, now, stamps));
        }
        return Optional.of(b.build());
    }

    NodeDrainCommand drain(StateReader reader, NodeDrainRequest r, long now) throws Refusal {
        require(!r.getNodeId().isEmpty(), "missing node ID for drain update");
        Node node = reader.node(r.getNodeId())
                .orElseThrow(() -> new Refusal(WriteResult.Code.NOT_FOUND, "node not found"));
        DrainStrategy strategy = null;
        if (!r.getDrainStrategyJson().isEmpty()) {
            try {
                strategy = NomadJson.read(r.getDrainStrategyJson().toByteArray(), DrainStrategy.class);
            } catch (RuntimeException e) {
                throw new Refusal(WriteResult.Code.INVALID, "invalid drain strategy: " + e.getMessage());
            }
        }
        Instant at = instant(now);
        if (strategy != null) {
            strategy.startedAt = node.drainStrategy == null ? GoTime.format(at) : node.drainStrategy.startedAt;
            long deadline = lng(strategy.deadline);
            strategy.forceDeadline = deadline > 0 ? GoTime.format(at.plusNanos(deadline)) : null;
        }
        String message;
        if (node.drainStrategy == null && strategy != null) {
            message = EVENT_DRAIN_SET;
        } else if (node.drainStrategy != null && strategy != null) {
            message = EVENT_DRAIN_UPDATED;
        } else if (node.drainStrategy != null) {
            message = EVENT_DRAIN_DISABLED;
        } else {
            message = null;
        }
        NodeDrainCommand.Builder b = NodeDrainCommand.newBuilder()
                .setNodeId(node.id)
                .setMarkEligible(r.getMarkEligible())
                .setUpdatedAtUnix(now / 1_000_000_000L);
        if (strategy != null) {
            b.setDrainStrategyJson(json(strategy));
        }
        if (message != null) {
            b.setEventJson(json(new NodeEvent(NodeEvent.SUBSYSTEM_DRAIN, message, at)));
        }
        if (Node.INELIGIBLE.equals(node.schedulingEligibility) && r.getMarkEligible() && strategy == null) {
            addEvals(b::addEvalJson, NodeEvals.forNode(reader, node.id, Evaluation.TRIGGER_NODE_UPDATE, now, stamps));
        }
        return b.build();
    }

    /**
     * Allocation updates from a node agent, with an evaluation per job that has a failed
     * allocation Nomad would reschedule (Node.UpdateAlloc).
     */
    AllocClientUpdateCommand allocUpdate(StateReader reader, AllocUpdateRequest r, long now) throws Refusal {
        require(r.getAllocJsonCount() > 0, "must update at least one allocation");
        AllocClientUpdateCommand.Builder b = AllocClientUpdateCommand.newBuilder();
        Set<String> jobsWithEval = new LinkedHashSet<>();
        for (ByteString raw : r.getAllocJsonList()) {
            Allocation update;
            try {
                update = NomadJson.read(raw.toByteArray(), Allocation.class);
            } catch (RuntimeException e) {
                throw new Refusal(WriteResult.Code.INVALID, "invalid allocation: " + e.getMessage());
            }
            update.modifyTime = now;
            b.addAllocJson(json(update));
            if (!Allocation.CLIENT_FAILED.equals(update.clientStatus)) {
                continue;
            }
            Allocation stored = reader.allocation(update.id).orElse(null);
            if (stored == null || stored.job == null || !str(stored.followupEvalId).isEmpty()) {
                continue;
            }
            Job job = reader.job(stored.namespace, stored.jobId).orElse(null);
            TaskGroup group = job == null ? null : job.lookupTaskGroup(stored.taskGroup);
            if (group == null || !stored.rescheduleEligible(group.reschedulePolicy, instant(now))) {
                continue;
            }
            if (jobsWithEval.add(stored.namespace + '\0' + stored.jobId)) {
                Evaluation e = NodeEvals.eval(stored.namespace, stored.jobId, job.priority, job.type, null,
                        Evaluation.TRIGGER_RETRY_FAILED_ALLOC, now, stamps);
                b.addEvalJson(json(e));
            }
        }
        return b.build();
    }

    /** Stopping an allocation asks the scheduler to migrate it (Nomad's Alloc.Stop). */
    AllocDesiredTransitionCommand allocStop(StateReader reader, AllocStopRequest r, long now) throws Refusal {
        Allocation alloc = reader.allocation(r.getAllocId())
                .filter(a -> r.getNamespace().isEmpty() || r.getNamespace().equals(a.namespace))
                .orElseThrow(() -> new Refusal(WriteResult.Code.NOT_FOUND, "alloc not found"));
        Job job = alloc.job;
        Evaluation eval = NodeEvals.eval(alloc.namespace, alloc.jobId, job == null ? null : job.priority,
                job == null ? Job.TYPE_SERVICE : job.type, null, Evaluation.TRIGGER_ALLOC_STOP, now, stamps);
        DesiredTransition t = new DesiredTransition();
        t.migrate = true;
        return AllocDesiredTransitionCommand.newBuilder()
                .putTransitionsJson(alloc.id, json(t))
                .addEvalJson(json(eval))
                .build();
    }

    static boolean transitionedToReady(String newStatus, String oldStatus) {
        return Node.STATUS_READY.equals(newStatus)
                && (Node.STATUS_INIT.equals(oldStatus) || Node.STATUS_DOWN.equals(oldStatus));
    }

    private static boolean validStatus(String status) {
        return Node.STATUS_INIT.equals(status) || Node.STATUS_READY.equals(status) || Node.STATUS_DOWN.equals(status);
    }

    private static void require(boolean condition, String message) throws Refusal {
        if (!condition) {
            throw new Refusal(WriteResult.Code.INVALID, message);
        }
    }

    private static void addEvals(java.util.function.Consumer<ByteString> sink, List<Evaluation> evals) {
        for (Evaluation e : evals) {
            sink.accept(json(e));
        }
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }

    private static long lng(Long l) {
        return l == null ? 0 : l;
    }

    private static Instant instant(long unixNanos) {
        return GoTime.fromUnixNanos(unixNanos);
    }

    private static ByteString json(Object value) {
        return ByteString.copyFrom(NomadJson.write(value));
    }
}
