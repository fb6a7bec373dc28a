package io.drover.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadBarrierTest {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "barrier-executor"));
    private final List<CompletableFuture<Boolean>> rounds = new ArrayList<>();
    private final List<String> startedOn = new ArrayList<>();
    private final ReadBarrier barrier = new ReadBarrier(() -> {
        CompletableFuture<Boolean> r = new CompletableFuture<>();
        synchronized (rounds) {
            rounds.add(r);
            startedOn.add(Thread.currentThread().getName());
        }
        return r;
    }, executor);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void readsArrivingDuringARoundShareTheNextOneNotTheCurrent() throws Exception {
        CompletableFuture<Boolean> first = barrier.await();
        CompletableFuture<Boolean> second = barrier.await();
        CompletableFuture<Boolean> third = barrier.await();
        assertThat(rounds).hasSize(1);

        rounds.get(0).complete(true);

        assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
        awaitRounds(2);
        assertThat(second).isNotDone();
        assertThat(third).isNotDone();
        rounds.get(1).complete(true);
        assertThat(second.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(third.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFailedRoundFailsItsReadersOnly() throws Exception {
        CompletableFuture<Boolean> first = barrier.await();
        rounds.get(0).completeExceptionally(new IllegalStateException("no leader"));
        assertThat(first.get(5, TimeUnit.SECONDS)).isFalse();

        CompletableFuture<Boolean> later = barrier.await();
        awaitRounds(2);
        rounds.get(1).complete(true);
        assertThat(later.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theNextRoundNeverStartsOnTheThreadThatCompletedTheLastOne() throws Exception {
        barrier.await();
        CompletableFuture<Boolean> queued = barrier.await();

        // Ratis completes a round on its own thread, inside its locks: calling back into it there deadlocked.
        Thread ratis = new Thread(() -> rounds.get(0).complete(true), "ratis-thread");
        ratis.start();
        ratis.join();

        awaitRounds(2);
        assertThat(startedOn.get(1)).isEqualTo("barrier-executor");
        rounds.get(1).complete(true);
        assertThat(queued.get(5, TimeUnit.SECONDS)).isTrue();
    }

    private void awaitRounds(int n) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            synchronized (rounds) {
                if (rounds.size() >= n) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        assertThat(rounds).hasSize(n);
    }
}
