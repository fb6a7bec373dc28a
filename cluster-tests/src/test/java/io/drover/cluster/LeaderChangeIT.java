package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.testkit.await.Await;
import io.drover.testkit.http.Answer;
import io.drover.testkit.http.NomadClient;
import io.drover.testkit.process.ServerProcess;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a client that was in the middle of something sees when the leader changes under it: a
 * blocking query it parked, a write it has to send again, and a whole cluster that crashed at
 * once and came back.
 */
class LeaderChangeIT {
    private static final Duration BOUND = Duration.ofSeconds(30);

    @RegisterExtension
    static final LocalCluster cluster = LocalCluster.ofThreeWithoutScheduling();

    @AfterEach
    void everyServerRunsAgain() {
        cluster.restartStopped();
    }

    @Test
    void aBlockingQueryParkedThroughAFollowerOutlivesTheLeader() throws Exception {
        ServerProcess leader = cluster.leader();
        List<ServerProcess> followers = cluster.followers();
        ServerProcess parkedOn = followers.get(0);
        long index = Views.awaitSameJobs(cluster.servers(), 0, BOUND);

        CompletableFuture<Answer> parked = parkedOn.api()
                .getAsync("/v1/jobs?index=" + index + "&wait=60s", Duration.ofSeconds(90));
        CompletableFuture<Answer> parkedStale = parkedOn.api()
                .getAsync("/v1/jobs?stale&index=" + index + "&wait=60s", Duration.ofSeconds(90));
        assertThat(Await.isStillPending(parked, Duration.ofSeconds(1))).as("parked before the kill").isTrue();
        leader.kill();
        cluster.leader();
        assertThat(parked).as("a new leader has nothing new to answer with").isNotDone();

        Answer reg = followers.get(1).api().register(Jobs.batch("after-leader-died"));
        assertThat(reg.status()).as(reg.toString()).isEqualTo(200);
        long written = reg.json().get("JobModifyIndex").asLong();

        for (CompletableFuture<Answer> query : List.of(parked, parkedStale)) {
            Answer woken = query.get(20, TimeUnit.SECONDS);
            assertThat(woken.status()).as(woken.toString()).isEqualTo(200);
            assertThat(woken.index()).isGreaterThanOrEqualTo(written);
            assertThat(woken.json()).extracting(j -> j.get("ID").asText()).contains("after-leader-died");
        }
    }

    @Test
    void aWriteSentAgainWithItsIdempotencyKeyAfterTheLeaderChangedIsAnsweredAsTheFirstTime() {
        ServerProcess leader = cluster.leader();
        List<ServerProcess> followers = cluster.followers();
        String key = UUID.randomUUID().toString();
        String body = Jobs.batch("sent-twice");
        Answer first = followers.get(0).api().register(body, key, NomadClient.DEFAULT_TIMEOUT);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);

        leader.kill();
        cluster.leader();
        Answer again = followers.get(1).api().register(body, key, NomadClient.DEFAULT_TIMEOUT);

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        JsonNode f = first.json();
        JsonNode a = again.json();
        for (String field : List.of("EvalID", "EvalCreateIndex", "JobModifyIndex", "Index")) {
            assertThat(a.get(field)).as(field).isEqualTo(f.get(field));
        }
        Answer evals = followers.get(1).api().get("/v1/job/sent-twice/evaluations");
        assertThat(evals.json()).hasSize(1);
        Answer versions = followers.get(1).api().get("/v1/job/sent-twice/versions");
        assertThat(versions.json().get("Versions")).hasSize(1);
    }

    @Test
    void everyServerKilledAtOnceComesBackWithEveryAcknowledgedWrite() {
        Map<String, Long> acknowledged = new LinkedHashMap<>();
        List<ServerProcess> servers = cluster.servers();
        for (int i = 0; i < 30; i++) {
            String id = "before-crash-" + i;
            Answer reg = servers.get(i % 3).api().register(Jobs.batch(id));
            assertThat(reg.status()).as(reg.toString()).isEqualTo(200);
            acknowledged.put(id, reg.json().get("JobModifyIndex").asLong());
        }
        long highest = cluster.leader().api().get("/v1/jobs").index();

        servers.forEach(ServerProcess::kill);
        long restartedAt = System.nanoTime();
        servers.forEach(ServerProcess::start);
        cluster.leader();
        long converged = Views.awaitSameJobs(servers, highest, BOUND);
        System.out.printf("[crash] all three killed and restarted: a leader and index %d (%d before) on every"
                + " server %d ms after the restart%n", converged, highest,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restartedAt));

        for (ServerProcess s : servers) {
            Map<String, Long> held = Views.staleJobs(s, "before-crash-").jobModifyIndexes();
            assertThat(held).as("jobs on " + s.name()).isEqualTo(acknowledged);
            Map<String, List<JsonNode>> evals = Views.staleEvaluationsByJob(s);
            for (String id : acknowledged.keySet()) {
                assertThat(evals.get(id)).as("evaluations of %s on %s", id, s.name()).hasSize(1);
            }
        }
        Answer after = servers.get(0).api().register(Jobs.batch("after-crash"));
        assertThat(after.status()).as(after.toString()).isEqualTo(200);
        assertThat(after.json().get("Index").asLong()).as("index of the first write after the crash")
                .isGreaterThan(highest);
    }
}
