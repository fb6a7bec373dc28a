package io.drover.bench;

import io.drover.client.sim.NodeSim;
import io.drover.client.sim.NodeSimStatus;
import io.drover.testkit.await.AgentReady;
import io.drover.testkit.await.Await;
import io.drover.testkit.http.NomadClient;
import io.drover.testkit.process.AgentLauncher;
import io.drover.testkit.process.ServerGroup;
import io.drover.testkit.process.ServerPorts;
import io.drover.testkit.process.ServerProcess;
import java.time.Duration;

/**
 * One {@code agent -dev} started in a {@link ServerGroup} on free loopback ports, and the waits a
 * benchmark makes before its first round: a leader elected, a node ready. The bench polls
 * because it measures a separate process over HTTP; the waits give up with the agent's log
 * directory in the message so a failed start can be read.
 *
 * @param server the agent's process
 * @param api its HTTP API, patient enough for the benchmarks' 30 s blocking queries
 */
record DevAgent(ServerProcess server, NomadClient api) {
    private static final Duration LEADER_LIMIT = Duration.ofSeconds(60);
    private static final Duration NODES_LIMIT = Duration.ofSeconds(120);

    /** Starts a dev agent in {@code group}, which stops it on close. */
    static DevAgent start(ServerGroup group, AgentLauncher launcher) {
        ServerProcess server = group.add(ServerProcess.dev(launcher, "dev", ServerPorts.free(), group.home()));
        server.start();
        return new DevAgent(server, new NomadClient("dev agent (log in " + group.home() + ")", server.httpAddress(),
                Duration.ofSeconds(40)));
    }

    /** Where simulated nodes register (gRPC on the serf port). */
    String grpcAddress() {
        return server.grpcAddress();
    }

    /** Waits until the agent's server has elected itself leader. */
    void awaitLeader() {
        AgentReady.leader(api, LEADER_LIMIT);
    }

    /** Waits until there is a leader and {@code GET /v1/nodes} lists the agent's own node, ready. */
    void awaitReadyNode() {
        AgentReady.nodes(api, 1, LEADER_LIMIT);
    }

    /** Waits until all {@code nodes} simulated nodes have registered and are ready. */
    static void awaitReady(NodeSim sim, int nodes) {
        Await.untilNothingMissing(nodes + " simulated nodes ready", NODES_LIMIT, () -> {
            NodeSimStatus status = sim.status();
            return status.ready() >= nodes ? null : status.line();
        });
    }
}
