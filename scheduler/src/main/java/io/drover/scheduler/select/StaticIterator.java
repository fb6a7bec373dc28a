package io.drover.scheduler.select;

import io.drover.model.node.Node;
import java.util.List;

/**
 * Walks a fixed node list (Nomad's {@code StaticIterator}). A reset does not rewind: the next
 * selection starts where the last stopped and wraps around, so successive placements spread
 * over the whole list instead of always trying its head. Counts each node handed out as
 * evaluated.
 */
final class StaticIterator implements FeasibleIterator {
    private final EvalContext ctx;
    private List<Node> nodes;
    private int offset;
    private int seen;

    StaticIterator(EvalContext ctx, List<Node> nodes) {
        this.ctx = ctx;
        this.nodes = nodes == null ? List.of() : nodes;
    }

    @Override
    public Node next() {
        int n = nodes.size();
        if (offset == n || seen == n) {
            if (seen == n) {
                return null;
            }
            offset = 0;
        }
        Node node = nodes.get(offset);
        offset++;
        seen++;
        ctx.metrics().evaluateNode();
        return node;
    }

    @Override
    public void reset() {
        seen = 0;
    }

    void setNodes(List<Node> nodes) {
        this.nodes = nodes == null ? List.of() : nodes;
        offset = 0;
        seen = 0;
    }

    List<Node> nodes() {
        return nodes;
    }
}
