package io.drover.server.gc;

/**
 * What "old enough" means for one collection: an object last modified at or before its kind's
 * cutoff (Unix nanos) may go. Nomad maps its thresholds to Raft indexes with a time table; the
 * objects here carry the leader's time of their last change, which serves the same purpose
 * without a table. A forced collection ({@code PUT /v1/system/gc}) ignores the thresholds.
 *
 * @param now the leader's clock, for reschedule intervals
 */
public record GcCutoffs(long eval, long job, long node, long now) {
    public static GcCutoffs forced(long nowNanos) {
        return new GcCutoffs(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, nowNanos);
    }
}
