package io.drover.client;

import java.time.Duration;
import java.util.Random;

/**
 * When a node beats next. The servers hand each node a TTL (and, in Nomad, already spread it
 * by the number of nodes); a node that beats at a random point in the second half of it stays
 * well inside it, and many nodes registered together do not beat together.
 */
final class HeartbeatPolicy {
    /** Nomad's minimum heartbeat TTL, used when a server answers without one. */
    static final long DEFAULT_TTL_NANOS = Duration.ofSeconds(10).toNanos();
    /** After a failed call: soon, but not all nodes at once. */
    static final long RETRY_BASE_NANOS = Duration.ofMillis(500).toNanos();

    private HeartbeatPolicy() {
    }

    /** @return nanoseconds until the next heartbeat, in [ttl/2, ttl) */
    static long nextDelay(long ttlNanos, Random random) {
        long ttl = ttlNanos > 0 ? ttlNanos : DEFAULT_TTL_NANOS;
        long half = ttl / 2;
        return half + (long) (random.nextDouble() * (ttl - half));
    }

    /** @return nanoseconds until a failed register or heartbeat is tried again, in [0.5 s, 1.5 s) */
    static long retryDelay(Random random) {
        return RETRY_BASE_NANOS + (long) (random.nextDouble() * 2 * RETRY_BASE_NANOS);
    }
}
