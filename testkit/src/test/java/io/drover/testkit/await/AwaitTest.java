package io.drover.testkit.await;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {
    private static final Duration SHORT = Duration.ofMillis(200);
    private static final Duration POLL = Duration.ofMillis(5);

    @Test
    void theFirstValueOfferedIsReturnedAndAThrowingProbeCountsAsNotYet() {
        AtomicInteger calls = new AtomicInteger();

        String v = Await.value("the third call", Duration.ofSeconds(5), POLL, () -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                throw new IllegalStateException("not answering yet");
            }
            return n == 3 ? Optional.of("third") : Optional.empty();
        });

        assertThat(v).isEqualTo("third");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aWaitThatRunsOutSaysWhatItWaitedForAndTheLastError() {
        assertThatThrownBy(() -> Await.value("a leader", SHORT, POLL, () -> {
            throw new IllegalStateException("connection refused");
        })).isInstanceOf(AssertionError.class)
                .hasMessage("not reached within 200 ms: a leader (last error: java.lang.IllegalStateException: "
                        + "connection refused)")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Await.until("never", SHORT, POLL, () -> false))
                .hasMessage("not reached within 200 ms: never");
    }

    @Test
    void untilNothingMissingReportsWhatWasStillMissing() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> Await.untilNothingMissing("all nodes", SHORT,
                () -> "nodes ready: " + Math.min(calls.incrementAndGet(), 2)))
                .hasMessage("not reached within 200 ms: all nodes; last seen: nodes ready: 2");
        Await.untilNothingMissing("all nodes", SHORT, () -> null);
    }

    @Test
    void aFutureIsStillPendingUntilItCompletes() {
        CompletableFuture<String> future = new CompletableFuture<>();

        assertThat(Await.isStillPending(future, Duration.ofMillis(20))).isTrue();
        future.complete("done");
        assertThat(Await.isStillPending(future, Duration.ofMillis(20))).isFalse();
    }
}
