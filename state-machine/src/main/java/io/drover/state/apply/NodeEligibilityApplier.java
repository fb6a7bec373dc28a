package io.drover.state.apply;

import io.drover.model.node.Node;
import io.drover.model.node.NodeEvent;
import io.drover.proto.raft.NodeEligibilityCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.rocks.StateTxn;
import java.util.List;

/**
 * Marks a node eligible or ineligible for placements (Nomad's UpdateNodeEligibility). A
 * draining node cannot be made eligible: the drain decides when it is. A node turning eligible
 * may bring capacity for its class.
 */
final class NodeEligibilityApplier {
    static final String ELIGIBLE_WHILE_DRAINING =
            "can not set node's scheduling eligibility to eligible while it is draining";

    private NodeEligibilityApplier() {
    }

    static WriteResult apply(StateTxn txn, NodeEligibilityCommand cmd) {
        String eligibility = cmd.getEligibility();
        if (!Node.ELIGIBLE.equals(eligibility) && !Node.INELIGIBLE.equals(eligibility)) {
            throw new ApplyRefusal(WriteResult.Code.INVALID, "invalid scheduling eligibility \"" + eligibility + "\"");
        }
        Node node = NodeCommands.existing(txn, cmd.getNodeId());
        if (node.drainStrategy != null && Node.ELIGIBLE.equals(eligibility)) {
            throw new ApplyRefusal(WriteResult.Code.INVALID, ELIGIBLE_WHILE_DRAINING);
        }
        String before = node.schedulingEligibility;
        node.statusUpdatedAt = cmd.getUpdatedAtUnix();
        NodeEvent event = NodeCommands.event(cmd.getEventJson());
        if (event != null) {
            node.appendEvents(txn.index(), List.of(event));
        }
        node.schedulingEligibility = eligibility;
        node.modifyIndex = txn.index();
        txn.putNode(node);
        if (Node.INELIGIBLE.equals(before) && Node.ELIGIBLE.equals(eligibility)) {
            txn.reportCapacity(node.computedClass);
        }
        return NodeCommands.result(txn, NodeCommands.storeEvals(txn, node.id, cmd.getEvalJsonList()));
    }
}
