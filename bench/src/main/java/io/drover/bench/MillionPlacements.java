package io.drover.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.client.sim.NodeSim;
import io.drover.client.sim.NodeSimConfig;
import io.drover.client.sim.NodeSimStatus;
import io.drover.testkit.http.Answer;
import io.drover.testkit.http.NomadClient;
import io.drover.testkit.process.AgentLauncher;
import io.drover.testkit.process.JvmOptions;
import io.drover.testkit.process.ServerGroup;
import io.drover.testkit.fixtures.JobBody;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * C1M on one box, as HashiCorp's "million container challenge": {@code --jobs} service jobs of
 * {@code --count} each (1,000 × 1,000 by default) placed on {@code --nodes} simulated nodes
 * (5,000), through the real server: a dev agent started from the packaged jar, every job
 * registered over HTTP by a few writers at once, evaluations, the scheduler, plans committed
 * through Raft, and the nodes (nodesim, in this process, over gRPC) watching their allocations,
 * starting them and reporting them running. Done when the server's job summaries count every
 * allocation running. Prints progress every few seconds, then the time, placements per second,
 * the agent's CPU per placement, its largest RSS seen and its longest GC pause (from its GC log).
 */
@Command(name = "million",
        description = "C1M: --jobs jobs of --count on --nodes simulated nodes through a dev agent, until all run.")
final class MillionPlacements implements Runnable {
    private static final Pattern PAUSE = Pattern.compile("Pause.* ([0-9.]+)ms$");

    @Option(names = "--jar", defaultValue = "server/target/drover-server.jar",
            description = "the packaged server (default ${DEFAULT-VALUE})")
    String jar;

    @Option(names = "--nodes", defaultValue = "5000")
    int nodes;

    @Option(names = "--jobs", defaultValue = "1000")
    int jobs;

    @Option(names = "--count", defaultValue = "1000")
    int count;

    @Option(names = "--writers", defaultValue = "4", description = "concurrent registering clients")
    int writers;

    @Option(names = "--limit", defaultValue = "PT20M", description = "give up after this long (ISO-8601)")
    Duration limit;

    @Option(names = "--progress", defaultValue = "PT10S", description = "how often to print progress")
    Duration progress;

    @Override
    public void run() {
        try (ServerGroup group = ServerGroup.inTempDir("drover-million-")) {
            Path gcLog = group.home().resolve("gc.log");
            List<String> jvm = new ArrayList<>(JvmOptions.besideJar(Path.of(jar)));
            jvm.add("-Xlog:gc:file=" + gcLog);
            DevAgent dev = DevAgent.start(group, AgentLauncher.jar(Path.of(jar), jvm));
            NomadClient api = dev.api();
            dev.awaitLeader();
            ProcessHandle agent = ProcessHandle.of(dev.server().pid()).orElseThrow();
            // 8,000 MHz nodes: the job's tasks ask Nomad's minimum of 20 MHz, and 1,000,000 of them on
            // 5,000 nodes of nodesim's default 4,000 MHz would fill every node to the last MHz.
            NodeSimConfig simConfig = new NodeSimConfig(nodes, List.of(dev.grpcAddress()), List.of("dc1"), 1, 8000,
                    16384, 204_800, List.of(), NodeSimConfig.DEFAULT_UPDATE_INTERVAL, NodeSimConfig.DEFAULT_WATCH_WAIT);
            try (NodeSim sim = new NodeSim(simConfig)) {
                sim.start();
                DevAgent.awaitReady(sim, nodes);
                long total = (long) jobs * count;
                System.out.printf("million: dev agent pid %d, %d nodes ready; registering %d jobs of %d (%,d allocations)%n",
                        dev.server().pid(), nodes, jobs, count, total);
                long start = System.nanoTime();
                long cpuStart = cpuNanos(agent);
                AtomicInteger registered = new AtomicInteger();
                AtomicReference<String> failure = new AtomicReference<>();
                ExecutorService pool = Executors.newFixedThreadPool(writers);
                AtomicInteger next = new AtomicInteger();
                for (int w = 0; w < writers; w++) {
                    pool.execute(() -> {
                        for (int j = next.getAndIncrement(); j < jobs; j = next.getAndIncrement()) {
                            String id = String.format("c1m-%05d", j);
                            Answer r = api.register(JobBody.service(id).group(PlacementJob.GROUP).count(count)
                                    .mock("24h").resources(20, 16).register());
                            if (r.status() != 200) {
                                failure.compareAndSet(null, "register of " + id + " answered " + r.status() + ": "
                                        + r.body());
                                return;
                            }
                            registered.incrementAndGet();
                        }
                    });
                }
                pool.shutdown();
                long maxRss = 0;
                long running = 0;
                long placed = 0;
                long deadline = start + limit.toNanos();
                while (System.nanoTime() < deadline) {
                    sleep(progress);
                    if (!agent.isAlive()) {
                        Path keep = Path.of("target", "million-logs");
                        group.copyLogsTo(keep);
                        Files.copy(gcLog, keep.resolve("gc.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        throw new IllegalStateException("the agent exited; its log and GC log are in target/million-logs:\n"
                                + group.logTails(20));
                    }
                    if (failure.get() != null) {
                        throw new IllegalStateException(failure.get());
                    }
                    maxRss = Math.max(maxRss, rssBytes(dev.server().pid()));
                    long[] counts = summaries(api);
                    placed = counts[0];
                    running = counts[1];
                    NodeSimStatus s = sim.status();
                    double secs = (System.nanoTime() - start) / 1e9;
                    System.out.printf("  %5.0f s: %d registered, %,d placed, %,d running (nodes report %,d); "
                            + "agent CPU %.0f s, RSS %d MB%n", secs, registered.get(), placed, running, s.running(),
                            (cpuNanos(agent) - cpuStart) / 1e9, maxRss >> 20);
                    if (running >= total) {
                        break;
                    }
                }
                pool.awaitTermination(1, TimeUnit.SECONDS);
                double secs = (System.nanoTime() - start) / 1e9;
                double cpu = (cpuNanos(agent) - cpuStart) / 1e9;
                System.out.printf("million: %,d of %,d allocations running after %.0f s (%.0f placements/s); agent CPU "
                        + "%.0f s (%.1f ms per placement); RSS up to %d MB; longest GC pause %.0f ms%s%n", running, total,
                        secs, running / secs, cpu, running == 0 ? 0 : cpu * 1000 / running, maxRss >> 20,
                        longestPause(gcLog), running >= total ? "" : " (NOT DONE: limit reached)");
            }
            dev.server().stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Placed (starting or running) and running allocations, summed over every job's summary. */
    private static long[] summaries(NomadClient api) {
        Answer a = api.get("/v1/jobs?prefix=c1m-", Duration.ofSeconds(60));
        long placed = 0;
        long running = 0;
        if (a.status() == 200) {
            for (JsonNode stub : a.json()) {
                JsonNode g = stub.path("JobSummary").path("Summary").path(PlacementJob.GROUP);
                running += g.path("Running").asLong();
                placed += g.path("Running").asLong() + g.path("Starting").asLong();
            }
        }
        return new long[] {placed, running};
    }

    private static double longestPause(Path gcLog) {
        double max = 0;
        try {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = PAUSE.matcher(line);
                if (m.find()) {
                    max = Math.max(max, Double.parseDouble(m.group(1)));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return max;
    }

    private static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }
}
