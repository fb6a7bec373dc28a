package io.drover.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.client.sim.NodeSim;
import io.drover.client.sim.NodeSimStatus;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code agent -dev} started through {@link ServerProcesses} on free loopback ports, and the
 * waits a benchmark makes before its first round: a leader elected, a node ready. The bench
 * polls because it measures a separate process over HTTP; the waits give up with the log
 * directory in the message so a failed start can be read.
 *
 * @param server the agent's process
 * @param httpAddress host:port of its HTTP API
 * @param grpcAddress host:port nodes register on (simulated nodes connect here)
 * @param logDir where the agent's log is, named in a wait's failure
 */
record DevAgent(ServerProcesses.Server server, String httpAddress, String grpcAddress, Path logDir) {
    private static final long LEADER_LIMIT_NANOS = Duration.ofSeconds(60).toNanos();
    private static final long NODES_LIMIT_NANOS = Duration.ofSeconds(120).toNanos();

    /** Starts a dev agent and adds it to {@code procs}, which stops it on close. */
    static DevAgent start(ServerProcesses procs) {
        int http = ServerProcesses.freePort();
        int grpc = ServerProcesses.freePort();
        ServerProcesses.Server server = procs.start("dev", http, List.of("agent", "-dev", "-http-port", "" + http,
                "-rpc-port", "" + ServerProcesses.freePort(), "-serf-port", "" + grpc));
        procs.servers.add(server);
        return new DevAgent(server, "127.0.0.1:" + http, "127.0.0.1:" + grpc, procs.dir);
    }

    /** Waits until the agent's server has elected itself leader. */
    void awaitLeader(Api api) throws InterruptedException {
        long started = System.nanoTime();
        while (api.leader(httpAddress).isEmpty()) {
            if (System.nanoTime() - started > LEADER_LIMIT_NANOS) {
                throw new IllegalStateException("no leader after 60 s; see " + logDir);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** Waits until there is a leader and {@code GET /v1/nodes} lists a ready node (the agent's own). */
    void awaitReadyNode(Api api) throws IOException, InterruptedException {
        long started = System.nanoTime();
        while (!hasReadyNode(api)) {
            if (System.nanoTime() - started > LEADER_LIMIT_NANOS) {
                throw new IllegalStateException("no ready node after 60 s; see " + logDir);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private boolean hasReadyNode(Api api) throws IOException, InterruptedException {
        if (api.leader(httpAddress).isEmpty()) {
            return false;
        }
        HttpResponse<String> r = api.get(httpAddress, "/v1/nodes", Duration.ofSeconds(5));
        if (r.statusCode() != 200) {
            return false;
        }
        for (JsonNode n : Api.JSON.readTree(r.body())) {
            if ("ready".equals(n.path("Status").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Waits until all {@code nodes} simulated nodes have registered and are ready. */
    static void awaitReady(NodeSim sim, int nodes) throws InterruptedException {
        long started = System.nanoTime();
        NodeSimStatus status = sim.status();
        while (status.ready() < nodes) {
            if (System.nanoTime() - started > NODES_LIMIT_NANOS) {
                throw new IllegalStateException("nodes not ready after 120 s: " + status.line());
            }
            TimeUnit.MILLISECONDS.sleep(50);
            status = sim.status();
        }
    }
}
