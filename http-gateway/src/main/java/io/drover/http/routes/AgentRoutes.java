package io.drover.http.routes;

import io.drover.http.AgentInfo;
import io.drover.http.Cluster;
import io.drover.http.NodeAgentStats;
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
import java.util.Map;
import java.util.Optional;
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
    /** The Serf and memberlist protocol versions of Nomad 0.11.3's servers, as its members report them. */
    private static final int DELEGATE_MIN = 2;
    private static final int DELEGATE_MAX = 5;
    private static final int DELEGATE_CUR = 4;
    private static final int PROTOCOL_MIN = 1;
    private static final int PROTOCOL_MAX = 5;
    private static final int PROTOCOL_CUR = 2;
    /** Nomad's API version (structs.ApiMajorVersion and ApiMinorVersion), in the vsn and mvn tags. */
    private static final String API_MAJOR_VERSION = "1";
    private static final String API_MINOR_VERSION = "1";

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
        Optional<NodeAgentStats> node = cluster.nodeAgent();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("config", config(agent, node.isPresent()));
        body.put("member", member(agent));
        body.put("stats", AgentStats.of(agent, cluster.status(), cluster.raftStats(), node));
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

    private static Map<String, Object> config(AgentInfo agent, boolean runsNode) {
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
        // A dev agent runs its own node in its process; other servers run none.
        config.put("Client", Map.of("Enabled", runsNode));
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
        tags.put("vsn", API_MAJOR_VERSION);
        tags.put("mvn", API_MINOR_VERSION);
        if (agent.bootstrapExpect() == 1) {
            tags.put("bootstrap", "1");
        }
        Map<String, Object> member = new TreeMap<>();
        member.put("Name", text(agent.name()) + "." + text(agent.region()));
        member.put("Addr", host(agent.serfAddress()));
        member.put("Port", port(agent.serfAddress()));
        member.put("Status", "alive");
        member.put("DelegateMin", DELEGATE_MIN);
        member.put("DelegateMax", DELEGATE_MAX);
        member.put("DelegateCur", DELEGATE_CUR);
        member.put("ProtocolMin", PROTOCOL_MIN);
        member.put("ProtocolMax", PROTOCOL_MAX);
        member.put("ProtocolCur", PROTOCOL_CUR);
        member.put("Tags", tags);
        return member;
    }

    /**
     * A server's node name as Nomad shows it ({@code name.region}): this agent's own, or the one
     * a server announced (every server announces itself through the leader). Nomad says
     * "(unknown)" for a server it has no name for; so does Drover for one not announced yet.
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
