package io.drover.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.client.sim.NodeSim;
import io.drover.client.sim.NodeSimConfig;
import io.drover.client.sim.NodeSimStatus;
import io.drover.testkit.http.Answer;
import io.drover.testkit.http.NomadClient;
import io.drover.testkit.process.ServerGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Allocation updates per second the servers absorb from nodes: a dev agent started from the
 * packaged jar, {@code --nodes} nodes simulated in this process (nodesim), and per round one
 * batch job of {@code --count} mock tasks in four groups that run for 1, 2, 3 and 4 times
 * {@code --run-for-ms}, so completions keep arriving while the job is still being started.
 *
 * <p>Each allocation makes two client transitions, to running and to complete. The bench follows
 * the job summary with blocking queries and, at each answer, counts the transitions it reflects
 * (Running + 2 × (Complete + Failed)) beside those nodesim has made itself. It prints the rate at
 * which the summary caught up, from the first transition seen to the last, the busiest second,
 * the largest backlog (transitions made on the nodes and not yet in the summary) and how long
 * after nodesim's last completion the summary showed it. The job is constrained to the
 * simulated nodes, so both counts are of the same allocations.
 */
@Command(name = "alloc-updates",
        description = "Allocation status updates/s the servers absorb: dev agent + simulated nodes, one batch job per round.")
final class AllocUpdates implements Runnable {
    private static final Duration ROUND_LIMIT = Duration.ofMinutes(3);
    private static final int GROUPS = 4;

    @Mixin
    AgentJarOptions agent = new AgentJarOptions();

    @Option(names = "--nodes", defaultValue = "500", description = "simulated nodes (default ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--count", defaultValue = "2000", description = "allocations per round (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--run-for-ms", defaultValue = "1000",
            description = "the shortest task's run_for; the groups run 1-4 times it (default ${DEFAULT-VALUE})")
    int runForMs;

    @Option(names = "--warmup", defaultValue = "1", description = "rounds run first and not counted")
    int warmup;

    @Option(names = "--rounds", defaultValue = "2")
    int rounds;

    @Override
    public void run() {
        measure();
    }

    private void measure() {
        if (count % GROUPS != 0) {
            throw new IllegalArgumentException("--count must be a multiple of " + GROUPS);
        }
        try (ServerGroup group = ServerGroup.inTempDir("drover-bench-")) {
            DevAgent dev = DevAgent.start(group, agent.launcher());
            NomadClient api = dev.api();
            dev.awaitLeader();
            try (NodeSim sim = new NodeSim(NodeSimConfig.of(nodes, List.of(dev.grpcAddress())))) {
                sim.start();
                DevAgent.awaitReady(sim, nodes);
                List<Double> rates = new ArrayList<>();
                for (int round = 1 - warmup; round <= rounds; round++) {
                    Round r = round(api, sim, "alloc-updates-" + (round + warmup));
                    double rate = r.transitions / (r.windowNanos / 1e9);
                    System.out.printf("%s %d: %d transitions in the summary over %.0f ms = %.0f/s "
                            + "(busiest second %d; largest backlog %d; summary complete %.0f ms after nodesim; "
                            + "%d update batches)%n", round < 1 ? "warm-up" : "round", round < 1 ? round + warmup : round,
                            r.transitions, r.windowNanos / 1e6, rate, r.busiestSecond, r.largestBacklog,
                            r.lagNanos / 1e6, r.batches);
                    if (round >= 1) {
                        rates.add(rate);
                    }
                }
                System.out.printf("alloc-updates: median %.0f client transitions/s absorbed into the job summary "
                        + "(%d nodes, count %d, %d rounds)%n", Stats.median(rates), nodes, count, rounds);
            }
            // SIGTERM: a dev agent removes the data dir it made itself only when it shuts down
            dev.server().stop();
        }
    }

    /**
     * One round's figures.
     *
     * @param transitions client transitions the summary reflected at the end (2 per allocation)
     * @param windowNanos from the first summary answer showing a transition to the one showing all
     * @param busiestSecond most transitions the summary gained within one second
     * @param largestBacklog most transitions nodesim had made that the summary did not show yet
     * @param lagNanos from the first answer at which nodesim had finished every allocation to the
     *     summary showing them all (0 if the summary was never behind at the end)
     * @param batches UpdateAllocs calls nodesim sent during the round
     */
    private record Round(long transitions, long windowNanos, long busiestSecond, long largestBacklog, long lagNanos,
            long batches) {
    }

    private record Sample(long nanos, long transitions) {
    }

    private Round round(NomadClient api, NodeSim sim, String id) {
        NodeSimStatus before = sim.status();
        Answer r = api.register(body(id));
        long acked = System.nanoTime();
        if (r.status() != 200) {
            throw new IllegalStateException("register of " + id + " answered " + r.status() + ": " + r.body());
        }
        long index = r.json().path("JobModifyIndex").asLong();
        List<Sample> samples = new ArrayList<>();
        long largestBacklog = 0;
        long simDoneAt = 0;
        JsonNode summary = null;
        while (System.nanoTime() - acked < ROUND_LIMIT.toNanos()) {
            Answer s = api.get("/v1/job/" + id + "/summary?index=" + index + "&wait=30s");
            long now = System.nanoTime();
            NodeSimStatus onNodes = sim.status();
            if (s.status() != 200) {
                throw new IllegalStateException("summary of " + id + " answered " + s.status() + ": " + s.body());
            }
            index = s.index();
            summary = s.json().path("Summary");
            long running = 0;
            long ended = 0;
            for (JsonNode g : summary) {
                running += g.path("Running").asLong();
                ended += g.path("Complete").asLong() + g.path("Failed").asLong() + g.path("Lost").asLong();
            }
            long transitions = running + 2 * ended;
            long simEnded = onNodes.complete() + onNodes.failed() - before.complete() - before.failed();
            long simTransitions = onNodes.running() - before.running() + 2 * simEnded;
            largestBacklog = Math.max(largestBacklog, simTransitions - transitions);
            if (simDoneAt == 0 && simEnded == count) {
                simDoneAt = now;
            }
            if (transitions > 0) {
                samples.add(new Sample(now, transitions));
            }
            if (ended == count) {
                long batches = sim.status().updateBatches() - before.updateBatches();
                return new Round(transitions, now - samples.get(0).nanos, busiestSecond(samples), largestBacklog,
                        simDoneAt == 0 ? 0 : now - simDoneAt, batches);
            }
        }
        throw new IllegalStateException(id + " not complete after " + ROUND_LIMIT.toSeconds() + " s; summary " + summary);
    }

    /** The most transitions gained between two samples at most one second apart. */
    private static long busiestSecond(List<Sample> samples) {
        long best = 0;
        int from = 0;
        for (int to = 0; to < samples.size(); to++) {
            while (samples.get(to).nanos - samples.get(from).nanos > 1_000_000_000L) {
                from++;
            }
            best = Math.max(best, samples.get(to).transitions - samples.get(from).transitions);
        }
        return best;
    }

    /** A batch job of four groups of mock tasks with staggered run_for, on the simulated nodes only. */
    private String body(String id) {
        StringBuilder groups = new StringBuilder();
        for (int g = 1; g <= GROUPS; g++) {
            if (g > 1) {
                groups.append(',');
            }
            groups.append("{\"Name\":\"g").append(g).append("\",\"Count\":").append(count / GROUPS)
                    .append(",\"RestartPolicy\":{\"Attempts\":0,\"Mode\":\"fail\"}")
                    .append(",\"Tasks\":[{\"Name\":\"t\",\"Driver\":\"mock_driver\",\"Config\":{\"run_for\":\"")
                    .append(runForMs * g).append("ms\"},\"Resources\":{\"CPU\":20,\"MemoryMB\":16}}]}");
        }
        return "{\"Job\":{\"ID\":\"" + id + "\",\"Name\":\"" + id + "\",\"Type\":\"batch\",\"Datacenters\":[\"dc1\"],"
                + "\"Constraints\":[{\"LTarget\":\"${node.unique.name}\",\"RTarget\":\"^sim-\",\"Operand\":\"regexp\"}],"
                + "\"TaskGroups\":[" + groups + "]}}";
    }
}
