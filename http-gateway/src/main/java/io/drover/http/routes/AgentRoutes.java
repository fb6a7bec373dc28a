package io.drover.http.routes;

import io.drover.http.AgentInfo;
import io.drover.http.Cluster;
import io.drover.http.RaftStatus;
import io.drover.http.core.GatewayRequest;
import io.drover.http.core.Json;
import io.drover.http.core.Regions;
import io.drover.http.core.Reply;
import io.drover.http.query.QueryOptions;
import io.drover.state.StateReader;
import io.drover.state.StateStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What this agent says about itself and the Raft group: {@code /v1/status/*}, {@code /v1/agent/self}
 * and {@code /v1/operator/raft/configuration}. Every server knows these, so they are answered
 * locally, without the read pipeline; like Nomad's, they carry no {@code X-Nomad-*} headers.
 */
final class AgentRoutes {
    /**
     * The Raft protocol version Nomad 0.11 runs by default, under which a server's Raft ID is its
     * Raft address: Drover identifies its servers by address too (protocol 3 would mean UUIDs).
     */
    static final String RAFT_PROTOCOL = "2";
    private static final String UNKNOWN_NODE = "(unknown)";

    private final Cluster cluster;
    private final StateStore store;

    AgentRoutes(Cluster cluster, StateStore store) {
        this.cluster = cluster;
        this.store = store;
    }

    /** {@code GET /v1/status/leader}: the leader's Raft address as a JSON string, "" if none. */
    Reply leader(GatewayRequest request) {
        checkRegion(request);
        String leader = cluster.status().leaderRaftAddress();
        return json(request, leader == null ? "" : leader);
    }

    /** {@code GET /v1/status/peers}: the Raft addresses of the group's voters. */
    Reply peers(GatewayRequest request) {
        checkRegion(request);
        List<String> addresses = new ArrayList<>();
        for (RaftStatus.Peer peer : cluster.status().peers()) {
            addresses.add(peer.raftAddress());
        }
        return json(request, addresses);
    }

    /** {@code GET /v1/operator/raft/configuration}, in Nomad's RaftConfigurationResponse shape. */
    Reply raftConfiguration(GatewayRequest request) {
        checkRegion(request);
        AgentInfo agent = cluster.agent();
        List<Map<String, Object>> servers = new ArrayList<>();
        try (StateReader reader = store.reader()) {
            for (RaftStatus.Peer peer : cluster.status().peers()) {
                Map<String, Object> server = new LinkedHashMap<>();
                server.put("ID", raftId(peer));
                server.put("Node", nodeName(reader, peer.id(), agent));
                server.put("Address", peer.raftAddress());
                server.put("Leader", peer.leader());
                server.put("Voter", peer.voter());
                server.put("RaftProtocol", RAFT_PROTOCOL);
                servers.add(server);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Servers", servers);
        body.put("Index", cluster.raftStats().configurationIndex());
        return json(request, body);
    }

    /**
     * {@code GET /v1/agent/self}: Nomad's {@code config}, {@code member} and {@code stats}, filled
     * with what this agent knows (enough for clients to learn its region, datacenter and name).
     */
    Reply self(GatewayRequest request) {
        AgentInfo agent = cluster.agent();
        RaftStatus status = cluster.status();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("config", config(agent));
        body.put("member", member(agent));
        body.put("stats", stats(agent, status));
        return json(request, body);
    }

    /**
     * A server's ID as Nomad's Raft configuration shows it: with Raft protocol 2, its Raft
     * address. (The Ratis peer ID behind {@link RaftStatus.Peer#id()} spells the same address
     * in a form of its own, and stays inside.)
     */
    static String raftId(RaftStatus.Peer peer) {
        return peer.raftAddress();
    }

    private static Map<String, Object> config(AgentInfo agent) {
        Map<String, Object> config = new TreeMap<>();
        config.put("Region", text(agent.region()));
        config.put("Datacenter", text(agent.datacenter()));
        config.put("NodeName", text(agent.name()));
        config.put("DataDir", text(agent.dataDir()));
        config.put("BindAddr", text(agent.bindAddress()));
        config.put("DevMode", agent.dev());
        config.put("Addresses", Map.of("HTTP", host(agent.httpAddress()), "RPC", host(agent.rpcAddress()),
                "Serf", host(agent.serfAddress())));
        config.put("AdvertiseAddrs", Map.of("HTTP", text(agent.httpAddress()), "RPC", text(agent.rpcAddress()),
                "Serf", text(agent.serfAddress())));
        config.put("Ports", Map.of("HTTP", port(agent.httpAddress()), "RPC", port(agent.rpcAddress()),
                "Serf", port(agent.serfAddress())));
        config.put("Server", new TreeMap<>(Map.of("Enabled", true, "BootstrapExpect", agent.bootstrapExpect(),
                "DataDir", text(agent.dataDir()))));
        // No node agent runs in Drover yet (it comes with task running), dev mode or not.
        config.put("Client", Map.of("Enabled", false));
        config.put("Version", new TreeMap<>(Map.of("Version", text(agent.version()), "Revision", "",
                "VersionMetadata", "", "VersionPrerelease", "")));
        return config;
    }

    private static Map<String, Object> member(AgentInfo agent) {
        Map<String, String> tags = new TreeMap<>();
        tags.put("role", "nomad");
        tags.put("region", text(agent.region()));
        tags.put("dc", text(agent.datacenter()));
        // The server's ID in Nomad's form (its Raft address), not the Ratis peer ID.
        tags.put("id", text(agent.rpcAddress()));
        tags.put("rpc_addr", host(agent.rpcAddress()));
        tags.put("port", Integer.toString(port(agent.rpcAddress())));
        tags.put("build", text(agent.version()));
        tags.put("expect", Integer.toString(agent.bootstrapExpect()));
        tags.put("raft_vsn", RAFT_PROTOCOL);
        if (agent.bootstrapExpect() == 1) {
            tags.put("bootstrap", "1");
        }
        Map<String, Object> member = new TreeMap<>();
        member.put("Name", text(agent.name()) + "." + text(agent.region()));
        member.put("Addr", host(agent.serfAddress()));
        member.put("Port", port(agent.serfAddress()));
        member.put("Status", "alive");
        member.put("Tags", tags);
        return member;
    }

    private static Map<String, Object> stats(AgentInfo agent, RaftStatus status) {
        Map<String, String> nomad = new LinkedHashMap<>();
        nomad.put("server", "true");
        nomad.put("leader", Boolean.toString(status.leader()));
        nomad.put("leader_addr", status.leaderRaftAddress() == null ? "" : status.leaderRaftAddress());
        nomad.put("bootstrap", Boolean.toString(agent.bootstrapExpect() == 1));
        nomad.put("known_regions", "1");
        Map<String, String> raft = new LinkedHashMap<>();
        raft.put("state", status.leader() ? "Leader" : "Follower");
        raft.put("last_contact", status.leader() ? "0"
                : status.knownLeader() ? status.lastContactMillis() + "ms" : "never");
        raft.put("num_peers", Integer.toString(Math.max(0, status.peers().size() - 1)));
        raft.put("protocol_version", RAFT_PROTOCOL);
        Runtime runtime = Runtime.getRuntime();
        Map<String, String> jvm = new LinkedHashMap<>();
        jvm.put("version", "java" + System.getProperty("java.version"));
        jvm.put("cpu_count", Integer.toString(runtime.availableProcessors()));
        jvm.put("max_procs", Integer.toString(runtime.availableProcessors()));
        jvm.put("kernel.name", System.getProperty("os.name").toLowerCase(Locale.ROOT));
        jvm.put("arch", System.getProperty("os.arch"));
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("runtime", jvm);
        stats.put("nomad", nomad);
        stats.put("raft", raft);
        return stats;
    }

    /**
     * A server's node name as Nomad shows it ({@code name.region}): this agent's own, or the one
     * a server announced when it led. Nomad says "(unknown)" for a server it has no name for;
     * so does Drover for one that never led.
     */
    private static String nodeName(StateReader reader, String serverId, AgentInfo agent) {
        if (serverId.equals(text(agent.serverId()))) {
            return text(agent.name()) + "." + text(agent.region());
        }
        return reader.server(serverId).map(s -> s.name() + "." + text(agent.region())).orElse(UNKNOWN_NODE);
    }

    private void checkRegion(GatewayRequest request) {
        Regions.check(request.query("region"), cluster.agent().region());
    }

    private static Reply json(GatewayRequest request, Object body) {
        return Reply.json(200, Json.render(body, QueryOptions.pretty(request)));
    }

    /** Nomad writes absent strings as "", and Map.of takes no nulls. */
    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String host(String hostPort) {
        if (hostPort == null) {
            return "";
        }
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int port(String hostPort) {
        if (hostPort == null) {
            return 0;
        }
        int colon = hostPort.lastIndexOf(':');
        try {
            return colon < 0 ? 0 : Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
