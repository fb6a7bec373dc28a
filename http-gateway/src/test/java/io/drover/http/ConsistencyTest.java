package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.http.testing.Answer;
import io.drover.http.testing.Await;
import io.drover.http.testing.FakeCluster;
import io.drover.http.testing.FakeStateStore;
import io.drover.http.testing.GatewayHarness;
import io.drover.http.testing.Jobs;
import io.drover.proto.rpc.ForwardedRead;
import io.drover.proto.rpc.ForwardedResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where reads are answered: by the leader by default (a follower forwards), locally with
 * {@code ?stale}, locally after a barrier with {@code ?consistent}.
 */
class ConsistencyTest {
    private final GatewayHarness leader = new GatewayHarness();
    private final GatewayHarness follower = new GatewayHarness(new FakeStateStore(),
            new FakeCluster().status(FakeCluster.follower(25)), HttpGatewayConfig.of("127.0.0.1", 0));

    ConsistencyTest() {
        follower.cluster.forwardReadsTo(leader.gateway::serveForwarded);
    }

    @AfterEach
    void close() {
        follower.close();
        leader.close();
    }

    @Test
    void theLeaderAnswersDefaultReadsItself() {
        long index = leader.store.upsertJob(Jobs.batch("sleep-batch"));

        Answer a = leader.get("/v1/jobs");

        assertThat(a.index()).isEqualTo(index);
        assertThat(leader.cluster.forwarded).isEmpty();
        assertThat(leader.cluster.barriers).hasValue(0);
    }

    @Test
    void aFollowerRelaysTheLeadersAnswerToADefaultRead() {
        long index = leader.store.upsertJob(Jobs.batch("sleep-batch"));

        Answer a = follower.get("/v1/job/sleep-batch?pretty");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.index()).isEqualTo(index);
        assertThat(a.header("X-Nomad-KnownLeader")).isEqualTo("true");
        assertThat(a.header("X-Nomad-LastContact")).as("the leader's").isEqualTo("0");
        assertThat(a.header("Content-Type")).isEqualTo("application/json");
        assertThat(a.header("Date")).isNotNull();
        assertThat(a.body()).startsWith("{\n    \"Stop\": false,");
        ForwardedRead read = follower.cluster.forwarded.get(0);
        assertThat(read.getMethod()).isEqualTo("GET");
        assertThat(read.getUri()).isEqualTo("/v1/job/sleep-batch?pretty");
    }

    @Test
    void aFollowerRelaysErrorsAndGzipsForItsClient() throws IOException {
        leader.store.upsertJob(Jobs.batch("sleep-batch"));

        Answer missing = follower.get("/v1/job/nope");
        Answer gzipped = follower.send(follower.request("/v1/jobs").header("Accept-Encoding", "gzip").GET().build());

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("job not found");
        assertThat(missing.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(missing.header("X-Nomad-Index")).isNotNull();
        assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.bytes()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("\"ID\":\"sleep-batch\"");
        }
    }

    @Test
    void staleReadsAreAnsweredFromTheFollowersOwnState() {
        leader.store.upsertJob(Jobs.batch("sleep-batch"));

        Answer bare = follower.get("/v1/jobs?stale");
        Answer valued = follower.get("/v1/jobs?stale=true");

        assertThat(bare.body()).isEqualTo("[]");
        assertThat(bare.index()).isZero();
        assertThat(bare.header("X-Nomad-KnownLeader")).isEqualTo("true");
        assertThat(bare.header("X-Nomad-LastContact")).isEqualTo("25");
        assertThat(valued.body()).isEqualTo("[]");
        assertThat(follower.cluster.forwarded).isEmpty();
    }

    @Test
    void consistentReadsWaitForTheBarrierThenAnswerLocally() {
        follower.store.upsertJob(Jobs.batch("local"));
        CompletableFuture<Void> barrier = new CompletableFuture<>();
        follower.cluster.barrier(() -> barrier);

        CompletableFuture<Answer> pending = follower.getAsync("/v1/jobs?consistent");
        Await.until(() -> follower.cluster.barriers.get() == 1);
        assertThat(pending).isNotDone();
        barrier.complete(null);

        Answer a = pending.join();
        assertThat(a.json()).extracting(j -> j.get("ID").asText()).containsExactly("local");
        assertThat(follower.cluster.forwarded).isEmpty();
    }

    @Test
    void withoutALeaderDefaultAndConsistentReadsFail() {
        FakeCluster alone = follower.cluster;
        alone.status(FakeCluster.leaderless()).barrierWithoutLeader().forwardReadsTo(
                new FakeCluster()::forwardRead);

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
    void aForwardedBlockingQueryParksOnTheLeaderAndWakesOnItsWrite() throws Exception {
        long index = leader.store.upsertJob(Jobs.batch("sleep-batch"));
        CompletableFuture<Answer> parked = follower.getAsync("/v1/jobs?index=" + index + "&wait=30s");
        Await.until(() -> leader.gateway.parkedQueries() == 1);
        assertThat(follower.gateway.parkedQueries()).isZero();

        long next = leader.store.upsertJob(Jobs.batch("mock-batch"));

        Answer a = parked.get(10, TimeUnit.SECONDS);
        assertThat(a.index()).isEqualTo(next);
        assertThat(a.json()).hasSize(2);
    }

    @Test
    void aFollowersClientGoingAwayReleasesTheLeadersParkedQuery() throws Exception {
        long index = leader.store.upsertJob(Jobs.batch("sleep-batch"));
        try (Socket socket = new Socket("127.0.0.1", follower.gateway.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v1/jobs?index=" + index + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Await.until(() -> leader.gateway.parkedQueries() == 1);
        }

        Await.until(() -> leader.gateway.parkedQueries() == 0 && leader.store.waiterCount() == 0);
    }

    @Test
    void serveForwardedAnswersLocallyWithHeadersAndAPlainBody() throws Exception {
        long index = leader.store.upsertJob(Jobs.batch("sleep-batch"));
        leader.cluster.status(FakeCluster.follower(40));

        ForwardedResponse found = leader.gateway.serveForwarded(ForwardedRead.newBuilder().setMethod("GET")
                .setUri("/v1/job/sleep-batch/summary").putHeaders("Accept-Encoding", "gzip").build())
                .get(10, TimeUnit.SECONDS);
        ForwardedResponse missing = leader.gateway.serveForwarded(ForwardedRead.newBuilder().setMethod("GET")
                .setUri("/v1/job/nope").build()).get(10, TimeUnit.SECONDS);
        ForwardedResponse write = leader.gateway.serveForwarded(ForwardedRead.newBuilder().setMethod("POST")
                .setUri("/v1/jobs").build()).get(10, TimeUnit.SECONDS);

        assertThat(found.getStatus()).isEqualTo(200);
        assertThat(found.getHeadersMap()).containsEntry("Content-Type", "application/json")
                .containsEntry("X-Nomad-Index", Long.toString(index)).containsEntry("X-Nomad-KnownLeader", "true")
                .containsEntry("X-Nomad-LastContact", "40").doesNotContainKey("Content-Encoding");
        assertThat(found.getBody().toStringUtf8()).startsWith("{\"JobID\":\"sleep-batch\"");
        assertThat(leader.cluster.forwarded).as("never forwarded again").isEmpty();
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getBody().toStringUtf8()).isEqualTo("job not found");
        assertThat(missing.getHeadersMap()).containsEntry("Content-Type", "text/plain; charset=utf-8");
        assertThat(write.getStatus()).isEqualTo(405);
        assertThat(leader.cluster.writes).isEmpty();
    }

    @Test
    void cancellingAForwardedReadReleasesItsParkedQuery() throws Exception {
        long index = leader.store.upsertJob(Jobs.batch("sleep-batch"));
        CompletableFuture<ForwardedResponse> pending = leader.gateway.serveForwarded(ForwardedRead.newBuilder()
                .setMethod("GET").setUri("/v1/jobs?index=" + index).build());
        Await.until(() -> leader.gateway.parkedQueries() == 1);

        pending.cancel(true);

        Await.until(() -> leader.gateway.parkedQueries() == 0 && leader.store.waiterCount() == 0);
    }

    @Test
    void aForwardedReadAfterCloseIsAnsweredNotThrown() throws Exception {
        leader.gateway.close();

        ForwardedResponse r = leader.gateway.serveForwarded(ForwardedRead.newBuilder().setMethod("GET")
                .setUri("/v1/jobs").build()).get(10, TimeUnit.SECONDS);

        assertThat(r.getStatus()).isEqualTo(503);
    }
}
