package io.drover.client.agent;

import java.time.Duration;
import java.util.Objects;

/**
 * When a node agent removes finished allocations (their directories, logs and local state),
 * Nomad's client {@code gc_*} settings.
 *
 * @param maxAllocs how many allocations the node keeps, running ones included, before it
 *     removes terminal ones ({@code gc_max_allocs})
 * @param diskUsageThreshold the percentage of the alloc directory's disk in use above which
 *     terminal allocations are removed ({@code gc_disk_usage_threshold})
 * @param interval how often the agent checks ({@code gc_interval})
 */
public record AllocGcPolicy(int maxAllocs, double diskUsageThreshold, Duration interval) {
    /** Nomad's defaults: 50 allocations, 80 % of the disk, every minute. */
    public static final AllocGcPolicy DEFAULT = new AllocGcPolicy(50, 80, Duration.ofMinutes(1));

    public AllocGcPolicy {
        if (maxAllocs < 1) {
            throw new IllegalArgumentException("gc_max_allocs must be at least 1, got " + maxAllocs);
        }
        if (diskUsageThreshold <= 0 || diskUsageThreshold > 100) {
            throw new IllegalArgumentException("gc_disk_usage_threshold must be a percentage above 0, got "
                    + diskUsageThreshold);
        }
        Objects.requireNonNull(interval, "interval");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("gc_interval must be positive, got " + interval);
        }
    }
}
