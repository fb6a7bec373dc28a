package io.drover.scheduler.select;

/** Drains its source and yields the best node once (Nomad's {@code MaxScoreIterator}); ties keep the first seen. */
final class MaxScoreIterator implements RankIterator {
    private final RankIterator source;
    private RankedNode max;

    MaxScoreIterator(RankIterator source) {
        this.source = source;
    }

    @Override
    public RankedNode next() {
        if (max != null) {
            return null;
        }
        while (true) {
            RankedNode option = source.next();
            if (option == null) {
                return max;
            }
            if (max == null || option.finalScore > max.finalScore) {
                max = option;
            }
        }
    }

    @Override
    public void reset() {
        source.reset();
        max = null;
    }
}
