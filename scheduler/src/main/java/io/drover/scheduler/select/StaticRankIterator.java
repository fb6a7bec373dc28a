package io.drover.scheduler.select;

import java.util.List;

/** Hands out fixed ranked nodes, wrapping around like {@link StaticIterator} (Nomad's {@code StaticRankIterator}); for tests and composition. */
final class StaticRankIterator implements RankIterator {
    private final List<RankedNode> nodes;
    private int offset;
    private int seen;

    StaticRankIterator(List<RankedNode> nodes) {
        this.nodes = nodes;
    }

    @Override
    public RankedNode next() {
        int n = nodes.size();
        if (offset == n || seen == n) {
            if (seen == n) {
                return null;
            }
            offset = 0;
        }
        RankedNode node = nodes.get(offset);
        offset++;
        seen++;
        return node;
    }

    @Override
    public void reset() {
        seen = 0;
    }
}
