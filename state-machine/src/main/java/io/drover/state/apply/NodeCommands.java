package io.drover.state.apply;

import com.google.protobuf.ByteString;
import io.drover.model.json.NomadJson;
import io.drover.model.node.Node;
import io.drover.model.node.NodeEvent;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.WriteResult;
import io.drover.state.rocks.StateTxn;
import java.util.List;

/** What the node commands share: finding the node, their event, their evaluations and their answer. */
final class NodeCommands {
    private NodeCommands() {
    }

    /** The stored node, as a copy to change; an unknown node refuses the command. */
    static Node existing(StateTxn txn, String nodeId) {
        return txn.node(nodeId).map(Node::copy)
                .orElseThrow(() -> new ApplyRefusal(WriteResult.Code.NOT_FOUND, "node not found"));
    }

    /** The command's node event, or null when it carries none. */
    static NodeEvent event(ByteString json) {
        return json.isEmpty() ? null : NomadJson.read(json.toByteArray(), NodeEvent.class);
    }

    /**
     * Stores the evaluations the node change calls for. Those of this node get this entry as
     * their NodeModifyIndex: the leader could not know it when it built them.
     */
    static List<Evaluation> storeEvals(StateTxn txn, String nodeId, List<ByteString> jsons) {
        List<Evaluation> evals = EvalWrites.decode(jsons);
        for (Evaluation e : evals) {
            if (nodeId.equals(e.nodeId)) {
                e.nodeModifyIndex = txn.index();
            }
        }
        EvalWrites.upsert(txn, evals);
        return evals;
    }

    /** The answer to a node write: the evaluations created and how many nodes there are. */
    static WriteResult result(StateTxn txn, List<Evaluation> evals) {
        return Results.okWithEvals(txn, evals).setNumNodes(txn.nodeCount()).build();
    }
}
