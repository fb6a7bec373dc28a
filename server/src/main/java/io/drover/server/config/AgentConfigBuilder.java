package io.drover.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drover.client.agent.AllocGcPolicy;
import io.drover.server.gc.GcThresholds;
import io.drover.server.nodes.HeartbeatConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges configuration the way Nomad does: defaults, then config files in order, then flags.
 * Config files use Nomad's agent-config keys in JSON ({@code data_dir}, {@code bind_addr},
 * {@code ports.http}, {@code server.bootstrap_expect}, {@code server.server_join.retry_join},
 * {@code client.gc_max_allocs}…).
 */
public final class AgentConfigBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();

    String name;
    String region = "global";
    String datacenter = "dc1";
    Path dataDir;
    boolean dev;
    String bindAddr;
    String advertiseHost;
    Integer advertiseRpcPort;
    Integer advertiseSerfPort;
    Integer httpPort;
    Integer rpcPort;
    Integer serfPort;
    Integer bootstrapExpect;
    final List<String> retryJoin = new ArrayList<>();
    Duration electionTimeoutMin = Duration.ofMillis(150);
    Duration electionTimeoutMax = Duration.ofMillis(300);
    long snapshotThreshold = 8192;
    Duration rpcHoldTimeout = Duration.ofSeconds(5);
    int numSchedulers = Runtime.getRuntime().availableProcessors();
    HeartbeatConfig heartbeats = HeartbeatConfig.defaults();
    GcThresholds serverGc = GcThresholds.defaults();
    boolean devNode = true;
    AllocGcPolicy clientGc = AllocGcPolicy.DEFAULT;
    int maxRequestBodyBytes = 4 << 20;
    String logLevel = "INFO";
    Limits limits = Limits.DEFAULTS;
    int jobMaxCount = io.drover.http.HttpGatewayConfig.DEFAULT_JOB_MAX_COUNT;

    public AgentConfigBuilder dev(boolean v) {
        dev = v;
        return this;
    }

    public AgentConfigBuilder name(String v) {
        name = v;
        return this;
    }

    public AgentConfigBuilder region(String v) {
        region = v;
        return this;
    }

    public AgentConfigBuilder datacenter(String v) {
        datacenter = v;
        return this;
    }

    public AgentConfigBuilder dataDir(Path v) {
        dataDir = v;
        return this;
    }

    public AgentConfigBuilder bindAddr(String v) {
        bindAddr = v;
        return this;
    }

    public AgentConfigBuilder advertiseHost(String v) {
        advertiseHost = v;
        return this;
    }

    public AgentConfigBuilder httpPort(int v) {
        httpPort = v;
        return this;
    }

    public AgentConfigBuilder rpcPort(int v) {
        rpcPort = v;
        return this;
    }

    public AgentConfigBuilder serfPort(int v) {
        serfPort = v;
        return this;
    }

    public AgentConfigBuilder bootstrapExpect(int v) {
        bootstrapExpect = v;
        return this;
    }

    public AgentConfigBuilder retryJoin(List<String> v) {
        retryJoin.addAll(v);
        return this;
    }

    public AgentConfigBuilder electionTimeout(Duration min, Duration max) {
        electionTimeoutMin = min;
        electionTimeoutMax = max;
        return this;
    }

    public AgentConfigBuilder snapshotThreshold(long v) {
        snapshotThreshold = v;
        return this;
    }

    public AgentConfigBuilder numSchedulers(int v) {
        numSchedulers = v;
        return this;
    }

    /** In dev mode, whether to run the agent's own simulated node (on by default, as Nomad's -dev). */
    public AgentConfigBuilder devNode(boolean v) {
        devNode = v;
        return this;
    }

    public AgentConfigBuilder heartbeats(HeartbeatConfig v) {
        heartbeats = v;
        return this;
    }

    /** A Go duration ("10s", "1m30s") under {@code key}, as Nomad's config files write them. */
    private static java.util.Optional<Duration> duration(JsonNode parent, String key) {
        return text(parent, key).map(v -> {
            try {
                return Duration.ofNanos(io.drover.model.json.GoDuration.parseNanos(v));
            } catch (RuntimeException e) {
                throw new ConfigException("invalid duration for " + key + ": \"" + v + "\"");
            }
        });
    }

    public AgentConfigBuilder rpcHoldTimeout(Duration v) {
        rpcHoldTimeout = v;
        return this;
    }

    public AgentConfigBuilder logLevel(String v) {
        logLevel = v;
        return this;
    }

    /** The {@code limits} block: connections per client and timeouts. */
    public AgentConfigBuilder limits(Limits v) {
        limits = v;
        return this;
    }

    /** {@code server.job_max_count}: the most instances a job may ask for; 0 for no limit. */
    public AgentConfigBuilder jobMaxCount(int v) {
        jobMaxCount = v;
        return this;
    }

    /** Applies one JSON config file (Nomad's agent-config keys). */
    public AgentConfigBuilder file(Path path) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + path + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException("config file " + path + " must hold a JSON object");
        }
        text(root, "name").ifPresent(v -> name = v);
        text(root, "region").ifPresent(v -> region = v);
        text(root, "datacenter").ifPresent(v -> datacenter = v);
        text(root, "data_dir").ifPresent(v -> dataDir = Path.of(v));
        text(root, "bind_addr").ifPresent(v -> bindAddr = v);
        text(root, "log_level").ifPresent(v -> logLevel = v);
        JsonNode advertise = root.path("advertise");
        text(advertise, "rpc").ifPresent(v -> {
            advertiseHost = hostOf(v);
            advertiseRpcPort = portOf(v, "advertise.rpc");
        });
        text(advertise, "serf").ifPresent(v -> advertiseSerfPort = portOf(v, "advertise.serf"));
        JsonNode ports = root.path("ports");
        integer(ports, "http").ifPresent(v -> httpPort = v);
        integer(ports, "rpc").ifPresent(v -> rpcPort = v);
        integer(ports, "serf").ifPresent(v -> serfPort = v);
        JsonNode server = root.path("server");
        integer(server, "bootstrap_expect").ifPresent(v -> bootstrapExpect = v);
        integer(server, "raft_snapshot_threshold").ifPresent(v -> snapshotThreshold = v);
        integer(server, "num_schedulers").ifPresent(v -> numSchedulers = v);
        integer(server, "job_max_count").ifPresent(v -> jobMaxCount = v);
        limits = LimitsBlock.read(root.path("limits"), limits);
        HeartbeatConfig h = heartbeats;
        Duration minTtl = duration(server, "min_heartbeat_ttl").orElse(h.minHeartbeatTtl());
        double perSecond = server.path("max_heartbeats_per_second").isNumber()
                ? server.path("max_heartbeats_per_second").asDouble() : h.maxHeartbeatsPerSecond();
        Duration grace = duration(server, "heartbeat_grace").orElse(h.heartbeatGrace());
        Duration failover = duration(server, "failover_heartbeat_ttl").orElse(h.failoverHeartbeatTtl());
        heartbeats = new HeartbeatConfig(minTtl, perSecond, grace, failover);
        GcThresholds g = serverGc;
        serverGc = new GcThresholds(duration(server, "job_gc_interval").orElse(g.interval()),
                duration(server, "eval_gc_threshold").orElse(g.evalThreshold()),
                duration(server, "job_gc_threshold").orElse(g.jobThreshold()),
                duration(server, "node_gc_threshold").orElse(g.nodeThreshold()));
        JsonNode client = root.path("client");
        int maxAllocs = integer(client, "gc_max_allocs").orElse(clientGc.maxAllocs());
        double diskThreshold = client.path("gc_disk_usage_threshold").isNumber()
                ? client.path("gc_disk_usage_threshold").asDouble() : clientGc.diskUsageThreshold();
        Duration gcInterval = duration(client, "gc_interval").orElse(clientGc.interval());
        try {
            clientGc = new AllocGcPolicy(maxAllocs, diskThreshold, gcInterval);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config file " + path + ": " + e.getMessage());
        }
        JsonNode joins = server.path("server_join").path("retry_join");
        if (joins.isMissingNode()) {
            joins = server.path("retry_join");
        }
        for (JsonNode j : joins) {
            retryJoin.add(j.asText());
        }
        return this;
    }

    /** The server's garbage collection: {@code server.job_gc_interval} and {@code server.*_gc_threshold}. */
    public AgentConfigBuilder serverGc(GcThresholds v) {
        serverGc = v;
        return this;
    }

    /** The client's garbage collection as the config files set it ({@code client.gc_*}). */
    public AllocGcPolicy clientGc() {
        return clientGc;
    }

    public AgentConfig build() {
        if (dev) {
            bindAddr = bindAddr == null ? "127.0.0.1" : bindAddr;
            bootstrapExpect = bootstrapExpect == null ? 1 : bootstrapExpect;
        }
        String bind = bindAddr == null ? "0.0.0.0" : bindAddr;
        String advertise = advertiseHost != null ? advertiseHost : advertisable(bind);
        int http = httpPort == null ? 4646 : httpPort;
        int rpc = rpcPort == null ? 4647 : rpcPort;
        int serf = serfPort == null ? 4648 : serfPort;
        int expect = bootstrapExpect == null ? 1 : bootstrapExpect;
        String nodeName = name != null ? name : hostName();
        List<String> joins = normalize(retryJoin, rpc);
        List<String> peers = AgentConfig.peers(advertise + ":" + (advertiseRpcPort != null ? advertiseRpcPort : rpc),
                joins);
        if (peers.size() != expect) {
            throw new ConfigException("bootstrap_expect is " + expect + " but " + peers.size()
                    + " server(s) are known (" + String.join(", ", peers) + "): list every other server's "
                    + "Raft address with -retry-join");
        }
        if (http == rpc || http == serf || rpc == serf) {
            throw new ConfigException("the http, rpc and serf ports must differ (" + http + ", " + rpc + ", " + serf + ")");
        }
        // Made last, once nothing else can be refused, so a refused config leaves no temp dir behind.
        boolean tempDataDir = dataDir == null;
        Path dir = tempDataDir ? tempDataDir() : dataDir;
        return new AgentConfig(nodeName, region, datacenter, dir, tempDataDir, dev, bind, advertise, http, rpc,
                serf, advertiseRpcPort != null ? advertiseRpcPort : rpc,
                advertiseSerfPort != null ? advertiseSerfPort : serf,
                expect, joins, electionTimeoutMin, electionTimeoutMax, snapshotThreshold,
                rpcHoldTimeout, maxRequestBodyBytes, logLevel, Math.max(0, numSchedulers), heartbeats, devNode,
                clientGc, serverGc, limits, jobMaxCount);
    }

    /**
     * A dev agent given no data dir makes a fresh one in the system's temp dir, which it alone owns
     * (and removes on exit); any other agent must be told where its state lives.
     */
    private Path tempDataDir() {
        if (!dev) {
            throw new ConfigException("a data directory is required: set -data-dir or data_dir (or run -dev)");
        }
        try {
            return Files.createTempDirectory("drover-dev-");
        } catch (IOException e) {
            throw new ConfigException("cannot create a temporary data directory: " + e.getMessage());
        }
    }

    private static String hostOf(String address) {
        int colon = address.lastIndexOf(':');
        return colon < 0 ? address : address.substring(0, colon);
    }

    /** The port of "host:port", or null for a bare host (which keeps the bound port). */
    private static Integer portOf(String address, String key) {
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            return null;
        }
        try {
            int port = Integer.parseInt(address.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " has no valid port: " + address);
        }
    }

    /** "host" means host at the default RPC port, as Nomad's retry_join does. */
    private static List<String> normalize(List<String> joins, int defaultPort) {
        List<String> out = new ArrayList<>();
        for (String j : joins) {
            String t = j.trim();
            if (!t.isEmpty()) {
                out.add(t.contains(":") ? t : t + ":" + defaultPort);
            }
        }
        return out;
    }

    private static String advertisable(String bind) {
        if (!"0.0.0.0".equals(bind)) {
            return bind;
        }
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "drover";
        }
    }

    static java.util.Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isValueNode() ? java.util.Optional.of(v.asText()) : java.util.Optional.empty();
    }

    static java.util.Optional<Integer> integer(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return java.util.Optional.empty();
        }
        if (!v.canConvertToInt() && !v.isTextual()) {
            throw new ConfigException("config key " + field + " must be a number");
        }
        try {
            return java.util.Optional.of(v.isTextual() ? Integer.parseInt(v.asText()) : v.asInt());
        } catch (NumberFormatException e) {
            throw new ConfigException("config key " + field + " must be a number, not \"" + v.asText() + "\"");
        }
    }
}
