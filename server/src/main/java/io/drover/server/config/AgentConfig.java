package io.drover.server.config;

import io.drover.client.agent.AllocGcPolicy;
import io.drover.server.gc.GcThresholds;
import io.drover.server.nodes.HeartbeatConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything an agent runs with, after flags, config files and defaults are merged.
 *
 * @param name this agent's node name
 * @param region the region its servers serve
 * @param datacenter its datacenter
 * @param dataDir where it keeps its state (in dev mode, a fresh temp dir unless one is named)
 * @param tempDataDir whether the agent made {@code dataDir} itself, as a fresh temp dir (dev mode
 *     without a data dir named): only then is it the agent's to remove on exit. A directory the
 *     user named may hold anything; it is kept, and the next agent reuses it
 * @param dev dev mode: one server on loopback
 * @param bindAddr the address every listener binds to
 * @param advertiseHost the address other servers and clients reach this one at
 * @param httpPort the HTTP API
 * @param rpcPort Raft (Nomad's RPC port: what /v1/status/leader reports)
 * @param serfPort the server-to-server gRPC endpoint (where Nomad has Serf)
 * @param advertiseRpcPort the Raft port other servers reach this one at (Nomad's {@code advertise.rpc}
 *     port; the bound port unless something such as a proxy stands between)
 * @param advertiseSerfPort the gRPC port other servers and nodes reach this one at
 * @param bootstrapExpect how many servers form the cluster
 * @param retryJoin the Raft addresses of the other servers
 * @param electionTimeoutMin lower bound of the randomized Raft election timeout
 * @param electionTimeoutMax upper bound of the randomized Raft election timeout
 * @param snapshotThreshold log entries between snapshots
 * @param rpcHoldTimeout how long a request waits for a leader before failing
 * @param maxRequestBodyBytes larger request bodies are refused with 413
 * @param logLevel the root log level
 * @param numSchedulers scheduler workers on the leader (Nomad's num_schedulers)
 * @param heartbeats how nodes' heartbeat TTLs are set and when a silent node is down
 * @param devNode in dev mode, whether the agent also runs its (simulated) node
 * @param clientGc when the node agent (in dev mode) removes finished allocations
 * @param serverGc when the leader collects terminal evaluations, allocations, jobs and nodes
 * @param limits the {@code limits} block: connections per client and timeouts
 * @param jobMaxCount {@code server.job_max_count}: the most instances (a job's groups' counts summed)
 *     a job may ask for; 0 for no limit
 */
public record AgentConfig(String name, String region, String datacenter, Path dataDir, boolean tempDataDir,
        boolean dev, String bindAddr,
        String advertiseHost, int httpPort, int rpcPort, int serfPort, int advertiseRpcPort, int advertiseSerfPort,
        int bootstrapExpect, List<String> retryJoin,
        Duration electionTimeoutMin, Duration electionTimeoutMax, long snapshotThreshold, Duration rpcHoldTimeout,
        int maxRequestBodyBytes, String logLevel, int numSchedulers, HeartbeatConfig heartbeats,
        boolean devNode, AllocGcPolicy clientGc, GcThresholds serverGc, Limits limits, int jobMaxCount) {
    public AgentConfig {
        Objects.requireNonNull(limits, "limits");
        if (jobMaxCount < 0) {
            // Nomad's words.
            throw new ConfigException("job_max_count (" + jobMaxCount + ") cannot be negative");
        }
        Objects.requireNonNull(serverGc, "serverGc");
        Objects.requireNonNull(clientGc, "clientGc");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataDir, "dataDir");
        retryJoin = List.copyOf(retryJoin);
    }

    public String raftAddress() {
        return advertiseHost + ":" + advertiseRpcPort;
    }

    public String grpcAddress() {
        return advertiseHost + ":" + advertiseSerfPort;
    }

    public String httpAddress() {
        return advertiseHost + ":" + httpPort;
    }

    /** The Raft addresses of every server, this one first. */
    public List<String> peers() {
        return peers(raftAddress(), retryJoin);
    }

    static List<String> peers(String raftAddress, List<String> retryJoin) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        all.add(raftAddress);
        all.addAll(retryJoin);
        return List.copyOf(all);
    }
}
