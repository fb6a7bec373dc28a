package io.drover.client.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a node agent runs with.
 *
 * @param servers the servers' gRPC addresses ({@code host:port})
 * @param dataDir where it keeps its identity ({@code client/}) and allocations ({@code alloc/})
 * @param name the node's name (Nomad: the host name)
 * @param datacenter the node's datacenter
 * @param region the region, for {@code NOMAD_REGION}
 * @param nodeClass the node class, "" for none
 * @param meta the node's meta
 * @param ip the node's address, as its network and {@code unique.network.ip-address}
 * @param httpAddr the node's HTTP address, as it registers it
 * @param updateInterval how often changed allocations are sent to the servers
 * @param watchWait how long one allocation watch may park on a server
 * @param gc when finished allocations are removed from the node
 */
public record NodeAgentConfig(List<String> servers, Path dataDir, String name, String datacenter, String region,
        String nodeClass, Map<String, String> meta, String ip, String httpAddr, Duration updateInterval,
        Duration watchWait, AllocGcPolicy gc) {
    /** Nomad's client sends allocation updates every 200 ms. */
    public static final Duration DEFAULT_UPDATE_INTERVAL = Duration.ofMillis(200);
    public static final Duration DEFAULT_WATCH_WAIT = Duration.ofMinutes(1);

    public NodeAgentConfig {
        servers = List.copyOf(servers);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("a node agent needs at least one server address");
        }
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datacenter, "datacenter");
        Objects.requireNonNull(region, "region");
        nodeClass = nodeClass == null ? "" : nodeClass;
        meta = meta == null ? Map.of() : Map.copyOf(meta);
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(httpAddr, "httpAddr");
        Objects.requireNonNull(updateInterval, "updateInterval");
        Objects.requireNonNull(watchWait, "watchWait");
        Objects.requireNonNull(gc, "gc");
    }

    /** With Nomad's default garbage collection. */
    public NodeAgentConfig(List<String> servers, Path dataDir, String name, String datacenter, String region,
            String nodeClass, Map<String, String> meta, String ip, String httpAddr, Duration updateInterval,
            Duration watchWait) {
        this(servers, dataDir, name, datacenter, region, nodeClass, meta, ip, httpAddr, updateInterval, watchWait,
                AllocGcPolicy.DEFAULT);
    }

    /** Defaults for everything but where the servers are and where data goes. */
    public static NodeAgentConfig of(List<String> servers, Path dataDir, String name, String datacenter, String ip) {
        return new NodeAgentConfig(servers, dataDir, name, datacenter, "global", "", Map.of(), ip, ip + ":4646",
                DEFAULT_UPDATE_INTERVAL, DEFAULT_WATCH_WAIT);
    }

    public NodeAgentConfig withHttpAddr(String addr) {
        return new NodeAgentConfig(servers, dataDir, name, datacenter, region, nodeClass, meta, ip, addr,
                updateInterval, watchWait, gc);
    }

    public NodeAgentConfig withRegion(String r) {
        return new NodeAgentConfig(servers, dataDir, name, datacenter, r, nodeClass, meta, ip, httpAddr,
                updateInterval, watchWait, gc);
    }

    public NodeAgentConfig withGc(AllocGcPolicy policy) {
        return new NodeAgentConfig(servers, dataDir, name, datacenter, region, nodeClass, meta, ip, httpAddr,
                updateInterval, watchWait, policy);
    }
}
