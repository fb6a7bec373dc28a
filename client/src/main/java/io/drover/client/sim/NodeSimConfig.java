package io.drover.client.sim;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@link NodeSim} simulates: how many nodes, where the servers are, and what each node
 * looks like. Nodes are identical but for their IDs, names, datacenters and classes, which
 * go round robin over {@link #datacenters} and {@link #classes}.
 *
 * @param nodes how many nodes, at least one
 * @param servers the servers' NodeRpc addresses, {@code host:port}
 * @param datacenters round robin over the nodes
 * @param seed makes node IDs, secret IDs and heartbeat jitter repeatable
 * @param cpuMhz each node's CPU
 * @param memoryMb each node's memory
 * @param diskMb each node's disk for allocations
 * @param classes node classes, round robin; empty for none
 * @param updateInterval how often allocation updates are sent, batched across nodes
 * @param watchWait how long one allocation watch may park on the server
 */
public record NodeSimConfig(int nodes, List<String> servers, List<String> datacenters, long seed,
        long cpuMhz, long memoryMb, long diskMb, List<String> classes, Duration updateInterval, Duration watchWait) {

    /** Nomad's client batches allocation updates for 200 ms; a simulator of many nodes sends them more often. */
    public static final Duration DEFAULT_UPDATE_INTERVAL = Duration.ofMillis(50);
    public static final Duration DEFAULT_WATCH_WAIT = Duration.ofMinutes(1);

    public NodeSimConfig {
        if (nodes < 1) {
            throw new IllegalArgumentException("--nodes must be at least 1, got " + nodes);
        }
        servers = List.copyOf(Objects.requireNonNull(servers, "servers"));
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("--servers needs at least one host:port");
        }
        for (String s : servers) {
            checkAddress(s);
        }
        datacenters = List.copyOf(Objects.requireNonNull(datacenters, "datacenters"));
        if (datacenters.isEmpty() || datacenters.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("--datacenters needs non-empty names");
        }
        classes = List.copyOf(Objects.requireNonNull(classes, "classes"));
        if (cpuMhz < 1 || memoryMb < 1 || diskMb < 1) {
            throw new IllegalArgumentException("--cpu, --memory and --disk must be positive");
        }
        Objects.requireNonNull(updateInterval, "updateInterval");
        Objects.requireNonNull(watchWait, "watchWait");
        if (updateInterval.isNegative() || updateInterval.isZero() || watchWait.isNegative() || watchWait.isZero()) {
            throw new IllegalArgumentException("intervals must be positive");
        }
    }

    /** N nodes of 4000 MHz, 8 GiB and 100 GiB in dc1, seed 1, no class. */
    public static NodeSimConfig of(int nodes, List<String> servers) {
        return new NodeSimConfig(nodes, servers, List.of("dc1"), 1, 4000, 8192, 102_400, List.of(),
                DEFAULT_UPDATE_INTERVAL, DEFAULT_WATCH_WAIT);
    }

    public NodeSimConfig withWatchWait(Duration wait) {
        return new NodeSimConfig(nodes, servers, datacenters, seed, cpuMhz, memoryMb, diskMb, classes, updateInterval,
                wait);
    }

    public NodeSimConfig withDatacenters(List<String> dcs) {
        return new NodeSimConfig(nodes, servers, dcs, seed, cpuMhz, memoryMb, diskMb, classes, updateInterval,
                watchWait);
    }

    public NodeSimConfig withClasses(List<String> nodeClasses) {
        return new NodeSimConfig(nodes, servers, datacenters, seed, cpuMhz, memoryMb, diskMb, nodeClasses,
                updateInterval, watchWait);
    }

    private static void checkAddress(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("server address " + address + " is not host:port");
        }
        try {
            int port = Integer.parseInt(address.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("server address " + address + " has port out of range");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("server address " + address + " is not host:port");
        }
    }
}
