package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.testkit.await.Await;
import io.drover.testkit.http.Answer;
import io.drover.testkit.process.ServerProcess;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server frozen for seconds (SIGSTOP, as a long GC pause or a busy host would) must rejoin by
 * itself when it runs again: follow the current leader, take writes, and serve what the others
 * have. (Ratis once shut a server's Raft down after any pause over a second, leaving a process
 * that answered HTTP with no Raft behind it.)
 */
class PausedServerIT {
    private static final Duration PAUSE = Duration.ofSeconds(4);
    private static final Duration REJOIN_BOUND = Duration.ofSeconds(30);

    @RegisterExtension
    static final LocalCluster cluster = LocalCluster.ofThreeWithoutScheduling();

    @Test
    void aPausedFollowerRejoins() throws InterruptedException {
        ServerProcess follower = cluster.followers().get(0);
        pauseWhileWriting(follower);
        assertRejoined(follower);
    }

    @Test
    void aPausedLeaderStepsDownAndRejoins() throws InterruptedException {
        ServerProcess oldLeader = cluster.leader();
        pauseWhileWriting(oldLeader);
        ServerProcess newLeader = cluster.leader();
        assertThat(newLeader).as("a leader other than the one paused").isNotSameAs(oldLeader);
        assertRejoined(oldLeader);
    }

    /** Freezes {@code s} while the others take writes, so it has something to catch up on. */
    private static void pauseWhileWriting(ServerProcess s) throws InterruptedException {
        s.pause();
        try {
            long end = System.nanoTime() + PAUSE.toNanos();
            int i = 0;
            while (System.nanoTime() < end) {
                for (ServerProcess other : cluster.servers()) {
                    if (other != s) {
                        // Writes may fail while a new leader is elected; those that succeed must survive.
                        other.api().register(Jobs.batch("during-pause-" + s.name() + "-" + i++));
                    }
                }
                Thread.sleep(100);
            }
        } finally {
            s.resume();
        }
    }

    private static void assertRejoined(ServerProcess s) {
        assertThat(s.isRunning()).as(s + " still runs").isTrue();
        String id = "through-" + s.name();
        Answer written = Await.value(s + " takes writes again", REJOIN_BOUND, () -> {
            Answer a = s.api().register(Jobs.batch(id), java.util.UUID.randomUUID().toString(),
                    Duration.ofSeconds(10));
            return a.status() == 200 ? Optional.of(a) : Optional.empty();
        });
        long index = written.json().get("JobModifyIndex").asLong();
        ServerProcess leader = cluster.leader();
        Answer onLeader = leader.api().get("/v1/jobs?stale");
        Await.until(s + " serves, from its own state, everything the leader had", REJOIN_BOUND,
                () -> {
                    Answer mine = s.api().get("/v1/jobs?stale");
                    return mine.status() == 200 && mine.index() >= Math.max(index, onLeader.index())
                            && mine.json().size() >= onLeader.json().size();
                });
        assertThat(LocalCluster.raftState(s)).as("Raft role of " + s).isIn("Leader", "Follower");
    }
}
