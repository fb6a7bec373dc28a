package io.drover.raft;

import static io.drover.testkit.fixtures.Commands.job;
import static io.drover.testkit.fixtures.Commands.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.proto.raft.WriteResult;
import io.drover.state.StateReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.apache.ratis.client.RaftClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state machine under real Ratis: determinism, snapshots, restarts. */
class ReplicationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void everyServerEndsWithTheSameContentAfterTheSameLog() throws Exception {
        try (RatisCluster c = new RatisCluster(dir, 3, 0); ) {
            c.startAll();
            long last = 0;
            try (RaftClient client = c.client()) {
                for (int i = 0; i < 40; i++) {
                    WriteResult r = RatisCluster.send(client, register(job("job-" + (i % 7), "" + i), 1000L + i));
                    assertThat(r.getCode()).isEqualTo(WriteResult.Code.OK);
                    assertThat(r.getIndex()).isGreaterThan(last);
                    last = r.getIndex();
                }
            }
            c.awaitApplied(last, WAIT);
            String hash = c.nodes.get(0).store.contentHash();
            for (RatisCluster.Node n : c.nodes) {
                assertThat(n.store.contentHash()).as(n.id().toString()).isEqualTo(hash);
                try (StateReader s = n.store.reader()) {
                    assertThat(s.jobs("default", "")).hasSize(7);
                }
            }
        }
    }

    @Test
    void aFollowerBehindThePurgedLogCatchesUpBySnapshotAndMatchesContinuousApply() throws Exception {
        try (RatisCluster c = new RatisCluster(dir, 3, 20)) {
            c.startAll();
            long last;
            try (RaftClient client = c.client()) {
                last = RatisCluster.send(client, register(job("first", "0"), 1)).getIndex();
                c.awaitApplied(last, WAIT);

                RatisCluster.Node lagging = c.nodes.get(2);
                lagging.stop();
                for (int i = 0; i < 150; i++) {
                    last = RatisCluster.send(client, register(job("job-" + i, "" + i), 1000L + i)).getIndex();
                }
                RatisCluster.Node leader = c.nodes.stream()
                        .filter(n -> n.running() && n.stateMachine.getLatestSnapshot() != null)
                        .findFirst().orElseThrow();
                assertThat(leader.stateMachine.getLatestSnapshot().getIndex()).isGreaterThan(20);
                assertThat(firstLogSegmentStart(leader)).as("the leader purged its early log").isGreaterThan(1);
                lagging.start();
                last = RatisCluster.send(client, register(job("after", "1"), 5)).getIndex();
                c.awaitApplied(last, WAIT);
                assertThat(lagging.stateMachine.getLatestSnapshot()).as("installed a snapshot").isNotNull();
            }
            String hash = c.nodes.get(0).store.contentHash();
            for (RatisCluster.Node n : c.nodes) {
                assertThat(n.store.contentHash()).as(n.id().toString()).isEqualTo(hash);
            }
        }
    }

    @Test
    void aRestartedServerResumesFromItsOwnDatabase() throws Exception {
        try (RatisCluster c = new RatisCluster(dir, 3, 0)) {
            c.startAll();
            try (RaftClient client = c.client()) {
                long last = 0;
                for (int i = 0; i < 20; i++) {
                    last = RatisCluster.send(client, register(job("job-" + i, "" + i), 1000L + i)).getIndex();
                }
                c.awaitApplied(last, WAIT);

                RatisCluster.Node n = c.nodes.get(1);
                String before = n.store.contentHash();
                long appliedBefore = n.store.applied().index();
                n.stop();
                n.start();
                // Before Ratis replays anything, the database already holds every entry it had.
                assertThat(n.store.applied().index()).isGreaterThanOrEqualTo(appliedBefore);
                assertThat(n.store.contentHash()).isEqualTo(before);

                last = RatisCluster.send(client, register(job("after", "1"), 5)).getIndex();
                c.awaitApplied(last, WAIT);
                assertThat(n.store.contentHash()).isEqualTo(c.nodes.get(0).store.contentHash());
            }
        }
    }

    private static long firstLogSegmentStart(RatisCluster.Node n) throws Exception {
        try (Stream<Path> s = Files.walk(n.raftDir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(f -> f.startsWith("log_"))
                    .mapToLong(f -> Long.parseLong(f.replace("log_inprogress_", "").replace("log_", "").split("-")[0]))
                    .min().orElse(0);
        }
    }
}
