package io.drover.state.apply;

import io.drover.model.node.Node;
import io.drover.model.node.NodeEvent;
import io.drover.proto.raft.NodeStatusCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.rocks.StateTxn;
import java.util.List;

/**
 * Changes a node's status (Nomad's UpdateNodeStatus): the status, when it changed, and the
 * event the leader recorded. A node (again) ready may bring capacity for its class.
 */
final class NodeStatusApplier {
    private NodeStatusApplier() {
    }

    static WriteResult apply(StateTxn txn, NodeStatusCommand cmd) {
        Node node = NodeCommands.existing(txn, cmd.getNodeId());
        node.statusUpdatedAt = cmd.getUpdatedAtUnix();
        NodeEvent event = NodeCommands.event(cmd.getEventJson());
        if (event != null) {
            node.appendEvents(txn.index(), List.of(event));
        }
        node.status = cmd.getStatus();
        node.modifyIndex = txn.index();
        txn.putNode(node);
        if (Node.STATUS_READY.equals(cmd.getStatus())) {
            txn.reportCapacity(node.computedClass);
        }
        return NodeCommands.result(txn, NodeCommands.storeEvals(txn, node.id, cmd.getEvalJsonList()));
    }
}
