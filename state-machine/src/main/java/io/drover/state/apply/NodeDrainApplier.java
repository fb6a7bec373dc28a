package io.drover.state.apply;

import io.drover.model.json.NomadJson;
import io.drover.model.node.DrainStrategy;
import io.drover.model.node.Node;
import io.drover.model.node.NodeEvent;
import io.drover.proto.raft.NodeDrainCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.rocks.StateTxn;
import java.util.List;

/**
 * Starts, changes or stops draining a node (Nomad's UpdateNodeDrain). A draining node is
 * ineligible; when draining stops it stays ineligible unless the command marks it eligible,
 * which may bring capacity for its class.
 */
final class NodeDrainApplier {
    private NodeDrainApplier() {
    }

    static WriteResult apply(StateTxn txn, NodeDrainCommand cmd) {
        Node node = NodeCommands.existing(txn, cmd.getNodeId());
        DrainStrategy drain = cmd.getDrainStrategyJson().isEmpty()
                ? null
                : NomadJson.read(cmd.getDrainStrategyJson().toByteArray(), DrainStrategy.class);
        String before = node.schedulingEligibility;
        node.statusUpdatedAt = cmd.getUpdatedAtUnix();
        NodeEvent event = NodeCommands.event(cmd.getEventJson());
        if (event != null) {
            node.appendEvents(txn.index(), List.of(event));
        }
        node.drain = drain != null;
        node.drainStrategy = drain;
        if (drain != null) {
            node.schedulingEligibility = Node.INELIGIBLE;
        } else if (cmd.getMarkEligible()) {
            node.schedulingEligibility = Node.ELIGIBLE;
        }
        node.modifyIndex = txn.index();
        txn.putNode(node);
        if (!Node.ELIGIBLE.equals(before) && Node.ELIGIBLE.equals(node.schedulingEligibility)) {
            txn.reportCapacity(node.computedClass);
        }
        return NodeCommands.result(txn, NodeCommands.storeEvals(txn, node.id, cmd.getEvalJsonList()));
    }
}
