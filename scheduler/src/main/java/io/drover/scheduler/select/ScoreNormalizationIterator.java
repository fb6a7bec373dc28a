package io.drover.scheduler.select;

import io.drover.model.alloc.AllocMetric;

/**
 * Averages a node's scores into its final score (Nomad's {@code ScoreNormalizationIterator}) and
 * records it as {@value AllocMetric#NORM_SCORER_NAME}. A node without scores keeps 0 and is not recorded.
 */
final class ScoreNormalizationIterator implements RankIterator {
    private final EvalContext ctx;
    private final RankIterator source;

    ScoreNormalizationIterator(EvalContext ctx, RankIterator source) {
        this.ctx = ctx;
        this.source = source;
    }

    @Override
    public RankedNode next() {
        RankedNode option = source.next();
        if (option == null || option.scores.isEmpty()) {
            return option;
        }
        double sum = 0;
        for (double s : option.scores) {
            sum += s;
        }
        option.finalScore = sum / option.scores.size();
        ctx.metrics().scoreNode(option.node, AllocMetric.NORM_SCORER_NAME, option.finalScore);
        return option;
    }

    @Override
    public void reset() {
        source.reset();
    }
}
