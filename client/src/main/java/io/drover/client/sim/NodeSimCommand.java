package io.drover.client.sim;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code drover nodesim}: runs a {@link NodeSim} against a cluster until interrupted, printing
 * a status line every {@code --status-interval}. SIGTERM and SIGINT stop it cleanly (the JVM's
 * shutdown hook closes the simulator; the servers then see the nodes' heartbeats stop).
 */
@Command(name = "nodesim", mixinStandardHelpOptions = true,
        description = "Simulates many Nomad client nodes in one process: they register, heartbeat and run "
                + "their allocations with mock tasks.")
public final class NodeSimCommand implements Callable<Integer> {
    @Option(names = "--nodes", required = true, paramLabel = "N", description = "How many nodes to simulate.")
    int nodes;

    @Option(names = "--servers", required = true, split = ",", paramLabel = "HOST:PORT",
            description = "The servers' gRPC addresses (their -serf-port), comma separated.")
    List<String> servers = new ArrayList<>();

    @Option(names = "--datacenters", split = ",", paramLabel = "DC", defaultValue = "dc1",
            description = "Datacenters, round robin over the nodes (default: ${DEFAULT-VALUE}).")
    List<String> datacenters = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed for node IDs and timing jitter (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--cpu", paramLabel = "MHz", defaultValue = "4000", description = "Each node's CPU (default: ${DEFAULT-VALUE}).")
    long cpu;

    @Option(names = "--memory", paramLabel = "MB", defaultValue = "8192", description = "Each node's memory (default: ${DEFAULT-VALUE}).")
    long memory;

    @Option(names = "--disk", paramLabel = "MB", defaultValue = "102400", description = "Each node's disk (default: ${DEFAULT-VALUE}).")
    long disk;

    @Option(names = "--classes", split = ",", paramLabel = "CLASS",
            description = "Node classes, round robin over the nodes (default: none).")
    List<String> classes = new ArrayList<>();

    @Option(names = "--status-interval", paramLabel = "SECONDS", defaultValue = "5",
            description = "Seconds between status lines (default: ${DEFAULT-VALUE}).")
    int statusSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        NodeSimConfig config;
        try {
            config = new NodeSimConfig(nodes, servers, datacenters, seed, cpu, memory, disk, classes,
                    NodeSimConfig.DEFAULT_UPDATE_INTERVAL, NodeSimConfig.DEFAULT_WATCH_WAIT);
            if (statusSeconds < 1) {
                throw new IllegalArgumentException("--status-interval must be at least 1");
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        NodeSim sim = new NodeSim(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "nodesim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        sim.start();
        out.println("nodesim: " + nodes + " nodes against " + String.join(",", servers));
        out.flush();
        Duration every = Duration.ofSeconds(statusSeconds);
        while (!stopped.await(every.toMillis(), TimeUnit.MILLISECONDS)) {
            try {
                out.println("nodesim: " + sim.status().line());
                out.flush();
            } catch (IllegalStateException | RejectedExecutionException closing) {
                break;
            }
        }
        return 0;
    }
}
