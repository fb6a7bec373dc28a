package io.drover.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.raft.LeaderListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The dev node starts on the first leadership only, after the leader services were told, and closes with the agent. */
class DevNodeTest {
    private final List<String> events = new ArrayList<>();
    private final List<Runnable> queued = new ArrayList<>();
    private final Executor executor = queued::add;
    private final LeaderListener services = new LeaderListener() {
        @Override
        public void onLeaderReady() {
            events.add("services: leader ready");
        }

        @Override
        public void onNotLeader() {
            events.add("services: not leader");
        }

        @Override
        public void onLeaderChanged(String leaderId) {
            events.add("services: leader " + leaderId);
        }
    };
    private final DevNode<AutoCloseable> devNode = new DevNode<>(services, () -> {
        events.add("node started");
        return () -> events.add("node closed");
    }, executor);

    @Test
    void theNodeStartsOnTheExecutorAfterTheFirstLeadershipOnly() throws Exception {
        devNode.onLeaderChanged("s1");
        assertThat(queued).isEmpty();

        devNode.onLeaderReady();
        assertThat(events).containsExactly("services: leader s1", "services: leader ready");
        runQueued();
        devNode.onNotLeader();
        devNode.onLeaderReady();
        runQueued();
        devNode.close();

        assertThat(events).containsExactly("services: leader s1", "services: leader ready", "node started",
                "services: not leader", "services: leader ready", "node closed");
    }

    @Test
    void closedBeforeItStartedTheNodeNeverStarts() throws Exception {
        devNode.onLeaderReady();
        devNode.close();
        runQueued();
        devNode.onLeaderReady();
        runQueued();

        assertThat(events).containsExactly("services: leader ready", "services: leader ready");
    }

    private void runQueued() {
        List<Runnable> now = new ArrayList<>(queued);
        queued.clear();
        now.forEach(Runnable::run);
    }
}
