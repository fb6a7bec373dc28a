package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.http.testing.FakeCluster;
import io.drover.http.testing.FakeStateStore;
import io.drover.http.testing.GatewayHarness;
import io.drover.http.testing.Jobs;
import io.drover.model.Job;
import io.drover.state.Table;
import io.drover.testkit.await.Await;
import io.drover.testkit.http.Answer;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code ?index=&wait=}: answer at once, wake on a write, or time out with the same index. */
class BlockingQueryTest {
    /** Hundreds of parked clients come from one address here: the per-client limit is off. */
    private final GatewayHarness h = new GatewayHarness(new FakeStateStore(), new FakeCluster(),
            HttpGatewayConfig.of("127.0.0.1", 0).withLimits(HttpLimits.DEFAULTS.withMaxConnsPerClient(0)));

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void indexZeroOrBelowTheCurrentAnswersAtOnce() {
        h.store.upsertJob(Jobs.batch("sleep-batch"));
        long index = h.store.upsertJob(Jobs.batch("mock-batch"));

        Answer zero = h.get("/v1/jobs?index=0&wait=3s");
        // Below the current index (1 was the current one here once: that query waited out its 3 s).
        Answer past = h.get("/v1/jobs?index=" + (index - 1) + "&wait=3s");

        assertThat(zero.index()).isEqualTo(index);
        assertThat(past.index()).isEqualTo(index);
        assertThat(h.gateway.parkedQueries()).isZero();
    }

    @Test
    void aParkedQueryWakesOnAWriteWithTheNewAnswer() throws Exception {
        long index = h.store.upsertJob(Jobs.batch("sleep-batch"));
        CompletableFuture<Answer> parked = h.getAsync("/v1/jobs?index=" + index + "&wait=30s");
        awaitParked(1);
        assertThat(parked).isNotDone();

        long next = h.store.upsertJob(Jobs.batch("mock-batch"));

        Answer a = parked.get(10, TimeUnit.SECONDS);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.index()).isEqualTo(next);
        assertThat(a.json()).hasSize(2);
        assertThat(h.store.waiterCount()).isZero();
    }

    @Test
    void aQueryTimesOutWithTheSameIndexAndAnswer() throws Exception {
        long index = h.store.upsertJob(Jobs.batch("sleep-batch"));
        String current = h.get("/v1/jobs").body();

        Answer a = h.get("/v1/jobs?index=" + index + "&wait=200ms");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.index()).isEqualTo(index);
        assertThat(a.body()).isEqualTo(current);
        // The answer may reach the client a moment before the parked query is unregistered.
        awaitParked(0);
    }

    @Test
    void aWriteToAnotherJobWakesButDoesNotAnswerAOneJobQuery() throws Exception {
        long index = h.store.upsertJob(Jobs.batch("web"));
        CompletableFuture<Answer> parked = h.getAsync("/v1/job/web?index=" + index + "&wait=30s");
        awaitParked(1);

        h.store.upsertJob(Jobs.batch("api"));
        awaitStoreReads(2);
        assertThat(parked).as("the job itself did not change").isNotDone();
        Job changed = Jobs.batch("web");
        changed.priority = 70;
        long next = h.store.upsertJob(changed);

        Answer a = parked.get(10, TimeUnit.SECONDS);
        assertThat(a.index()).isEqualTo(next);
        assertThat(a.json().get("Priority").asInt()).isEqualTo(70);
    }

    @Test
    void aMissingJobBlocksLikeAnyAnswerAndEndsWithItsIndex() throws Exception {
        long index = h.store.touch(Table.JOBS);

        Answer a = h.get("/v1/job/ghost?index=" + index + "&wait=100ms");

        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body()).isEqualTo("job not found");
        assertThat(a.index()).isEqualTo(index);
    }

    @Test
    void anIndexInTheFutureWaitsTheWholeWait() throws Exception {
        long index = h.store.upsertJob(Jobs.batch("sleep-batch"));
        CompletableFuture<Answer> parked = h.getAsync("/v1/jobs?index=999999&wait=300ms");
        awaitParked(1);

        long next = h.store.upsertJob(Jobs.batch("other"));

        Answer a = parked.get(10, TimeUnit.SECONDS);
        assertThat(a.index()).isEqualTo(next).isGreaterThan(index);
    }

    @Test
    void badIndexOrWaitIs400() {
        Answer index = h.get("/v1/jobs?index=abc");
        Answer negative = h.get("/v1/jobs?index=-1");
        Answer wait = h.get("/v1/jobs?index=1&wait=abc");
        Answer missingUnit = h.get("/v1/job/x/summary?index=1&wait=5");

        assertThat(index.status()).isEqualTo(400);
        assertThat(index.body()).isEqualTo("Invalid index");
        assertThat(index.header("X-Nomad-Index")).isNull();
        assertThat(negative.body()).isEqualTo("Invalid index");
        assertThat(wait.status()).isEqualTo(400);
        assertThat(wait.body()).isEqualTo("Invalid wait time");
        assertThat(missingUnit.body()).isEqualTo("Invalid wait time");
    }

    /**
     * Nomad 0.11.3 parses {@code wait=-1s} and then waits its default five minutes: a client that
     * meant "do not wait" hangs. A negative wait is refused instead (a deliberate difference);
     * zero ({@code -0s} too) still means the default, as in Nomad.
     */
    @Test
    void aNegativeWaitIs400AtOnce() {
        long index = h.store.upsertJob(Jobs.batch("sleep-batch"));

        Answer negative = h.get("/v1/jobs?index=" + index + "&wait=-1s");

        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body()).isEqualTo("Invalid wait time");
        assertThat(h.gateway.parkedQueries()).isZero();
    }

    @Test
    void aClientThatGoesAwayReleasesItsWaiter() throws Exception {
        long index = h.store.upsertJob(Jobs.batch("sleep-batch"));
        try (Socket socket = new Socket("127.0.0.1", h.gateway.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v1/jobs?index=" + index + "&wait=5m HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitParked(1);
            assertThat(h.store.waiterCount()).isEqualTo(1);
        }

        Await.until("the gateway lets go of the query and its waiter", Duration.ofSeconds(20),
                () -> h.gateway.parkedQueries() == 0 && h.store.waiterCount() == 0);
    }

    @Test
    void manyParkedCopiesOfAQueryAreAnsweredByOneWriteFromOneRead() throws Exception {
        long index = h.store.upsertJob(Jobs.batch("sleep-batch"));
        int clients = 200;
        List<CompletableFuture<Answer>> parked = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            parked.add(h.getAsync("/v1/jobs?index=" + index + "&wait=60s"));
        }
        awaitParked(clients);
        int readsBefore = h.store.readersOpened();
        int listingsBefore = h.store.jobListings();

        long next = h.store.upsertJob(Jobs.batch("mock-batch"));

        CompletableFuture.allOf(parked.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        String first = parked.get(0).get().body();
        for (CompletableFuture<Answer> p : parked) {
            assertThat(p.get().index()).isEqualTo(next);
            assertThat(p.get().body()).isEqualTo(first);
        }
        // Each woken query opens a view to learn the index, but the answer is computed once.
        assertThat(h.store.readersOpened() - readsBefore).isEqualTo(clients);
        assertThat(h.store.jobListings() - listingsBefore).isEqualTo(1);
        assertThat(h.store.openReaders()).isZero();
    }

    private void awaitParked(int count) {
        Await.until(count + " queries park", Duration.ofSeconds(20),
                () -> h.gateway.parkedQueries() == count && h.store.waiterCount() == count);
    }

    private void awaitStoreReads(int reads) {
        Await.until(reads + " store reads", Duration.ofSeconds(20),
                () -> h.store.readersOpened() >= reads && h.store.waiterCount() == 1);
    }
}
