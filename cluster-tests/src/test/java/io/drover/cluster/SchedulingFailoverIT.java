package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.client.sim.NodeSim;
import io.drover.client.sim.NodeSimConfig;
import io.drover.testkit.await.Await;
import io.drover.testkit.http.Answer;
import io.drover.testkit.process.ServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scheduling end to end on three server processes, with simulated nodes (nodesim, in this JVM)
 * that register and heartbeat over every server's NodeRpc and run what they are given: nodes
 * become ready everywhere, a service job is placed and runs, a node that goes silent is marked
 * down and its allocations lost, and when the leader is killed with evaluations still pending the
 * new leader finishes them without placing anything twice. Tests run in order on one cluster;
 * the leader kill is last because it leaves the nodes on the (long) failover heartbeat TTL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchedulingFailoverIT {
    /** Short heartbeat TTLs, so that a silent node is down within seconds rather than minutes. */
    @RegisterExtension
    static final LocalCluster cluster = LocalCluster.ofThreeWithShortHeartbeats();

    /** Two cores run three servers and the nodes: every bound is generous. */
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final int NODES = 20;
    private static final String WEB = "web";
    private static final String WEB_GROUP = "frontend";
    private static final int WEB_COUNT = 10;
    private static final String BURST = "burst-";
    private static final String BURST_GROUP = "g";
    private static final int BURST_JOBS = 30;
    private static final int BURST_COUNT = 3;

    private static NodeSim nodes;

    @AfterAll
    static void stopNodes() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    @Order(1)
    void nodesRegisterAndBecomeReadyOnEveryServer() {
        nodes = new NodeSim(NodeSimConfig.of(NODES, grpcAddresses()));
        nodes.start();

        Set<String> expected = new TreeSet<>(nodes.nodeIds());
        for (ServerProcess s : cluster.servers()) {
            Await.until(s.name() + " lists the " + NODES + " simulated nodes ready (?stale)", BOUND,
                    () -> readyNodeIds(s, "dc1").equals(expected));
        }
        assertThat(nodes.status().ready()).as("nodes whose ready heartbeat the servers took").isEqualTo(NODES);
    }

    @Test
    @Order(2)
    void aServiceJobRunsItsCountOfAllocationsAndEveryServerSaysSo() {
        assumeTrue(nodes != null, "needs the nodes of the first test");
        ServerProcess leader = cluster.leader();
        Answer reg = leader.api().register(Jobs.mockService(WEB, WEB_GROUP, "dc1", WEB_COUNT));
        assertThat(reg.status()).as(reg.toString()).isEqualTo(200);
        String evalId = reg.json().get("EvalID").asText();

        List<String> overCount = new ArrayList<>();
        List<Allocs.Alloc> running = Await.value(WEB_COUNT + " allocations of " + WEB + " reported running", BOUND,
                () -> {
                    List<Allocs.Alloc> allocs = Allocs.ofJob(leader, WEB, false);
                    overCount.addAll(Placements.overCount(Map.of(WEB, allocs), Map.of(WEB, WEB_COUNT)));
                    List<Allocs.Alloc> live = Allocs.live(allocs);
                    boolean done = live.size() == WEB_COUNT && live.stream().allMatch(Allocs.Alloc::running);
                    return done ? Optional.of(live) : Optional.empty();
                });
        assertThat(overCount).as("moments " + WEB + " had more live allocations than its count").isEmpty();
        assertThat(Placements.problems(WEB, WEB_GROUP, WEB_COUNT, running, Set.of(evalId))).isEmpty();
        assertThat(nodes.runningAllocs()).as("allocations nodesim runs")
                .containsAll(running.stream().map(Allocs.Alloc::id).toList());

        JobView onLeader = JobView.read(leader, WEB, false);
        assertThat(onLeader.status()).isEqualTo("running");
        assertThat(onLeader.groupSummary(WEB_GROUP)).isEqualTo(Map.of("Queued", 0, "Complete", 0, "Failed", 0,
                "Running", WEB_COUNT, "Starting", 0, "Lost", 0));
        for (ServerProcess s : cluster.servers()) {
            Await.until(s.name() + " serves (?stale) " + WEB + " as the leader does: " + onLeader, BOUND,
                    () -> JobView.read(s, WEB, true).equals(onLeader));
        }
    }

    @Test
    @Order(3)
    void aNodeThatStopsHeartbeatingGoesDownAndItsAllocationsAreLost() {
        assumeTrue(nodes != null, "needs the nodes of the first test");
        String job = "edge";
        // A seed of its own: the same seed would simulate the dc1 nodes again.
        NodeSimConfig dc2 = new NodeSimConfig(2, grpcAddresses(), List.of("dc2"), 2, 4000, 8192, 102_400, List.of(),
                NodeSimConfig.DEFAULT_UPDATE_INTERVAL, NodeSimConfig.DEFAULT_WATCH_WAIT);
        Set<String> dc2Nodes;
        NodeSim silent = new NodeSim(dc2);
        try {
            silent.start();
            dc2Nodes = new TreeSet<>(silent.nodeIds());
            ServerProcess leader = cluster.leader();
            Await.until("the 2 dc2 nodes are ready", BOUND, () -> readyNodeIds(leader, "dc2").equals(dc2Nodes));
            Answer reg = leader.api().register(Jobs.mockService(job, "g", "dc2", 2));
            assertThat(reg.status()).as(reg.toString()).isEqualTo(200);
            Await.until("both allocations of " + job + " run on dc2 nodes", BOUND, () -> {
                List<Allocs.Alloc> live = Allocs.live(Allocs.ofJob(cluster.leader(), job, false));
                return live.size() == 2 && live.stream().allMatch(Allocs.Alloc::running)
                        && live.stream().allMatch(a -> dc2Nodes.contains(a.nodeId()));
            });
        } finally {
            silent.close();
        }

        Await.until("the silent dc2 nodes are down", BOUND, () -> {
            Map<String, String> status = nodeStatuses(cluster.leader(), "dc2");
            return status.keySet().equals(dc2Nodes) && status.values().stream().allMatch("down"::equals);
        });
        // The nodes need not go down together: a replacement for what the first one lost may be
        // placed on the second, and is lost with it. In the end nothing of the job is live, what
        // was lost was on dc2, and the job waits in a blocked evaluation for capacity.
        Set<String> names = Placements.expectedNames(job, "g", 2);
        Await.untilNothingMissing("every allocation of " + job + " is lost and its evaluation is blocked, as no dc2"
                + " node is left", BOUND, () -> {
                    ServerProcess leader = cluster.leader();
                    List<Allocs.Alloc> allocs = Allocs.ofJob(leader, job, false);
                    List<String> evals = evaluations(leader, job).stream()
                            .map(e -> e.get("TriggeredBy").asText() + ":" + e.get("Status").asText()).toList();
                    boolean lost = !allocs.isEmpty()
                            && allocs.stream().allMatch(a -> "lost".equals(a.clientStatus())
                                    && "stop".equals(a.desiredStatus()) && dc2Nodes.contains(a.nodeId()))
                            && allocs.stream().map(Allocs.Alloc::name).collect(Collectors.toSet()).equals(names);
                    return lost && evals.stream().anyMatch(e -> e.endsWith(":blocked")) ? null
                            : "allocations " + allocs + ", evaluations " + evals;
                });
        assertThat(nodes.status().ready()).as("dc1 nodes still ready").isEqualTo(NODES);
    }

    @Test
    @Order(4)
    void killingTheLeaderWithEvaluationsPendingPlacesEveryJobOnce() throws Exception {
        assumeTrue(nodes != null, "needs the nodes of the first test");
        ServerProcess oldLeader = cluster.leader();
        Map<String, String> acknowledgedEvals = registerBurst();
        // Straight after the last acknowledgement: how far scheduling got, then the kill.
        int placedBeforeKill = burstAllocs(Allocs.byJob(oldLeader, "/v1/allocations?stale")).values().stream()
                .mapToInt(List::size).sum();
        oldLeader.kill();
        System.out.printf("[scheduling] killed leader %s with %d of %d allocations of the burst placed%n",
                oldLeader.name(), placedBeforeKill, BURST_JOBS * BURST_COUNT);

        ServerProcess newLeader = cluster.leader();
        assertThat(newLeader).isNotSameAs(oldLeader);
        Map<String, Integer> counts = new TreeMap<>();
        acknowledgedEvals.keySet().forEach(job -> counts.put(job, BURST_COUNT));
        List<String> overCount = new ArrayList<>();
        Await.untilNothingMissing("every burst job runs " + BURST_COUNT + " allocations and its evaluations are"
                + " complete", BOUND, () -> {
                    ServerProcess leader = cluster.leader();
                    Map<String, List<Allocs.Alloc>> allocs = burstAllocs(Allocs.byJob(leader, "/v1/allocations"));
                    overCount.addAll(Placements.overCount(allocs, counts));
                    Map<String, List<JsonNode>> evals = burstEvaluations(leader);
                    List<String> notYet = new ArrayList<>();
                    for (String job : counts.keySet()) {
                        List<Allocs.Alloc> jobAllocs = allocs.getOrDefault(job, List.of());
                        List<String> evalStatuses = evals.getOrDefault(job, List.of()).stream()
                                .map(e -> e.get("Status").asText()).toList();
                        List<Allocs.Alloc> live = Allocs.live(jobAllocs);
                        if (live.size() != BURST_COUNT || !live.stream().allMatch(Allocs.Alloc::running)
                                || !evalStatuses.stream().allMatch("complete"::equals)) {
                            notYet.add(job + ": allocations " + jobAllocs.stream()
                                    .map(a -> a.name() + " " + a.desiredStatus() + "/" + a.clientStatus()).toList()
                                    + ", evaluations " + evalStatuses);
                        }
                    }
                    return notYet.isEmpty() ? null : notYet.size() + " jobs not done, e.g. "
                            + notYet.subList(0, Math.min(5, notYet.size()));
                });
        assertThat(overCount).as("moments a burst job had more live allocations than its count").isEmpty();

        for (ServerProcess s : cluster.running()) {
            String read = s == cluster.leader() ? "/v1/allocations" : "/v1/allocations?stale";
            Map<String, List<Allocs.Alloc>> allocs = Await.value(s.name() + " holds every burst allocation live",
                    BOUND, () -> {
                        Map<String, List<Allocs.Alloc>> byJob = burstAllocs(Allocs.byJob(s, read));
                        long live = byJob.values().stream().mapToLong(l -> Allocs.live(l).size()).sum();
                        return live == (long) BURST_JOBS * BURST_COUNT ? Optional.of(byJob) : Optional.empty();
                    });
            Map<String, List<JsonNode>> evals = burstEvaluations(s);
            List<String> wrong = new ArrayList<>();
            for (Map.Entry<String, String> ack : acknowledgedEvals.entrySet()) {
                String job = ack.getKey();
                Set<String> jobEvals = new HashSet<>();
                evals.getOrDefault(job, List.of()).forEach(e -> jobEvals.add(e.get("ID").asText()));
                if (!jobEvals.contains(ack.getValue())) {
                    wrong.add(job + ": the acknowledged evaluation " + ack.getValue() + " is missing from " + jobEvals);
                }
                wrong.addAll(Placements.problems(job, BURST_GROUP, BURST_COUNT, allocs.getOrDefault(job, List.of()),
                        jobEvals));
            }
            assertThat(wrong).as("burst jobs not placed exactly once, as " + s.name() + " serves them").isEmpty();
            List<String> allocIds = allocs.values().stream().flatMap(List::stream).map(Allocs.Alloc::id).toList();
            assertThat(allocIds).as("allocation IDs on " + s.name()).doesNotHaveDuplicates();
        }
        assertThat(nodes.runningAllocs()).as("allocations nodesim runs").containsAll(
                burstAllocs(Allocs.byJob(cluster.leader(), "/v1/allocations")).values().stream()
                        .flatMap(List::stream).filter(Allocs.Alloc::live).map(Allocs.Alloc::id).toList());
    }

    /**
     * Registers the burst jobs from a few threads through every server, as fast as they are
     * acknowledged; returns each job's acknowledged evaluation ID.
     */
    private static Map<String, String> registerBurst() throws Exception {
        List<ServerProcess> servers = cluster.running();
        Map<String, String> evalIds = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < BURST_JOBS; i++) {
                String job = BURST + i;
                ServerProcess via = servers.get(i % servers.size());
                sent.add(clients.submit(() -> {
                    Answer reg = via.api().register(Jobs.mockService(job, BURST_GROUP, "dc1", BURST_COUNT));
                    assertThat(reg.status()).as("registering " + job + " via " + via.name() + ": " + reg).isEqualTo(200);
                    evalIds.put(job, reg.json().get("EvalID").asText());
                }));
            }
            for (Future<?> f : sent) {
                f.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(evalIds).hasSize(BURST_JOBS);
        return new TreeMap<>(evalIds);
    }

    private static Map<String, List<Allocs.Alloc>> burstAllocs(Map<String, List<Allocs.Alloc>> byJob) {
        Map<String, List<Allocs.Alloc>> out = new TreeMap<>();
        byJob.forEach((job, allocs) -> {
            if (job.startsWith(BURST)) {
                out.put(job, allocs);
            }
        });
        return out;
    }

    /** The burst jobs' evaluations as {@code s} holds them ({@code ?stale} on a follower). */
    private static Map<String, List<JsonNode>> burstEvaluations(ServerProcess s) {
        Map<String, List<JsonNode>> out = new TreeMap<>();
        for (JsonNode e : Allocs.ok(s, "/v1/evaluations?stale")) {
            String job = e.get("JobID").asText();
            if (job.startsWith(BURST)) {
                out.computeIfAbsent(job, k -> new ArrayList<>()).add(e);
            }
        }
        return out;
    }

    private static List<JsonNode> evaluations(ServerProcess s, String job) {
        List<JsonNode> out = new ArrayList<>();
        Allocs.ok(s, "/v1/job/" + job + "/evaluations").forEach(out::add);
        return out;
    }

    private static List<String> grpcAddresses() {
        return cluster.servers().stream().map(ServerProcess::grpcAddress).toList();
    }

    /** IDs of the nodes in {@code datacenter} that {@code s} (?stale) lists as ready and eligible. */
    private static Set<String> readyNodeIds(ServerProcess s, String datacenter) {
        Set<String> ready = new TreeSet<>();
        for (JsonNode n : Allocs.ok(s, "/v1/nodes?stale")) {
            if (datacenter.equals(n.get("Datacenter").asText()) && "ready".equals(n.get("Status").asText())
                    && "eligible".equals(n.get("SchedulingEligibility").asText())) {
                ready.add(n.get("ID").asText());
            }
        }
        return ready;
    }

    /** Status by node ID of the nodes in {@code datacenter}, as {@code s} lists them. */
    private static Map<String, String> nodeStatuses(ServerProcess s, String datacenter) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode n : Allocs.ok(s, "/v1/nodes")) {
            if (datacenter.equals(n.get("Datacenter").asText())) {
                out.put(n.get("ID").asText(), n.get("Status").asText());
            }
        }
        return out;
    }

    /**
     * What a user checks of a running job on one server: its status, its summary, and its
     * allocations (ID, name, client status).
     */
    private record JobView(String status, Map<String, Map<String, Integer>> summary, Map<String, String> allocs) {
        static JobView read(ServerProcess s, String job, boolean stale) {
            String q = stale ? "?stale" : "";
            String status = Allocs.ok(s, "/v1/job/" + job + q).get("Status").asText();
            Map<String, Map<String, Integer>> summary = new TreeMap<>();
            Allocs.ok(s, "/v1/job/" + job + "/summary" + q).get("Summary").fields().forEachRemaining(group -> {
                Map<String, Integer> counts = new LinkedHashMap<>();
                group.getValue().fields().forEachRemaining(c -> counts.put(c.getKey(), c.getValue().asInt()));
                summary.put(group.getKey(), counts);
            });
            Map<String, String> allocs = new TreeMap<>();
            for (Allocs.Alloc a : Allocs.ofJob(s, job, stale)) {
                allocs.put(a.id(), a.name() + " " + a.clientStatus());
            }
            return new JobView(status, summary, allocs);
        }

        Map<String, Integer> groupSummary(String group) {
            return summary.getOrDefault(group, Map.of());
        }
    }
}
