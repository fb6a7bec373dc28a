package io.drover.server.gc;

import java.time.Duration;
import java.util.Objects;

/**
 * How old terminal things must be before the periodic collector removes them, and how often it
 * looks (Nomad's server {@code *_gc_threshold} and {@code job_gc_interval}, with its defaults).
 *
 * @param interval how often the leader runs a collection
 * @param evalThreshold age of a terminal evaluation (and its allocations)
 * @param jobThreshold age of a dead job
 * @param nodeThreshold how long a node has been down
 */
public record GcThresholds(Duration interval, Duration evalThreshold, Duration jobThreshold, Duration nodeThreshold) {
    public GcThresholds {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(evalThreshold, "evalThreshold");
        Objects.requireNonNull(jobThreshold, "jobThreshold");
        Objects.requireNonNull(nodeThreshold, "nodeThreshold");
    }

    public static GcThresholds defaults() {
        return new GcThresholds(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(24));
    }

    /** The newest modify time (Unix nanos) still old enough at {@code nowNanos}, per kind of object. */
    public GcCutoffs cutoffs(long nowNanos) {
        return new GcCutoffs(nowNanos - evalThreshold.toNanos(), nowNanos - jobThreshold.toNanos(),
                nowNanos - nodeThreshold.toNanos(), nowNanos);
    }
}
