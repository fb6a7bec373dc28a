package io.drover.http.routes;

import io.drover.http.AgentInfo;
import io.drover.http.NodeAgentStats;
import io.drover.http.RaftStats;
import io.drover.http.RaftStatus;
import io.drover.model.json.GoFmt;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code stats} block of {@code /v1/agent/self}: the sections Nomad 0.11.3's server reports
 * ({@code nomad}, {@code raft}, {@code serf}, {@code runtime}, {@code vault}), and {@code client}
 * where the agent runs a node, each with Nomad's keys, every value a string, as
 * {@code nomad agent-info} prints them. Drover has neither Serf nor a Vault client: their
 * sections hold what Nomad reports for a gossip layer at rest whose members are the Raft group,
 * and for Vault disabled, so a tool that reads the keys finds them.
 */
final class AgentStats {
    /** hashicorp/raft's protocol and snapshot version range, which Nomad 0.11 reports with its own. */
    private static final String RAFT_PROTOCOL_MIN = "0";
    private static final String RAFT_PROTOCOL_MAX = "3";
    private static final String SNAPSHOT_VERSION_MIN = "0";
    private static final String SNAPSHOT_VERSION_MAX = "1";

    private AgentStats() {
    }

    static Map<String, Map<String, String>> of(AgentInfo agent, RaftStatus status, RaftStats raft,
            Optional<NodeAgentStats> node) {
        Map<String, Map<String, String>> stats = new TreeMap<>();
        node.ifPresent(n -> stats.put("client", client(n)));
        stats.put("nomad", nomad(agent, status));
        stats.put("raft", raft(agent, status, raft));
        stats.put("runtime", runtime());
        stats.put("serf", serf(status));
        stats.put("vault", vault());
        return stats;
    }

    private static Map<String, String> client(NodeAgentStats n) {
        Map<String, String> client = new TreeMap<>();
        client.put("node_id", n.nodeId());
        client.put("known_servers", String.join(",", n.knownServers()));
        client.put("num_allocations", Integer.toString(n.numAllocations()));
        client.put("last_heartbeat", GoFmt.duration(n.sinceLastHeartbeat().toNanos()));
        client.put("heartbeat_ttl", GoFmt.duration(n.heartbeatTtl().toNanos()));
        return client;
    }

    private static Map<String, String> nomad(AgentInfo agent, RaftStatus status) {
        Map<String, String> nomad = new TreeMap<>();
        nomad.put("server", "true");
        nomad.put("leader", Boolean.toString(status.leader()));
        nomad.put("leader_addr", status.leaderRaftAddress() == null ? "" : status.leaderRaftAddress());
        nomad.put("bootstrap", Boolean.toString(agent.bootstrapExpect() == 1));
        nomad.put("known_regions", "1");
        return nomad;
    }

    private static Map<String, String> raft(AgentInfo agent, RaftStatus status, RaftStats raft) {
        // State first: deploy/local-cluster.sh reads it with a pattern that stops at the first '}',
        // and latest_configuration holds some.
        Map<String, String> r = new LinkedHashMap<>();
        r.put("state", raft.state());
        r.put("term", Long.toString(raft.term()));
        r.put("last_log_index", Long.toString(raft.lastLogIndex()));
        r.put("last_log_term", Long.toString(raft.lastLogTerm()));
        r.put("commit_index", Long.toString(raft.commitIndex()));
        r.put("applied_index", Long.toString(raft.appliedIndex()));
        // Entries committed and not yet applied (Nomad counts the batches queued for its FSM).
        r.put("fsm_pending", Long.toString(Math.max(0, raft.commitIndex() - raft.appliedIndex())));
        r.put("last_snapshot_index", Long.toString(raft.lastSnapshotIndex()));
        r.put("last_snapshot_term", Long.toString(raft.lastSnapshotTerm()));
        r.put("protocol_version", AgentRoutes.RAFT_PROTOCOL);
        r.put("protocol_version_min", RAFT_PROTOCOL_MIN);
        r.put("protocol_version_max", RAFT_PROTOCOL_MAX);
        r.put("snapshot_version_min", SNAPSHOT_VERSION_MIN);
        r.put("snapshot_version_max", SNAPSHOT_VERSION_MAX);
        r.put("latest_configuration_index", Long.toString(raft.configurationIndex()));
        r.put("latest_configuration", configuration(status));
        r.put("num_peers", Integer.toString(numPeers(agent, status)));
        r.put("last_contact", lastContact(status, raft));
        return r;
    }

    /** Go's {@code %+v} of the configuration's servers, as hashicorp/raft prints it. */
    private static String configuration(RaftStatus status) {
        List<String> servers = new ArrayList<>();
        for (RaftStatus.Peer p : status.peers()) {
            servers.add("{Suffrage:" + (p.voter() ? "Voter" : "Nonvoter") + " ID:" + AgentRoutes.raftId(p)
                    + " Address:" + p.raftAddress() + "}");
        }
        return "[" + String.join(" ", servers) + "]";
    }

    /** The other voters, or 0 where this server is not a voter itself (hashicorp/raft's legacy count). */
    private static int numPeers(AgentInfo agent, RaftStatus status) {
        boolean hasUs = false;
        int others = 0;
        for (RaftStatus.Peer p : status.peers()) {
            if (!p.voter()) {
                continue;
            }
            if (p.raftAddress().equals(agent.rpcAddress())) {
                hasUs = true;
            } else {
                others++;
            }
        }
        return hasUs ? others : 0;
    }

    private static String lastContact(RaftStatus status, RaftStats raft) {
        if ("Leader".equals(raft.state())) {
            return "0";
        }
        if (!status.knownLeader()) {
            return "never";
        }
        return GoFmt.duration(status.lastContactMillis() * 1_000_000L);
    }

    /** Nomad's RuntimeStats, of the JVM: its live threads stand for goroutines. */
    private static Map<String, String> runtime() {
        int cpus = Runtime.getRuntime().availableProcessors();
        Map<String, String> runtime = new TreeMap<>();
        runtime.put("version", "java" + System.getProperty("java.version"));
        runtime.put("cpu_count", Integer.toString(cpus));
        runtime.put("max_procs", Integer.toString(cpus));
        runtime.put("goroutines", Integer.toString(ManagementFactory.getThreadMXBean().getThreadCount()));
        runtime.put("kernel.name", System.getProperty("os.name").toLowerCase(Locale.ROOT));
        runtime.put("arch", goArch(System.getProperty("os.arch")));
        return runtime;
    }

    /** Go's GOARCH names for the JVM's os.arch ones. */
    private static String goArch(String arch) {
        return switch (arch) {
            case "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            default -> arch;
        };
    }

    /** Serf's stats: no failed or departed members, no queued messages, Lamport clocks at their first tick. */
    private static Map<String, String> serf(RaftStatus status) {
        Map<String, String> serf = new TreeMap<>();
        serf.put("members", Integer.toString(status.peers().size()));
        serf.put("failed", "0");
        serf.put("left", "0");
        serf.put("health_score", "0");
        serf.put("member_time", "1");
        serf.put("event_time", "1");
        serf.put("query_time", "1");
        serf.put("intent_queue", "0");
        serf.put("event_queue", "0");
        serf.put("query_queue", "0");
        serf.put("encrypted", "false");
        serf.put("coordinate_resets", "0");
        return serf;
    }

    /** What Nomad's server reports with Vault disabled: nothing tracked, no token. */
    private static Map<String, String> vault() {
        Map<String, String> vault = new TreeMap<>();
        vault.put("tracked_for_revoked", "0");
        vault.put("token_ttl", "0s");
        vault.put("token_expire_time", "");
        return vault;
    }
}
