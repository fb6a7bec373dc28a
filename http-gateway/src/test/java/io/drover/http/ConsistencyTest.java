package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.http.testing.FakeCluster;
import io.drover.http.testing.FakeStateStore;
import io.drover.http.testing.GatewayHarness;
import io.drover.http.testing.Jobs;
import io.drover.testkit.await.Await;
import io.drover.testkit.http.Answer;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How new a server's state must be before it answers a read: as it is with {@code ?stale}, and
 * on the leader by default; after a barrier (the leader's commit index, ReadIndex) on a follower
 * by default and everywhere with {@code ?consistent}. Every read is answered where it arrived.
 */
class ConsistencyTest {
    private final GatewayHarness leader = new GatewayHarness();
    private final GatewayHarness follower = new GatewayHarness(new FakeStateStore(),
            new FakeCluster().status(FakeCluster.follower(25)), HttpGatewayConfig.of("127.0.0.1", 0));

    @AfterEach
    void close() {
        follower.close();
        leader.close();
    }

    @Test
    void theLeaderAnswersDefaultReadsWithoutABarrier() {
        long index = leader.store.upsertJob(Jobs.batch("sleep-batch"));

        Answer a = leader.get("/v1/jobs");

        assertThat(a.index()).isEqualTo(index);
        assertThat(a.header("X-Nomad-LastContact")).isEqualTo("0");
        assertThat(leader.cluster.barriers).hasValue(0);
    }

    @Test
    void aFollowerAnswersADefaultReadItselfOnceItIsAsNewAsTheLeader() {
        long index = follower.store.upsertJob(Jobs.batch("sleep-batch"));
        CompletableFuture<Void> barrier = new CompletableFuture<>();
        follower.cluster.barrier(() -> barrier);

        CompletableFuture<Answer> pending = follower.getAsync("/v1/job/sleep-batch?pretty");
        Await.until("the follower asks for a read barrier", Duration.ofSeconds(20),
                () -> follower.cluster.barriers.get() == 1);
        assertThat(pending).as("answered before the barrier").isNotDone();
        barrier.complete(null);

        Answer a = pending.join();
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.index()).isEqualTo(index);
        assertThat(a.header("X-Nomad-KnownLeader")).isEqualTo("true");
        assertThat(a.header("X-Nomad-LastContact")).as("the follower's own").isEqualTo("25");
        assertThat(a.header("Content-Type")).isEqualTo("application/json");
        assertThat(a.body()).startsWith("{\n    \"Stop\": false,");
    }

    @Test
    void staleReadsAreAnsweredFromTheFollowersOwnStateWithoutABarrier() {
        leader.store.upsertJob(Jobs.batch("sleep-batch"));

        Answer bare = follower.get("/v1/jobs?stale");
        Answer valued = follower.get("/v1/jobs?stale=true");

        assertThat(bare.body()).isEqualTo("[]");
        assertThat(bare.index()).isZero();
        assertThat(bare.header("X-Nomad-KnownLeader")).isEqualTo("true");
        assertThat(bare.header("X-Nomad-LastContact")).isEqualTo("25");
        assertThat(valued.body()).isEqualTo("[]");
        assertThat(follower.cluster.barriers).hasValue(0);
    }

    @Test
    void consistentReadsWaitForTheBarrierThenAnswerLocallyEvenOnTheLeader() {
        leader.store.upsertJob(Jobs.batch("local"));
        CompletableFuture<Void> barrier = new CompletableFuture<>();
        leader.cluster.barrier(() -> barrier);

        CompletableFuture<Answer> pending = leader.getAsync("/v1/jobs?consistent");
        Await.until("the leader asks for a read barrier", Duration.ofSeconds(20),
                () -> leader.cluster.barriers.get() == 1);
        assertThat(pending).isNotDone();
        barrier.complete(null);

        Answer a = pending.join();
        assertThat(a.json()).extracting(j -> j.get("ID").asText()).containsExactly("local");
    }

    @Test
    void withoutALeaderDefaultAndConsistentReadsFail() {
        follower.cluster.status(FakeCluster.leaderless()).barrierWithoutLeader();

        Answer byDefault = follower.get("/v1/jobs");
        Answer consistent = follower.get("/v1/jobs?consistent");
        Answer stale = follower.get("/v1/jobs?stale");

        assertThat(byDefault.status()).isEqualTo(500);
        assertThat(byDefault.body()).isEqualTo("No cluster leader");
        assertThat(consistent.status()).isEqualTo(500);
        assertThat(consistent.body()).isEqualTo("No cluster leader");
        assertThat(consistent.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.header("X-Nomad-KnownLeader")).isEqualTo("false");
    }

    @Test
    void aFollowersBlockingQueryParksOnItsOwnStateAndWakesWhenItApplies() throws Exception {
        long index = follower.store.upsertJob(Jobs.batch("sleep-batch"));
        CompletableFuture<Answer> parked = follower.getAsync("/v1/jobs?index=" + index + "&wait=30s");
        Await.until("the query parks", Duration.ofSeconds(20), () -> follower.gateway.parkedQueries() == 1);

        long next = follower.store.upsertJob(Jobs.batch("mock-batch"));

        Answer a = parked.get(10, TimeUnit.SECONDS);
        assertThat(a.index()).isEqualTo(next);
        assertThat(a.json()).hasSize(2);
        assertThat(follower.cluster.barriers).as("one barrier, before parking").hasValue(1);
    }

    @Test
    void aClientGoingAwayReleasesItsParkedQuery() throws Exception {
        long index = follower.store.upsertJob(Jobs.batch("sleep-batch"));
        try (Socket socket = new Socket("127.0.0.1", follower.gateway.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v1/jobs?index=" + index + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Await.until("the query parks", Duration.ofSeconds(20), () -> follower.gateway.parkedQueries() == 1);
        }

        Await.until("the follower lets go of the query and its waiter", Duration.ofSeconds(20),
                () -> follower.gateway.parkedQueries() == 0 && follower.store.waiterCount() == 0);
    }
}
