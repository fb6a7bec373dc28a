package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.testkit.await.Await;
import io.drover.testkit.http.Answer;
import io.drover.testkit.process.ServerProcess;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With two of three servers down there is no quorum: the one left must say so (500
 * {@code No cluster leader} after holding the request for about 5 s, as Nomad does) rather than
 * hang or pretend, still answer {@code ?stale} reads from its own state, and take writes again
 * once a second server is back.
 */
class NoQuorumIT {
    private static final Duration NO_LEADER_BOUND = Duration.ofSeconds(15);

    @RegisterExtension
    static final LocalCluster cluster = LocalCluster.ofThree();

    @AfterEach
    void everyServerRunsAgain() {
        cluster.restartStopped();
    }

    @Test
    void aLeaderLeftAloneStopsTakingWritesUntilAFollowerReturns() throws Exception {
        ServerProcess survivor = cluster.leader();
        List<ServerProcess> others = cluster.followers();
        String before = registered(survivor, "before-leader-alone");

        others.forEach(ServerProcess::kill);

        assertNoQuorumSeenFrom(survivor, before, "leader-alone");
        assertWritesResumeWhenBack(others.get(0), survivor, "leader-alone-resumed");
    }

    @Test
    void aFollowerLeftAloneStopsTakingWritesUntilAServerReturns() throws Exception {
        ServerProcess leader = cluster.leader();
        List<ServerProcess> followers = cluster.followers();
        ServerProcess survivor = followers.get(0);
        String before = registered(survivor, "before-follower-alone");
        Await.until(survivor.name() + " has applied " + before, Duration.ofSeconds(10),
                () -> survivor.api().get("/v1/job/" + before + "?stale").status() == 200);

        leader.stop();
        followers.get(1).kill();

        assertNoQuorumSeenFrom(survivor, before, "follower-alone");
        assertWritesResumeWhenBack(leader, survivor, "follower-alone-resumed");
    }

    private static void assertNoQuorumSeenFrom(ServerProcess survivor, String jobWrittenBefore, String jobId)
            throws Exception {
        // A write and a ?consistent read, sent together at once: each is held for a leader, then
        // refused. Neither may be served by a leader that can no longer reach a majority.
        long sent = System.nanoTime();
        CompletableFuture<Timed> write = CompletableFuture.supplyAsync(() -> Timed.since(sent, survivor.api()
                .register(Jobs.batch(jobId), UUID.randomUUID().toString(), Duration.ofSeconds(30))));
        CompletableFuture<Timed> consistent = survivor.api()
                .getAsync("/v1/job/" + jobWrittenBefore + "?consistent", Duration.ofSeconds(30))
                .thenApply(a -> Timed.since(sent, a));
        Timed refusedWrite = write.get(40, TimeUnit.SECONDS);
        Timed refusedConsistent = consistent.get(40, TimeUnit.SECONDS);
        // Sent once the write was refused, when the survivor knows it has no leader: a default
        // read is refused too (a leader that had not yet noticed could have answered it, as Nomad's does).
        Timed refusedDefault = Timed.since(System.nanoTime(),
                survivor.api().get("/v1/job/" + jobWrittenBefore, Duration.ofSeconds(30)));
        System.out.printf("[no quorum] %s alone: a write was answered %s, a ?consistent read %s, then a default"
                + " read %s%n", survivor.name(), refusedWrite, refusedConsistent, refusedDefault);

        for (Timed refused : List.of(refusedWrite, refusedConsistent, refusedDefault)) {
            assertThat(refused.answer().status()).as(refused.answer().toString()).isEqualTo(500);
            assertThat(refused.answer().body()).contains("No cluster leader");
            assertThat(refused.millis()).as("ms until refused").isLessThan(NO_LEADER_BOUND.toMillis());
        }

        Answer stale = survivor.api().get("/v1/job/" + jobWrittenBefore + "?stale");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(200);
        assertThat(stale.knownLeader()).as("X-Nomad-KnownLeader").isEqualTo("false");
        assertThat(stale.lastContact()).as("X-Nomad-LastContact").matches("\\d+");
        assertThat(stale.json().get("ID").asText()).isEqualTo(jobWrittenBefore);

        Answer leader = survivor.api().get("/v1/status/leader");
        assertThat(leader.status()).isEqualTo(200);
        assertThat(leader.json().asText()).as("the leader %s names", survivor.name()).isEmpty();
    }

    /** Starts {@code returning}; a write through {@code survivor} is then acknowledged and reaches both. */
    private static void assertWritesResumeWhenBack(ServerProcess returning, ServerProcess survivor, String jobId) {
        long started = System.nanoTime();
        returning.start();
        String key = UUID.randomUUID().toString();
        Answer ack = Await.value("a write through " + survivor.name() + " is acknowledged once "
                + returning.name() + " is back", Duration.ofSeconds(60), () -> {
                    Answer a = survivor.api().register(Jobs.batch(jobId), key, Duration.ofSeconds(30));
                    return a.status() == 200 ? Optional.of(a) : Optional.empty();
                });
        System.out.printf("[no quorum] writes through %s acknowledged again %d ms after %s was started%n",
                survivor.name(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), returning.name());
        long index = ack.json().get("JobModifyIndex").asLong();
        for (ServerProcess s : List.of(survivor, returning)) {
            Answer read = s.api().get("/v1/job/" + jobId + "?consistent");
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().get("JobModifyIndex").asLong()).isEqualTo(index);
        }
    }

    /** An answer and how long it took. */
    private record Timed(Answer answer, long millis) {
        static Timed since(long sentNanos, Answer answer) {
            return new Timed(answer, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentNanos));
        }

        @Override
        public String toString() {
            return answer.status() + " in " + millis + " ms";
        }
    }

    private static String registered(ServerProcess s, String id) {
        Answer reg = s.api().register(Jobs.batch(id));
        assertThat(reg.status()).as(reg.toString()).isEqualTo(200);
        return id;
    }
}
