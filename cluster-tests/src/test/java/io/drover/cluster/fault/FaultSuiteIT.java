package io.drover.cluster.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.client.sim.NodeSim;
import io.drover.client.sim.NodeSimConfig;
import io.drover.cluster.PackagedServer;
import io.drover.testkit.await.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fault suite: a real three-server cluster (separate processes, traffic between them through
 * a {@link ProxyNetwork}) under continuous load from every kind of client, struck by a seeded,
 * replayable schedule of the faults real servers meet (kill -9, SIGSTOP, SIGTERM, lost quorum, a
 * power cut, a follower that must install a snapshot, one-way and two-way partitions), then
 * healed and checked: no acknowledged write lost, the check-and-set and {@code ?consistent}
 * history linearizable, no index going back, every job evaluated once, every server converged
 * and running Raft, no answer but "No cluster leader" among the 5xx.
 *
 * <p>{@code mvn verify} runs a short schedule. The long run is one command (docs/robustness.md):
 * {@code -Ddrover.faults=200 -Ddrover.faults.seed=<any>}; its report is written to
 * {@code target/fault-reports/}.
 */
class FaultSuiteIT {
    private static final int FAULTS = Integer.getInteger("drover.faults", 24);
    private static final long SEED = Long.getLong("drover.faults.seed", 20261207L);
    private static final Duration WRITE_INTERVAL = Duration.ofMillis(Long.getLong("drover.faults.writeIntervalMs", 150));
    /** Only these kinds of fault, if {@code -Ddrover.faults.kinds=KILL,PAUSE,...} is given. */
    private static final List<FaultSchedule.Kind> KINDS = System.getProperty("drover.faults.kinds", "").isBlank()
            ? List.of(FaultSchedule.Kind.values())
            : java.util.Arrays.stream(System.getProperty("drover.faults.kinds").split(",")).map(String::trim)
                    .map(FaultSchedule.Kind::valueOf).toList();
    private static final int NODES = 5;
    private static final int CAS_KEYS = 4;
    private static final Duration SETTLE_FIRST = Duration.ofSeconds(3);

    @Test
    @Timeout(value = 4, unit = TimeUnit.HOURS)
    void theClusterSurvivesASeededScheduleOfFaultsUnderLoad() throws Exception {
        FaultSchedule schedule = FaultSchedule.generate(SEED, FAULTS, KINDS);
        System.out.println("[faults] seed " + SEED + ", " + FAULTS + " faults (replay with -Ddrover.faults.seed="
                + SEED + " -Ddrover.faults=" + FAULTS + (KINDS.size() < FaultSchedule.Kind.values().length
                ? " -Ddrover.faults.kinds=" + String.join(",", KINDS.stream().map(Enum::name).toList()) : "") + ")");
        ClientHistory history = new ClientHistory();
        List<FaultInjector.Injection> injections = new ArrayList<>();
        long started = System.nanoTime();
        String report;
        RunChecks checks;
        try (FaultCluster cluster = new FaultCluster(PackagedServer.launcher(), 3,
                List.of("-snapshot-threshold", "128"))) {
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
            cluster.startAll();
            FaultInjector injector = new FaultInjector(cluster);
            NodeSim nodes = new NodeSim(NodeSimConfig.of(NODES, cluster.grpcAddresses()));
            Workload workload = new Workload(cluster.servers(), history, WRITE_INTERVAL, CAS_KEYS, SEED);
            checks = new RunChecks(cluster, history, nodes::runningAllocs);
            try {
                awaitFirstLeader(cluster);
                nodes.start();
                workload.start();
                Thread.sleep(SETTLE_FIRST.toMillis());
                for (FaultSchedule.Step step : schedule.steps()) {
                    FaultInjector.Injection done = injector.strike(step);
                    injections.add(done);
                    System.out.printf("[faults] %s: %s, leader agreed again after %d ms%s%n", step,
                            done.targets(), done.recoveryMillis(),
                            done.anomalies().isEmpty() ? "" : ", anomalies: " + done.anomalies());
                    Thread.sleep(1_000);
                }
            } catch (Throwable t) {
                System.out.println(cluster.logTails(80));
                cluster.keepLogs(reportDir().resolve("logs-" + SEED));
                throw t;
            } finally {
                workload.close();
            }
            checks.run();
            nodes.close();
            report = FaultReport.render(schedule, injections, history, checks, injector.unforcedInstalls(),
                    (System.nanoTime() - started) / 1_000_000);
            System.out.println(report);
            keep(report, cluster);
            boolean clean = checks.anomalies.isEmpty() && injections.stream().allMatch(i -> i.anomalies().isEmpty());
            if (!clean) {
                System.out.println(cluster.logTails(80));
            }
            assertThat(clean).as(report).isTrue();
        }
    }

    private static void awaitFirstLeader(FaultCluster cluster) {
        try {
            Await.value("a first leader", Duration.ofSeconds(60), Duration.ofMillis(100), cluster::agreedLeader);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + cluster.logTails(40), e);
        }
    }

    private static Path reportDir() {
        return Path.of(System.getProperty("drover.cluster.logs", "target/cluster-logs")).getParent()
                .resolve("fault-reports");
    }

    /** The report (and, after anomalies, the servers' logs) under target/fault-reports/. */
    private static void keep(String report, FaultCluster cluster) throws IOException {
        Path dir = reportDir();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("fault-run-" + SEED + ".md"), report);
        cluster.keepLogs(dir.resolve("logs-" + SEED));
    }
}
