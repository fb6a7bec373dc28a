package io.drover.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.client.sim.NodeSim;
import io.drover.client.sim.NodeSimConfig;
import io.drover.testkit.http.Answer;
import io.drover.testkit.http.NomadClient;
import io.drover.testkit.process.ServerGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Placements per second end to end: a dev agent started from the packaged jar, {@code --nodes}
 * nodes simulated in this process (nodesim, over the agent's gRPC port), and one service job of
 * {@code --count} mock tasks registered per round. Two times per round, both from the register's
 * acknowledgement, read from {@code GET /v1/job/:id/summary} with blocking queries:
 * <ul>
 *   <li><b>placed</b>: Queued 0 and Starting + Running = count, i.e. the leader's worker ran the
 *       scheduler and the plan applier committed every allocation through Raft;</li>
 *   <li><b>running</b>: Running = count, which adds the nodes seeing their allocations, starting
 *       the tasks and reporting back (batched, as nodesim sends updates every 50 ms).</li>
 * </ul>
 * Beside each time it prints the CPU the agent spent meanwhile, a steadier figure than wall-clock
 * time on a machine shared with other work (the simulated nodes run in this process, not the agent).
 * Each round registers a new job; the previous one is stopped first and its tasks are let to
 * finish, so every round places onto the same nodes with the same free capacity (the
 * allocations of earlier rounds stay on them, terminal, as they would in Nomad until garbage
 * collection).
 */
@Command(name = "placements",
        description = "Placements/s end to end: dev agent + simulated nodes, one service job of --count per round.")
final class Placements implements Runnable {
    private static final Duration ROUND_LIMIT = Duration.ofMinutes(3);

    @Mixin
    AgentJarOptions agent = new AgentJarOptions();

    @Option(names = "--nodes", defaultValue = "1000", description = "simulated nodes (default ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--count", defaultValue = "1000", description = "the job's count (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--warmup", defaultValue = "3",
            description = "rounds run first and not counted: the agent's JIT compilers compete for the cores at first")
    int warmup;

    @Option(names = "--rounds", defaultValue = "5")
    int rounds;

    @Option(names = "--threads", description = "also print the agent's busiest threads (CPU) of each round")
    boolean threads;

    @Override
    public void run() {
        measure();
    }

    private void measure() {
        try (ServerGroup group = ServerGroup.inTempDir("drover-bench-")) {
            DevAgent dev = DevAgent.start(group, agent.launcher());
            NomadClient api = dev.api();
            dev.awaitLeader();
            ProcessHandle agent = ProcessHandle.of(dev.server().pid()).orElseThrow();
            try (NodeSim sim = new NodeSim(NodeSimConfig.of(nodes, List.of(dev.grpcAddress())))) {
                sim.start();
                DevAgent.awaitReady(sim, nodes);
                System.out.printf("placements: dev agent pid %d, %d nodes ready%n",
                        dev.server().pid(), nodes);
                List<Double> placedRates = new ArrayList<>();
                List<Double> runningRates = new ArrayList<>();
                for (int round = 1 - warmup; round <= rounds; round++) {
                    String id = "placements-" + (round + warmup);
                    RoundTimes t = round(api, id, agent);
                    double placed = count / (t.placedNanos / 1e9);
                    double running = count / (t.runningNanos / 1e9);
                    System.out.printf("%s %d: %d placed in %.0f ms (%.0f placements/s; agent CPU %.0f ms), "
                            + "all running in %.0f ms (%.0f/s; agent CPU %.0f ms)%n", round < 1 ? "warm-up" : "round",
                            round < 1 ? round + warmup : round, count, t.placedNanos / 1e6, placed,
                            t.placedCpuNanos / 1e6, t.runningNanos / 1e6, running, t.runningCpuNanos / 1e6);
                    if (threads) {
                        System.out.println("  agent threads until placed: "
                                + ThreadCpu.busiest(t.threadsAcked, t.threadsPlaced, 6));
                        System.out.println("  agent threads from placed to all running: "
                                + ThreadCpu.busiest(t.threadsPlaced, t.threadsRunning, 6));
                    }
                    if (round >= 1) {
                        placedRates.add(placed);
                        runningRates.add(running);
                    }
                    Map<String, Long> beforeStop = ThreadCpu.sample(agent.pid());
                    long stopNanos = JobStop.awaitIdle(api, id, PlacementJob.GROUP, ROUND_LIMIT);
                    System.out.printf("  stopped: all %d tasks ended in %.0f ms%n", count, stopNanos / 1e6);
                    if (threads) {
                        System.out.println("  agent threads while stopping: "
                                + ThreadCpu.busiest(beforeStop, ThreadCpu.sample(agent.pid()), 6));
                    }
                }
                System.out.printf("placements: median %.0f placements/s placed (scheduler + plan apply), "
                        + "%.0f/s all running (%d nodes, count %d, %d rounds)%n", Stats.median(placedRates),
                        Stats.median(runningRates), nodes, count, rounds);
            }
            // SIGTERM: a dev agent removes the data dir it made itself only when it shuts down
            dev.server().stop();
        }
    }

    /**
     * Times from the register's acknowledgement, the CPU the agent used meanwhile (all its
     * threads), and its threads' CPU at the three moments.
     */
    private record RoundTimes(long placedNanos, long placedCpuNanos, long runningNanos, long runningCpuNanos,
            Map<String, Long> threadsAcked, Map<String, Long> threadsPlaced, Map<String, Long> threadsRunning) {
    }

    private RoundTimes round(NomadClient api, String id, ProcessHandle agent) {
        Answer r = api.register(PlacementJob.registerBody(id, count));
        long acked = System.nanoTime();
        long ackedCpu = cpuNanos(agent);
        Map<String, Long> threadsAcked = ThreadCpu.sample(agent.pid());
        Map<String, Long> threadsPlaced = Map.of();
        if (r.status() != 200) {
            throw new IllegalStateException("register of " + id + " answered " + r.status() + ": " + r.body());
        }
        long index = r.json().path("JobModifyIndex").asLong();
        long placedAt = 0;
        long placedCpu = 0;
        JsonNode group = null;
        while (System.nanoTime() - acked < ROUND_LIMIT.toNanos()) {
            Answer s = api.get("/v1/job/" + id + "/summary?index=" + index + "&wait=30s");
            long now = System.nanoTime();
            if (s.status() != 200) {
                throw new IllegalStateException("summary of " + id + " answered " + s.status() + ": " + s.body());
            }
            index = s.index();
            group = s.json().path("Summary").path(PlacementJob.GROUP);
            int running = group.path("Running").asInt();
            if (placedAt == 0 && group.path("Queued").asInt() == 0
                    && group.path("Starting").asInt() + running == count) {
                placedAt = now;
                placedCpu = cpuNanos(agent);
                threadsPlaced = ThreadCpu.sample(agent.pid());
            }
            if (running == count) {
                return new RoundTimes(placedAt - acked, placedCpu - ackedCpu, now - acked, cpuNanos(agent) - ackedCpu,
                        threadsAcked, threadsPlaced, ThreadCpu.sample(agent.pid()));
            }
        }
        throw new IllegalStateException(id + " not running after " + ROUND_LIMIT.toSeconds() + " s; summary " + group);
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
