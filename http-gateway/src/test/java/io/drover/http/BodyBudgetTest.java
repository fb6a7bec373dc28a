package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.http.testing.FakeCluster;
import io.drover.http.testing.FakeStateStore;
import io.drover.http.testing.GatewayHarness;
import io.drover.proto.raft.WriteResult;
import io.drover.testkit.http.Answer;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Request bodies held at once are bounded for the whole gateway: before, concurrent large bodies
 * (each connection's, and those pipelined behind it) were all buffered and decoded together, and
 * eight concurrent 4 MiB plans were 500 "Java heap space".
 */
class BodyBudgetTest {
    private static final int BODY = 256 * 1024;

    @Test
    void requestsBeyondTheBudgetWaitAndAreAllAnswered() throws Exception {
        List<CompletableFuture<WriteResult>> held = new CopyOnWriteArrayList<>();
        FakeCluster cluster = new FakeCluster().onWrite(request -> {
            CompletableFuture<WriteResult> answer = new CompletableFuture<>();
            held.add(answer);
            return answer;
        });
        long budget = 3L * BODY + 3 * 4096;
        try (GatewayHarness h = new GatewayHarness(new FakeStateStore(), cluster, HttpGatewayConfig.of("127.0.0.1", 0)
                .withLimits(HttpLimits.DEFAULTS.withMaxBufferedBodyBytes(budget)))) {
            List<CompletableFuture<Answer>> sent = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sent.add(h.api.sendAsync(h.request("/v1/jobs").POST(HttpRequest.BodyPublishers.ofString(job(i)))));
            }
            awaitTrue(() -> held.size() == 3);
            Thread.sleep(200);

            assertThat(held).hasSize(3);
            assertThat(h.gateway.bufferedBodyBytesHighWater()).isLessThanOrEqualTo(budget);
            AtomicInteger answered = new AtomicInteger();
            for (int round = 0; answered.get() < 10 && round < 1000; round++) {
                for (CompletableFuture<WriteResult> w : held) {
                    w.complete(WriteResult.newBuilder().setCode(WriteResult.Code.OK).setIndex(5).build());
                }
                answered.set((int) sent.stream().filter(CompletableFuture::isDone).count());
                Thread.sleep(10);
            }
            for (CompletableFuture<Answer> s : sent) {
                assertThat(s.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
            assertThat(held).hasSize(10);
            assertThat(h.gateway.bufferedBodyBytesHighWater()).isLessThanOrEqualTo(budget);
            assertThat(h.get("/v1/jobs").status()).isEqualTo(200);
        }
    }

    @Test
    void aBodyLargerThanTheWholeBudgetIsAdmittedAlone() {
        try (GatewayHarness h = new GatewayHarness(new FakeStateStore(), new FakeCluster(),
                HttpGatewayConfig.of("127.0.0.1", 0).withLimits(HttpLimits.DEFAULTS.withMaxBufferedBodyBytes(1024)))) {
            Answer a = h.post("/v1/jobs", job(1));

            assertThat(a.status()).isEqualTo(200);
        }
    }

    @Test
    void theBudgetGrantsWaitersInOrderAsItIsReleased() {
        BodyBudget budget = new BodyBudget(100);
        List<String> granted = new ArrayList<>();

        assertThat(budget.acquire(60, () -> granted.add("first"))).isTrue();
        assertThat(budget.acquire(60, () -> granted.add("second"))).isFalse();
        assertThat(budget.acquire(10, () -> granted.add("third"))).isFalse();
        budget.release(60);

        assertThat(granted).containsExactly("second", "third");
        assertThat(budget.held()).isEqualTo(70);
        Runnable never = () -> granted.add("withdrawn");
        assertThat(budget.acquire(50, never)).isFalse();
        assertThat(budget.withdraw(never)).isTrue();
        budget.release(70);
        assertThat(granted).containsExactly("second", "third");
        assertThat(budget.held()).isZero();
        assertThat(budget.highWater()).isEqualTo(70);
    }

    private static String job(int i) {
        return "{\"Job\": {\"ID\": \"big-" + i + "\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"],"
                + " \"Meta\": {\"pad\": \"" + "x".repeat(BODY - 400) + "\"}, \"TaskGroups\": [{\"Name\": \"g\","
                + " \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"mock_driver\", \"Resources\": {\"CPU\": 20,"
                + " \"MemoryMB\": 10}}]}]}}";
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
