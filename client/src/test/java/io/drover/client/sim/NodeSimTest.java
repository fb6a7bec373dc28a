package io.drover.client.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.client.FakeNodeServer;
import io.drover.client.TestAllocs;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.TaskEvent;
import io.drover.model.node.Node;
import io.drover.proto.raft.WriteResult;
import io.drover.testkit.net.FreePorts;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** nodesim against a fake NodeRpc server on loopback: what the servers would see. */
class NodeSimTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private FakeNodeServer server() {
        FakeNodeServer s = new FakeNodeServer();
        toClose.add(s);
        return s;
    }

    private NodeSim sim(int nodes, String... servers) {
        NodeSim sim = new NodeSim(NodeSimConfig.of(nodes, List.of(servers)).withWatchWait(Duration.ofSeconds(2))
                .withDatacenters(List.of("dc1", "dc2")));
        toClose.add(sim);
        sim.start();
        return sim;
    }

    private static void awaitReady(FakeNodeServer server, NodeSim sim) {
        await().atMost(PATIENCE).until(() -> sim.nodeIds().stream().allMatch(id -> server.heartbeats.containsKey(id))
                && sim.status().ready() == sim.nodeIds().size());
    }

    @Test
    void nodesRegisterThenTurnReady() {
        FakeNodeServer server = server();
        NodeSim sim = sim(4, server.address());
        awaitReady(server, sim);

        assertThat(server.nodes).containsOnlyKeys(sim.nodeIds());
        Node registered = server.nodes.get(sim.nodeIds().get(1));
        assertThat(registered.name).isEqualTo("sim-1");
        assertThat(registered.datacenter).isEqualTo("dc2");
        assertThat(registered.secretId).isNotEmpty();
        assertThat(registered.drivers).containsKeys("mock_driver", "raw_exec", "exec");
        for (String id : sim.nodeIds()) {
            assertThat(server.heartbeats.get(id).get(0)).isEqualTo(Node.STATUS_READY);
            assertThat(server.nodes.get(id).status).isEqualTo(Node.STATUS_READY);
        }
        NodeSimStatus status = sim.status();
        assertThat(status.nodes()).isEqualTo(4);
        assertThat(status.registered()).isEqualTo(4);
        assertThat(status.ready()).isEqualTo(4);
    }

    @Test
    void heartbeatsContinueWithinTheTtlTheServersGrant() {
        FakeNodeServer server = server();
        server.ttlNanos = Duration.ofMillis(200).toNanos();
        NodeSim sim = sim(3, server.address());

        // A 200 ms TTL means a beat every 100-200 ms: several per node while the default would give none.
        await().atMost(PATIENCE).until(() -> sim.nodeIds().stream()
                .allMatch(id -> server.heartbeats.getOrDefault(id, List.of()).size() >= 5));
        assertThat(server.registrations.values()).containsOnly(1);
    }

    @Test
    void nodeTheServersLostRegistersAgain() {
        FakeNodeServer server = server();
        server.ttlNanos = Duration.ofMillis(200).toNanos();
        NodeSim sim = sim(2, server.address());
        awaitReady(server, sim);

        String lost = sim.nodeIds().get(0);
        server.forget(lost);
        await().atMost(PATIENCE).until(() -> server.registrations.get(lost) == 2 && server.nodes.containsKey(lost));
        assertThat(server.registrations.get(sim.nodeIds().get(1))).isEqualTo(1);
    }

    @Test
    void allocationIsReportedRunningThenCompleteAfterRunFor() {
        FakeNodeServer server = server();
        NodeSim sim = sim(2, server.address());
        awaitReady(server, sim);

        server.place(TestAllocs.mock("a1", sim.nodeIds().get(1), Map.of("run_for", "500ms")));

        await().atMost(PATIENCE).until(() -> server.statuses("a1").contains(Allocation.CLIENT_COMPLETE));
        assertThat(server.statuses("a1")).containsSubsequence(Allocation.CLIENT_RUNNING, Allocation.CLIENT_COMPLETE);
        Allocation last = server.lastReported.get("a1");
        assertThat(last.nodeId).isEqualTo(sim.nodeIds().get(1));
        assertThat(last.taskStates.get("t").events).extracting(e -> e.type).containsExactly(TaskEvent.RECEIVED,
                TaskEvent.SETUP, TaskEvent.STARTED, TaskEvent.TERMINATED);
        assertThat(sim.runningAllocs()).isEmpty();
        assertThat(sim.status().complete()).isEqualTo(1);
    }

    @Test
    void exitCodeOneIsReportedFailed() {
        FakeNodeServer server = server();
        NodeSim sim = sim(1, server.address());
        awaitReady(server, sim);

        server.place(TestAllocs.mock("a1", sim.nodeIds().get(0), Map.of("run_for", "100ms", "exit_code", 1)));

        await().atMost(PATIENCE).until(() -> server.statuses("a1").contains(Allocation.CLIENT_FAILED));
        Allocation last = server.lastReported.get("a1");
        assertThat(last.clientDescription).isEqualTo("Failed tasks");
        assertThat(last.taskStates.get("t").failed).isTrue();
        assertThat(sim.status().failed()).isEqualTo(1);
    }

    @Test
    void desiredStopIsReportedCompleteWithTasksKilled() {
        FakeNodeServer server = server();
        NodeSim sim = sim(1, server.address());
        awaitReady(server, sim);
        server.place(TestAllocs.mock("a1", sim.nodeIds().get(0), Map.of("run_for", "1h")));
        await().atMost(PATIENCE).until(() -> server.statuses("a1").contains(Allocation.CLIENT_RUNNING));
        assertThat(sim.runningAllocs()).containsExactly("a1");

        server.stop("a1");

        await().atMost(PATIENCE).until(() -> server.statuses("a1").contains(Allocation.CLIENT_COMPLETE));
        Allocation last = server.lastReported.get("a1");
        assertThat(last.taskStates.get("t").state).isEqualTo("dead");
        assertThat(last.taskStates.get("t").events).extracting(e -> e.type).endsWith(TaskEvent.KILLED);
    }

    @Test
    void testsCanFailOrCompleteAnAllocationOnDemand() {
        FakeNodeServer server = server();
        NodeSim sim = sim(1, server.address());
        awaitReady(server, sim);
        String node = sim.nodeIds().get(0);
        server.place(TestAllocs.of("a1", node, "raw_exec", Map.of()), TestAllocs.of("a2", node, "exec", Map.of()));
        await().atMost(PATIENCE).until(() -> sim.runningAllocs().size() == 2);

        assertThat(sim.failAlloc("a1")).isTrue();
        assertThat(sim.completeAlloc("a2")).isTrue();
        assertThat(sim.failAlloc("a1")).isFalse();
        assertThat(sim.completeAlloc("unknown")).isFalse();

        await().atMost(PATIENCE).until(() -> server.statuses("a1").contains(Allocation.CLIENT_FAILED)
                && server.statuses("a2").contains(Allocation.CLIENT_COMPLETE));
    }

    @Test
    void updatesOfSeveralNodesGoInOneCall() {
        FakeNodeServer server = server();
        NodeSim sim = sim(5, server.address());
        awaitReady(server, sim);

        List<Allocation> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(TestAllocs.mock("a" + i, sim.nodeIds().get(i), Map.of("run_for", "1h")));
        }
        server.place(placed.toArray(Allocation[]::new));

        await().atMost(PATIENCE).until(() -> sim.status().running() == 5
                && placed.stream().allMatch(a -> server.statuses(a.id).contains(Allocation.CLIENT_RUNNING)));
        // The five arrive in one watch answer and start together, so one tick sends them all.
        assertThat(server.updateCalls).hasSize(1);
        assertThat(server.updateCalls.get(0)).extracting(a -> a.nodeId).containsExactlyInAnyOrderElementsOf(sim.nodeIds());
    }

    @Test
    void firstServerDownMeansTheSecondIsUsed() throws IOException {
        FakeNodeServer server = server();
        NodeSim sim = sim(3, "127.0.0.1:" + closedPort(), server.address());
        awaitReady(server, sim);

        server.place(TestAllocs.mock("a1", sim.nodeIds().get(0), Map.of("run_for", "10ms")));
        await().atMost(PATIENCE).until(() -> server.statuses("a1").contains(Allocation.CLIENT_COMPLETE));
    }

    @Test
    void serverThatIsNotLeaderPassesWritesOnToTheNext() {
        FakeNodeServer follower = server();
        follower.writeAnswer = WriteResult.Code.NOT_LEADER;
        FakeNodeServer leader = server();
        NodeSim sim = sim(3, follower.address(), leader.address());

        awaitReady(leader, sim);
        assertThat(follower.nodes).isEmpty();
    }

    /** A port no one listens on: below the ephemeral range, so no outgoing connection takes it meanwhile. */
    private static int closedPort() {
        return FreePorts.take();
    }
}
