package io.drover.state.apply;

import io.drover.model.json.NomadJson;
import io.drover.model.node.Node;
import io.drover.model.node.NodeEvent;
import io.drover.proto.raft.NodeUpsertCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.rocks.StateTxn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers a node or takes its new fingerprint (Nomad's UpsertNode). What operators and the
 * servers decided about a known node survives its re-registration: drain, drain strategy,
 * eligibility and events. A node that comes back from down gets a "Node re-registered" event.
 * A ready node may bring capacity for blocked evaluations of its class.
 */
final class NodeRegisterApplier {
    static final String EVENT_REGISTERED = "Node registered";
    static final String EVENT_REREGISTERED = "Node re-registered";

    private NodeRegisterApplier() {
    }

    static WriteResult apply(StateTxn txn, NodeUpsertCommand cmd) {
        Node node = NomadJson.read(cmd.getNodeJson().toByteArray(), Node.class);
        node.canonicalize();
        long index = txn.index();
        Instant updatedAt = Instant.ofEpochSecond(node.statusUpdatedAt == null ? 0 : node.statusUpdatedAt);
        Node existing = txn.node(node.id).orElse(null);
        if (existing != null) {
            node.createIndex = existing.createIndex;
            node.modifyIndex = index;
            node.events = existing.events == null ? null : new ArrayList<>(existing.events);
            if (Node.STATUS_DOWN.equals(existing.status) && !Node.STATUS_DOWN.equals(node.status)) {
                node.appendEvents(index, List.of(
                        new NodeEvent(NodeEvent.SUBSYSTEM_CLUSTER, EVENT_REREGISTERED, updatedAt)));
            }
            node.drain = existing.drain;
            node.schedulingEligibility = existing.schedulingEligibility;
            node.drainStrategy = existing.drainStrategy;
        } else {
            // Nomad stores the first event without stamping its CreateIndex.
            node.events = new ArrayList<>(List.of(new NodeEvent(NodeEvent.SUBSYSTEM_CLUSTER, EVENT_REGISTERED,
                    updatedAt)));
            node.createIndex = index;
            node.modifyIndex = index;
        }
        txn.putNode(node);
        if (Node.STATUS_READY.equals(node.status)) {
            txn.reportCapacity(node.computedClass);
        }
        return NodeCommands.result(txn, NodeCommands.storeEvals(txn, node.id, cmd.getEvalJsonList()));
    }
}
