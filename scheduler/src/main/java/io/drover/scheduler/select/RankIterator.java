package io.drover.scheduler.select;

/** A source of scored nodes (Nomad's {@code RankIterator}); {@code null} when exhausted. */
interface RankIterator {
    RankedNode next();

    void reset();
}
