package io.drover.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeartbeatPolicyTest {
    @Test
    void nextHeartbeatFallsInTheSecondHalfOfTheTtl() {
        Random random = new Random(42);
        long ttl = Duration.ofSeconds(12).toNanos();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            long d = HeartbeatPolicy.nextDelay(ttl, random);
            assertThat(d).isBetween(ttl / 2, ttl - 1);
            seen.add(d / Duration.ofMillis(100).toNanos());
        }
        // Spread over the whole window, not one instant: 60 buckets of 100 ms in [6 s, 12 s).
        assertThat(seen).hasSize(60);
    }

    @Test
    void serverWithoutTtlMeansNomadsMinimum() {
        long d = HeartbeatPolicy.nextDelay(0, new Random(1));
        assertThat(d).isBetween(HeartbeatPolicy.DEFAULT_TTL_NANOS / 2, HeartbeatPolicy.DEFAULT_TTL_NANOS);
    }

    @Test
    void retriesComeWithinOneAndAHalfSeconds() {
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            assertThat(HeartbeatPolicy.retryDelay(random)).isBetween(Duration.ofMillis(500).toNanos(),
                    Duration.ofMillis(1500).toNanos());
        }
    }
}
