package io.drover.scheduler.select;

import java.util.Set;

/**
 * Scores -1 ({@code node-reschedule-penalty}) on nodes where the allocation being rescheduled
 * failed before (Nomad's {@code NodeReschedulingPenaltyIterator}), so a replacement prefers
 * another node.
 */
final class NodeReschedulingPenaltyIterator implements RankIterator {
    private final EvalContext ctx;
    private final RankIterator source;
    private Set<String> penaltyNodes = Set.of();

    NodeReschedulingPenaltyIterator(EvalContext ctx, RankIterator source) {
        this.ctx = ctx;
        this.source = source;
    }

    void setPenaltyNodes(Set<String> nodeIds) {
        penaltyNodes = nodeIds == null ? Set.of() : nodeIds;
    }

    @Override
    public RankedNode next() {
        RankedNode option = source.next();
        if (option == null) {
            return null;
        }
        if (penaltyNodes.contains(option.node.id)) {
            option.scores.add(-1.0);
            ctx.metrics().scoreNode(option.node, "node-reschedule-penalty", -1);
        } else {
            ctx.metrics().scoreNode(option.node, "node-reschedule-penalty", 0);
        }
        return option;
    }

    @Override
    public void reset() {
        penaltyNodes = Set.of();
        source.reset();
    }
}
