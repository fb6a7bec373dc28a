package io.drover.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.client.agent.AllocGcPolicy;
import io.drover.client.agent.NodeAgent;
import io.drover.client.agent.NodeAgentConfig;
import io.drover.model.alloc.Allocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node over its gc_max_allocs removes the allocation that finished first, directory and local state. */
class NodeAgentGcTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path data;

    private final FakeNodeServer server = new FakeNodeServer();
    private NodeAgent agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        server.close();
    }

    @Test
    void aNewAllocationPushesOutTheOldestFinishedOneOnceTheServersKnowItEnded() {
        // One allocation at most; a disk threshold of 100 % never triggers.
        NodeAgentConfig config = NodeAgentConfig.of(List.of(server.address()), data, "n1", "dc1", "127.0.0.1")
                .withGc(new AllocGcPolicy(1, 100, Duration.ofHours(1)));
        agent = new NodeAgent(config);
        agent.start();
        Path a1Dir = data.resolve("alloc").resolve("a1");
        Path a1State = data.resolve("client").resolve("allocs").resolve("a1.json");

        server.place(TestAllocs.mock("a1", agent.nodeId(), Map.of("run_for", "10ms")));
        Awaitility.await().atMost(PATIENCE).until(() -> Allocation.CLIENT_COMPLETE.equals(status("a1")));
        assertThat(a1Dir.resolve("alloc").resolve("logs")).isDirectory();
        assertThat(a1State).exists();

        server.place(TestAllocs.mock("a2", agent.nodeId(), Map.of("run_for", "1h")));
        Awaitility.await().atMost(PATIENCE).until(() -> Allocation.CLIENT_RUNNING.equals(status("a2")));

        Awaitility.await().atMost(PATIENCE).until(() -> !Files.exists(a1Dir));
        assertThat(a1State).doesNotExist();
        assertThat(data.resolve("alloc").resolve("a2")).isDirectory();
    }

    @Test
    void finishedAllocationsWithinTheLimitAreKept() {
        NodeAgentConfig config = NodeAgentConfig.of(List.of(server.address()), data, "n1", "dc1", "127.0.0.1")
                .withGc(new AllocGcPolicy(2, 100, Duration.ofHours(1)));
        agent = new NodeAgent(config);
        agent.start();

        server.place(TestAllocs.mock("a1", agent.nodeId(), Map.of("run_for", "10ms")));
        Awaitility.await().atMost(PATIENCE).until(() -> Allocation.CLIENT_COMPLETE.equals(status("a1")));
        server.place(TestAllocs.mock("a2", agent.nodeId(), Map.of("run_for", "1h")));
        Awaitility.await().atMost(PATIENCE).until(() -> Allocation.CLIENT_RUNNING.equals(status("a2")));

        assertThat(data.resolve("alloc").resolve("a1")).isDirectory();
        assertThat(data.resolve("client").resolve("allocs").resolve("a1.json")).exists();
    }

    private String status(String allocId) {
        Allocation a = server.lastReported.get(allocId);
        return a == null ? "" : a.clientStatus;
    }
}
