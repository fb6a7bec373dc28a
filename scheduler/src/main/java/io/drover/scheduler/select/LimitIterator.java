package io.drover.scheduler.select;

import java.util.ArrayList;
import java.util.List;

/**
 * Stops after {@code limit} candidates (Nomad's {@code LimitIterator}), so a selection samples a
 * few nodes instead of scoring all. Candidates scoring at or below the threshold are set aside,
 * up to {@code maxSkip} of them, in the hope of better ones; they are handed out only once the
 * source runs dry.
 */
final class LimitIterator implements RankIterator {
    private final RankIterator source;
    private final double scoreThreshold;
    private final int maxSkip;
    private int limit;
    private int seen;
    private List<RankedNode> skipped = new ArrayList<>();
    private int skippedIndex;

    LimitIterator(RankIterator source, int limit, double scoreThreshold, int maxSkip) {
        this.source = source;
        this.limit = limit;
        this.scoreThreshold = scoreThreshold;
        this.maxSkip = maxSkip;
    }

    void setLimit(int limit) {
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    @Override
    public RankedNode next() {
        if (seen == limit) {
            return null;
        }
        RankedNode option = nextOption();
        if (option == null) {
            return null;
        }
        while (option != null && option.finalScore <= scoreThreshold && skipped.size() < maxSkip) {
            skipped.add(option);
            option = source.next();
        }
        seen++;
        if (option == null) {
            return nextOption();
        }
        return option;
    }

    private RankedNode nextOption() {
        RankedNode fromSource = source.next();
        if (fromSource == null && skippedIndex < skipped.size()) {
            return skipped.get(skippedIndex++);
        }
        return fromSource;
    }

    @Override
    public void reset() {
        source.reset();
        seen = 0;
        skipped = new ArrayList<>();
        skippedIndex = 0;
    }
}
