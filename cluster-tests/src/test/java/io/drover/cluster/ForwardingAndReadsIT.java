package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.testkit.await.Await;
import io.drover.testkit.http.Answer;
import io.drover.testkit.process.ServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A healthy three-server cluster as an API user sees it from any server: writes sent to a
 * follower are forwarded to the leader, default reads see the leader's data (of any size),
 * {@code ?stale}
 * reads answer a server's own, {@code ?consistent} reads see every acknowledged write, and
 * blocking queries wake when a write lands anywhere.
 */
class ForwardingAndReadsIT {
    @RegisterExtension
    static final LocalCluster cluster = LocalCluster.ofThreeWithoutScheduling();

    private static final Duration REPLICATION_BOUND = Duration.ofSeconds(10);

    @Test
    void aWriteSentToAFollowerIsAnsweredAfterCommitAndThenReadableEverywhere() {
        ServerProcess leader = cluster.leader();
        ServerProcess follower = cluster.followers().get(0);

        Answer reg = follower.api().register(Jobs.batch("via-follower"));

        assertThat(reg.status()).as(reg.toString()).isEqualTo(200);
        JsonNode r = reg.json();
        long index = r.get("Index").asLong();
        assertThat(index).isPositive();
        assertThat(r.get("JobModifyIndex").asLong()).isEqualTo(index);
        assertThat(r.get("EvalCreateIndex").asLong()).isEqualTo(index);
        assertThat(r.get("EvalID").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(reg.index()).isEqualTo(index);

        // Answered after commit: the leader already serves it, with no waiting.
        Answer onLeader = leader.api().get("/v1/job/via-follower");
        assertThat(onLeader.status()).as(onLeader.toString()).isEqualTo(200);
        assertThat(onLeader.json().get("JobModifyIndex").asLong()).isEqualTo(index);
        assertThat(onLeader.index()).isGreaterThanOrEqualTo(index);

        for (ServerProcess s : cluster.servers()) {
            JsonNode job = Await.value(s.name() + " has applied the job and serves it from its own state",
                    REPLICATION_BOUND, () -> {
                        Answer a = s.api().get("/v1/job/via-follower?stale");
                        return a.status() == 200 ? Optional.of(a.json()) : Optional.empty();
                    });
            assertThat(job.get("JobModifyIndex").asLong()).as(s.name()).isEqualTo(index);
            assertThat(job.get("CreateIndex").asLong()).as(s.name()).isEqualTo(index);
        }

        Answer evals = follower.api().get("/v1/job/via-follower/evaluations");
        assertThat(evals.status()).isEqualTo(200);
        assertThat(evals.json()).hasSize(1);
        assertThat(evals.json().get(0).get("ID").asText()).isEqualTo(r.get("EvalID").asText());
    }

    @Test
    void aDefaultReadOnAFollowerSeesEveryWriteAcknowledgedBeforeIt() {
        ServerProcess leader = cluster.leader();
        long index = registered(leader, "read-forwarded");

        for (ServerProcess follower : cluster.followers()) {
            // Sent right after the write was acknowledged: the follower answers once it has applied
            // what the leader had committed, with its own headers.
            Answer read = follower.api().get("/v1/job/read-forwarded");
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().get("JobModifyIndex").asLong()).isEqualTo(index);
            assertThat(read.knownLeader()).as("X-Nomad-KnownLeader from " + follower).isEqualTo("true");
            assertThat(read.lastContact()).as("X-Nomad-LastContact from " + follower).matches("\\d+");
            assertThat(read.index()).isEqualTo(index);

            Answer list = follower.api().get("/v1/jobs?prefix=read-forwarded");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.index()).isGreaterThanOrEqualTo(index);
            assertThat(list.json()).extracting(j -> j.get("ID").asText()).containsExactly("read-forwarded");
        }
    }

    @Test
    void aStaleReadOnAFollowerReportsItsOwnContactWithTheLeader() {
        registered(cluster.leader(), "read-stale");

        for (ServerProcess follower : cluster.followers()) {
            Answer read = follower.api().get("/v1/jobs?stale");
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.knownLeader()).as("X-Nomad-KnownLeader from " + follower).isEqualTo("true");
            assertThat(read.lastContact()).as("X-Nomad-LastContact from " + follower).matches("\\d+");
            assertThat(read.index()).isPositive();
            assertThat(read.json().isArray()).isTrue();
        }
        Answer onLeader = cluster.leader().api().get("/v1/jobs?stale");
        assertThat(onLeader.knownLeader()).isEqualTo("true");
        assertThat(onLeader.lastContact()).isEqualTo("0");
    }

    @Test
    void aConsistentReadOnAFollowerSeesTheWriteJustAcknowledged() {
        List<ServerProcess> servers = cluster.servers();
        // Many rounds, each write through one server and the read at once through another: a
        // follower that answered from state it had not brought up to date would miss one.
        for (int round = 0; round < 30; round++) {
            ServerProcess writer = servers.get(round % 3);
            ServerProcess reader = servers.get((round + 1) % 3);
            String id = "consistent-" + round;
            long index = registered(writer, id);

            Answer read = reader.api().get("/v1/job/" + id + "?consistent");

            assertThat(read.status()).as("round %d: written through %s at %d, read through %s: %s", round,
                    writer.name(), index, reader.name(), read).isEqualTo(200);
            assertThat(read.json().get("JobModifyIndex").asLong()).isEqualTo(index);
            assertThat(read.index()).isGreaterThanOrEqualTo(index);
        }
    }

    @Test
    void everyServerNamesTheSameLeaderAndPeers() {
        ServerProcess leader = cluster.leader();
        List<String> everyAddress = cluster.servers().stream().map(ServerProcess::raftAddress).toList();

        for (ServerProcess s : cluster.servers()) {
            Answer named = s.api().get("/v1/status/leader");
            assertThat(named.status()).isEqualTo(200);
            assertThat(named.json().asText()).as("leader named by " + s).isEqualTo(leader.raftAddress());
            assertThat(LocalCluster.raftState(s)).as("role of " + s)
                    .isEqualTo(s == leader ? "Leader" : "Follower");

            Answer peers = s.api().get("/v1/status/peers");
            assertThat(peers.status()).isEqualTo(200);
            List<String> listed = new ArrayList<>();
            peers.json().forEach(p -> listed.add(p.asText()));
            assertThat(listed).as("peers listed by " + s).containsExactlyInAnyOrderElementsOf(everyAddress);
        }
    }

    @Test
    void aBlockingQueryParkedOnAFollowerWakesWhenAWriteLandsThroughAnotherServer() throws Exception {
        List<ServerProcess> followers = cluster.followers();
        ServerProcess parkedOn = followers.get(0);
        ServerProcess writeThrough = followers.get(1);
        // Every server at the same index first, so that no earlier write can wake the queries.
        long before = Views.awaitSameJobs(cluster.servers(), 0, REPLICATION_BOUND);

        CompletableFuture<Answer> parked = parkedOn.api()
                .getAsync("/v1/jobs?index=" + before + "&wait=60s", Duration.ofSeconds(90));
        CompletableFuture<Answer> parkedStale = parkedOn.api()
                .getAsync("/v1/jobs?stale&index=" + before + "&wait=60s", Duration.ofSeconds(90));
        // Nothing changed since that index: both queries must be parked, not answered.
        assertThat(Await.isStillPending(parked, Duration.ofSeconds(1))).as("parked").isTrue();
        assertThat(parkedStale).isNotDone();

        long written = registered(writeThrough, "wakes-blocked");

        // Far below the 60 s wait: the queries end because the write landed, not because they timed out.
        for (CompletableFuture<Answer> query : List.of(parked, parkedStale)) {
            Answer woken = query.get(20, TimeUnit.SECONDS);
            assertThat(woken.status()).as(woken.toString()).isEqualTo(200);
            assertThat(woken.index()).isGreaterThanOrEqualTo(written);
            assertThat(woken.json()).extracting(j -> j.get("ID").asText()).contains("wakes-blocked");
        }
    }

    @Test
    void aDefaultReadOfSeveralMegabytesIsAnsweredByEveryServer() {
        ServerProcess leader = cluster.leader();
        // Six versions of a job with a megabyte of metadata each: its version history is ~6 MB.
        for (int version = 0; version < 6; version++) {
            Answer reg = leader.api().register(Jobs.withMeta("big-history", "v" + version, 1 << 20));
            assertThat(reg.status()).as(reg.toString()).isEqualTo(200);
        }
        for (ServerProcess s : cluster.servers()) {
            Answer versions = s.api().get("/v1/job/big-history/versions");
            assertThat(versions.status()).as("%s answered %d", s, versions.status()).isEqualTo(200);
            assertThat(versions.body().length()).as("bytes from " + s).isGreaterThan(5 << 20);
            assertThat(versions.json().get("Versions")).as("versions from " + s).hasSize(6);
        }
    }

    /** Registers a small job through {@code s}, expecting success; returns its JobModifyIndex. */
    static long registered(ServerProcess s, String id) {
        Answer reg = s.api().register(Jobs.batch(id));
        assertThat(reg.status()).as(reg.toString()).isEqualTo(200);
        return reg.json().get("JobModifyIndex").asLong();
    }
}
