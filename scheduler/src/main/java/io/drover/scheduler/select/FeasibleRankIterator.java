package io.drover.scheduler.select;

import io.drover.model.node.Node;

/** Turns feasible nodes into unscored {@link RankedNode}s (Nomad's {@code FeasibleRankIterator}). */
final class FeasibleRankIterator implements RankIterator {
    private final FeasibleIterator source;

    FeasibleRankIterator(FeasibleIterator source) {
        this.source = source;
    }

    @Override
    public RankedNode next() {
        Node option = source.next();
        return option == null ? null : new RankedNode(option);
    }

    @Override
    public void reset() {
        source.reset();
    }
}
