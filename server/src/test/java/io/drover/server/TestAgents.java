package io.drover.server;

import io.drover.server.config.AgentConfig;
import io.drover.server.config.AgentConfigBuilder;
import io.drover.testkit.await.AgentReady;
import io.drover.testkit.await.Await;
import io.drover.testkit.http.NomadClient;
import io.drover.testkit.net.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Agents for tests: real Raft, RocksDB and sockets on free loopback ports, and clients of their API. */
final class TestAgents {
    private TestAgents() {
    }

    /** A dev agent (one server) with its data under {@code dir}. */
    static Agent dev(Path dir) {
        return Agent.start(devConfig(dir).build());
    }

    /**
     * A dev agent without its own node (tests bring the nodes they need), with further options
     * (scheduling, heartbeats) set by {@code options}.
     */
    static Agent dev(Path dir, UnaryOperator<AgentConfigBuilder> options) {
        return Agent.start(options.apply(devConfig(dir).devNode(false)).build());
    }

    /**
     * A dev agent without its node whose leader schedules nothing (no workers): evaluations stay pending, so tests
     * of the job store see exactly the writes they make.
     */
    static Agent devWithoutScheduling(Path dir) {
        return Agent.start(devConfig(dir).numSchedulers(0).devNode(false).build());
    }

    static AgentConfigBuilder devConfig(Path dir) {
        int[] ports = freePorts(3);
        return new AgentConfigBuilder().dev(true).name("test-dev").dataDir(dir)
                .httpPort(ports[0]).rpcPort(ports[1]).serfPort(ports[2]);
    }

    /** Configs for a cluster of {@code size} servers on loopback, scheduling nothing (no workers). */
    static List<AgentConfig> cluster(Path dir, int size, Duration hold) {
        int[] ports = freePorts(3 * size);
        List<String> raft = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            raft.add("127.0.0.1:" + ports[3 * i + 1]);
        }
        List<AgentConfig> configs = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            configs.add(new AgentConfigBuilder().name("server" + i).dataDir(dir.resolve("server" + i))
                    .bindAddr("127.0.0.1").httpPort(ports[3 * i]).rpcPort(ports[3 * i + 1])
                    .serfPort(ports[3 * i + 2]).bootstrapExpect(size).retryJoin(raft).rpcHoldTimeout(hold)
                    .snapshotThreshold(64).numSchedulers(0).build());
        }
        return configs;
    }

    static int[] freePorts(int n) {
        return FreePorts.take(n);
    }

    /** Waits until {@code agent} leads and its API says so ({@code X-Nomad-KnownLeader}), as a dev agent soon does. */
    static void awaitLeading(Agent agent, NomadClient http, Duration bound) {
        Await.until("the dev agent leads", bound, Duration.ofMillis(20),
                () -> agent.isLeader() && "true".equals(http.get("/v1/jobs").knownLeader()));
    }

    /** A client of the dev agent's API, once the agent's own node is registered and ready. */
    static NomadClient httpOnceNodeReady(Agent agent, Duration bound) {
        NomadClient http = http(agent.httpPort());
        AgentReady.nodes(http, 1, bound);
        return http;
    }

    /** A client of the API on {@code port}; patient, since requests include 30 s blocking queries. */
    static NomadClient http(int port) {
        return NomadClient.local(port).withTimeout(Duration.ofSeconds(60));
    }
}
