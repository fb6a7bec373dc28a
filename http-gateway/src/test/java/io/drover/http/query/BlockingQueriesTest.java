package io.drover.http.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.http.testing.FakeStateStore;
import io.netty.util.HashedWheelTimer;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlockingQueriesTest {
    private final FakeStateStore store = new FakeStateStore();
    private final HashedWheelTimer timer = new HashedWheelTimer();
    private final BlockingQueries queries = new BlockingQueries(store, Runnable::run, timer, new Random(7), 8);

    @AfterEach
    void close() {
        timer.stop();
        store.close();
    }

    @Test
    void waitsDefaultToAndAreCappedAtFiveMinutesPlusUpToASixteenthOfJitter() {
        long max = Duration.ofMinutes(5).toNanos();
        for (int i = 0; i < 1000; i++) {
            assertThat(queries.jittered(0)).isBetween(max, max + max / 16);
            assertThat(queries.jittered(Duration.ofHours(1).toNanos())).isBetween(max, max + max / 16);
            long fiveSeconds = Duration.ofSeconds(5).toNanos();
            assertThat(queries.jittered(fiveSeconds)).isBetween(fiveSeconds, fiveSeconds + fiveSeconds / 16);
        }
        assertThat(queries.jittered(10)).isEqualTo(10);
    }
}
