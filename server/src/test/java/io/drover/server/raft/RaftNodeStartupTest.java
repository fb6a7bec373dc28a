package io.drover.server.raft;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.raft.DroverStateMachine;
import io.drover.state.rocks.RocksStateStore;
import io.drover.testkit.net.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While Ratis starts, the gateway already answers reads and asks this server's view of the
 * group for their headers: the answers must be "no leader yet", never an exception (a 500).
 */
class RaftNodeStartupTest {
    @TempDir
    Path dir;

    @Test
    void aServerNotYetStartedKnowsNoLeaderAndHasNoLastContact() {
        try (RocksStateStore store = RocksStateStore.open(dir.resolve("state"))) {
            RaftNode node = new RaftNode(new RaftNodeConfig("127.0.0.1", 1, "127.0.0.1:1", List.of("127.0.0.1:1"),
                    dir.resolve("raft"), Duration.ofMillis(150), Duration.ofMillis(300), 0),
                    new DroverStateMachine(store, dir.resolve("state")));

            assertThat(node.lastContactMillis()).isZero();
            assertThat(node.isLeaderReady()).isFalse();
            assertThat(node.leaderId()).isEmpty();
            assertThat(node.currentTerm()).isZero();
            assertThat(node.stopped()).isEmpty();
        }
    }

    @Test
    void aServerStartingUpAnswersWithoutFailing() throws Exception {
        try (RocksStateStore store = RocksStateStore.open(dir.resolve("state"))) {
            String self = "127.0.0.1:" + FreePorts.take();
            RaftNode node = new RaftNode(new RaftNodeConfig("127.0.0.1", Integer.parseInt(self.split(":")[1]), self,
                    List.of(self), dir.resolve("raft"), Duration.ofMillis(150), Duration.ofMillis(300), 0),
                    new DroverStateMachine(store, dir.resolve("state")));
            Thread starting = new Thread(node::start);
            starting.start();
            try {
                int asked = 0;
                for (long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                        !node.isLeaderReady() && System.nanoTime() < end; asked++) {
                    node.lastContactMillis();
                    node.leaderId();
                    node.members();
                    node.currentTerm();
                    assertThat(node.stopped()).isEmpty();
                }
                assertThat(node.isLeaderReady()).as("leads after " + asked + " questions").isTrue();
            } finally {
                starting.join();
                node.close();
            }
        }
    }
}
