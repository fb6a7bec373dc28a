package io.drover.cluster.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.cluster.PackagedServer;
import io.drover.testkit.await.Await;
import io.drover.testkit.http.Answer;
import io.drover.testkit.process.ServerProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A leader frozen (a long GC, SIGSTOP) is replaced; when it thaws, it still believes it leads
 * until it hears otherwise. A {@code ?consistent} read sent to it must not answer from its old
 * state, missing a write the new leader acknowledged before the read began. (Ratis's ReadIndex
 * answers such a read at once when the old leader's commit index has not moved since a majority
 * last acknowledged it: the fault suite found reads doing so, and this test failed every time.)
 */
class DeposedLeaderReadsIT {
    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void aLeaderFrozenAndReplacedNeverAnswersAConsistentReadFromItsOldStateWhenItThaws() throws Exception {
        try (FaultCluster cluster = new FaultCluster(PackagedServer.launcher(), 3, List.of())) {
            cluster.startAll();
            ServerProcess old = awaitLeader(cluster, null);
            Answer first = old.api().post("/v1/jobs", FaultJobs.checkAndSet("cas-0", "before", 0), BOUND);
            assertThat(first.status()).as(first.toString()).isEqualTo(200);
            Answer confirmed = old.api().get("/v1/job/cas-0?consistent", BOUND);
            assertThat(confirmed.json().path("Meta").path("value").asText()).isEqualTo("before");

            old.pause();
            ServerProcess next = awaitLeader(cluster, old);
            long index = first.json().get("JobModifyIndex").asLong();
            Answer written = next.api().post("/v1/jobs", FaultJobs.checkAndSet("cas-0", "after", index), BOUND);
            assertThat(written.status()).as(written.toString()).isEqualTo(200);
            // Sent while it is frozen, so that it is the first thing the old leader does when it thaws.
            var pending = old.api().getAsync("/v1/job/cas-0?consistent", BOUND);
            Thread.sleep(300);
            old.resume();

            Answer read = pending.get();
            if (read.status() == 200) {
                assertThat(read.json().path("Meta").path("value").asText())
                        .as("a consistent read sent to the frozen old leader after the write was acknowledged")
                        .isEqualTo("after");
            } else {
                assertThat(read.status()).isEqualTo(500);
                assertThat(read.body()).isEqualTo("No cluster leader");
            }
        }
    }

    /** The leader the running servers other than {@code excluded} agree on. */
    private static ServerProcess awaitLeader(FaultCluster cluster, ServerProcess excluded) {
        try {
            return Await.value("a leader" + (excluded == null ? "" : " other than " + excluded), BOUND,
                    Duration.ofMillis(100), () -> excluded == null ? cluster.agreedLeader()
                            : cluster.servers().stream().filter(s -> s != excluded)
                                    .filter(s -> "Leader".equals(FaultCluster.raftState(s))).findFirst());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + cluster.logTails(40), e);
        }
    }
}
