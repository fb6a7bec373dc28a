package io.drover.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Constraint;
import io.drover.model.Job;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.AllocMetric;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.DesiredTransition;
import io.drover.model.json.GoTime;
import io.drover.model.node.Node;
import io.drover.model.resources.ResourceFit;
import io.drover.model.scheduling.Evaluation;
import io.drover.testkit.fixtures.NodeAllocCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded, single-threaded simulation of the schedulers against a large cluster (in the
 * manner of Kafka's RaftEventSimulationTest): jobs are registered, updated and stopped, nodes
 * go down, drain and join, allocations fail, the applier refuses a node that changed between
 * plan and apply, and a "leader change" re-runs every evaluation still pending or blocked.
 * The state is a real store, written through the Raft commands production commits (node status
 * and drain, migrations, clients' reports, the {@link Harness}'s plans and evaluations). Time is
 * a mock clock; the only randomness is the seed. After every step the cluster is
 * checked: no node over-committed or with colliding ports, constraints and datacenters
 * honoured, no name running twice in a job, no allocation dropped or left on a dead node. At
 * the end every job has its count, or an evaluation saying why not.
 *
 * <p>Replay a failure with {@code -Ddrover.sim.seed=<seed>}; the seed is in every failure message.
 */
class SchedulerSimulationTest {
    private static final int NODES = 2_000;
    private static final int JOBS = 200;
    private static final int STEPS = 400;
    private static final List<String> DCS = List.of("dc1", "dc2");

    private final long seed = Long.getLong("drover.sim.seed", 20_260_101L);
    private final Random random = new Random(seed);
    @TempDir
    Path dir;
    private StoreState state;
    private Harness harness;
    private final AtomicLong ids = new AtomicLong();
    private final Deque<Evaluation> queue = new ArrayDeque<>();
    private final List<Job> jobs = new ArrayList<>();
    private final Set<String> touchedNodes = new LinkedHashSet<>();
    private final Set<String> everyAllocId = new HashSet<>();
    private Instant clock = Instant.parse("2026-03-01T00:00:00Z");
    private int createdSeen;
    private int plansSeen;
    private int nextNode;
    /** The node the applier will refuse on the next plan that places something, after marking it down. */
    private boolean refuseArmed;
    private String refusing;

    @BeforeEach
    void open() {
        state = new StoreState(dir).at(clock);
        harness = new Harness(state);
    }

    @AfterEach
    void close() {
        state.close();
    }

    @Test
    void schedulersKeepTheClusterConsistent() throws Exception {
        try {
            run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("simulation failed with seed " + seed + " (replay: -Ddrover.sim.seed=" + seed
                    + "): " + e.getMessage(), e);
        }
    }

    private void run() throws Exception {
        for (int i = 0; i < NODES; i++) {
            state.upsertNode(newNode());
        }
        harness.beforeApply(plan -> {
            refusing = null;
            if (refuseArmed && !plan.nodeAllocation.isEmpty()) {
                refuseArmed = false;
                refusing = plan.nodeAllocation.keySet().iterator().next();
                markDown(refusing);
            }
        });
        harness.refuseNodes(n -> n.equals(refusing));

        for (int step = 0; step < STEPS; step++) {
            clock = clock.plusSeconds(10);
            state.at(clock);
            event(step);
            drain();
            checkInvariants("step " + step);
        }
        leaderChange();
        clock = clock.plus(Duration.ofHours(3));
        state.at(clock);
        releaseDelayed();
        unblockAll();
        drain();
        checkInvariants("end");
        checkEveryJobPlacedOrExplained();
    }

    // --- events

    private void event(int step) {
        int roll = random.nextInt(100);
        if (jobs.size() < JOBS && (roll < 45 || step < 60)) {
            registerNewJob();
        } else if (roll < 60) {
            updateJob();
        } else if (roll < 65) {
            stopJob();
        } else if (roll < 72) {
            markDown(randomNodeId());
        } else if (roll < 78) {
            drainNode(randomNodeId());
        } else if (roll < 82) {
            Node n = newNode();
            state.upsertNode(n);
            nodeEvals(n.id);
            unblockAll();
        } else if (roll < 90) {
            failSomeAllocation();
        } else if (roll < 95) {
            refuseArmed = true;
            updateJob();
        } else {
            leaderChange();
        }
        releaseDelayed();
    }

    private void registerNewJob() {
        int n = jobs.size();
        String type = n % 40 == 0 ? Job.TYPE_SYSTEM : (n % 3 == 0 ? Job.TYPE_BATCH : Job.TYPE_SERVICE);
        Job job;
        if (Job.TYPE_SYSTEM.equals(type)) {
            job = Fixtures.job("job-" + n, type, 1, 50, 32);
        } else if (n % 25 == 7) {
            // Too big for any node: must end with FailedTGAllocs saying so.
            job = Fixtures.job("job-" + n, type, 3, 9000, 256);
        } else if (n % 17 == 3) {
            // Large allocations that fill nodes.
            job = Fixtures.job("job-" + n, type, 10 + random.nextInt(30), 2000 + random.nextInt(1500), 1024);
        } else {
            job = Fixtures.job("job-" + n, type, 1 + random.nextInt(20), 100 + random.nextInt(900),
                    64 + random.nextInt(1024));
        }
        job.datacenters = new ArrayList<>(random.nextInt(4) == 0 ? List.of("dc2") : DCS);
        if (n % 5 == 1) {
            job.constraints = new ArrayList<>(List.of(Fixtures.constraint("${attr.kernel.name}", "=", "linux")));
        }
        if (n % 7 == 2) {
            job.taskGroups.get(0).constraints =
                    new ArrayList<>(List.of(Fixtures.constraint("${meta.rack}", "!=", "r3")));
        }
        if (n % 31 == 5) {
            job.constraints = new ArrayList<>(List.of(Fixtures.constraint("${attr.kernel.name}", "=", "plan9")));
        }
        if (n % 6 == 4 && !Job.TYPE_SYSTEM.equals(type)) {
            Fixtures.withStaticPort(job, "http", 8000 + n % 3);
        }
        state.upsertJob(job);
        jobs.add(job);
        enqueue(job, EvalTriggers.JOB_REGISTER);
    }

    private void updateJob() {
        Job current = randomLiveJob();
        if (current == null) {
            return;
        }
        Job next = current.copy();
        if (random.nextBoolean() && !Job.TYPE_SYSTEM.equals(next.type)) {
            next.taskGroups.get(0).count = Math.max(0, current.taskGroups.get(0).count + random.nextInt(9) - 4);
        } else {
            next.taskGroups.get(0).tasks.get(0).config.put("command", "/bin/v" + random.nextInt(1000));
        }
        state.upsertJob(next);
        enqueue(next, EvalTriggers.JOB_REGISTER);
    }

    private void stopJob() {
        Job current = randomLiveJob();
        if (current == null) {
            return;
        }
        Job next = current.copy();
        next.stop = true;
        state.upsertJob(next);
        enqueue(next, EvalTriggers.JOB_DEREGISTER);
        unblockAll();
    }

    private void markDown(String nodeId) {
        state.updateNodeStatus(nodeId, Node.STATUS_DOWN);
        nodeEvals(nodeId);
    }

    /**
     * What an operator's drain and then the drainer write: the node drains (and so takes nothing
     * new), and each allocation on it is asked to migrate.
     */
    private void drainNode(String nodeId) {
        state.apply(NodeAllocCommands.drain(nodeId, Duration.ofHours(1).toNanos(), false, clock.getEpochSecond()));
        Map<String, DesiredTransition> migrate = new LinkedHashMap<>();
        for (Allocation a : state.allocationsOfNode(nodeId)) {
            if (!a.terminalStatus()) {
                DesiredTransition t = new DesiredTransition();
                t.migrate = true;
                migrate.put(a.id, t);
            }
        }
        if (!migrate.isEmpty()) {
            state.apply(NodeAllocCommands.desiredTransitions(migrate));
        }
        nodeEvals(nodeId);
    }

    /** A client reports an allocation failed, and the failure is evaluated. */
    private void failSomeAllocation() {
        Job job = randomLiveJob();
        if (job == null || Job.TYPE_SYSTEM.equals(job.type)) {
            return;
        }
        for (Allocation a : state.allocationsOfJob(job.namespace, job.id, true)) {
            if (!a.terminalStatus()) {
                Allocation failed = NodeAllocCommands.report(a.id, Allocation.CLIENT_FAILED);
                failed.modifyTime = GoTime.unixNanos(clock);
                state.apply(NodeAllocCommands.clientUpdate(List.of(failed)));
                enqueue(state.job(job.namespace, job.id).orElseThrow(), EvalTriggers.RETRY_FAILED_ALLOC);
                return;
            }
        }
    }

    /** Evaluations for every job with allocations on the node, and every system job, as a node update makes. */
    private void nodeEvals(String nodeId) {
        Set<String> jobIds = new LinkedHashSet<>();
        for (Allocation a : state.allocationsOfNode(nodeId)) {
            if (!a.terminalStatus()) {
                jobIds.add(a.jobId);
            }
        }
        for (Job j : jobs) {
            if (Job.TYPE_SYSTEM.equals(j.type)) {
                jobIds.add(j.id);
            }
        }
        for (String id : jobIds) {
            state.job(Job.DEFAULT_NAMESPACE, id).ifPresent(j -> enqueue(j, EvalTriggers.NODE_UPDATE));
        }
    }

    /** A new leader re-runs every evaluation the state holds that is not finished. */
    private void leaderChange() {
        for (Evaluation e : state.evaluations(Job.DEFAULT_NAMESPACE, "")) {
            if (!e.isTerminal() && !queue.contains(e) && isZeroTime(e.waitUntil)) {
                queue.add(e);
            }
        }
    }

    private void unblockAll() {
        for (Evaluation e : state.evaluations(Job.DEFAULT_NAMESPACE, "")) {
            if (Evaluation.STATUS_BLOCKED.equals(e.status) && !queue.contains(e)) {
                queue.add(e);
            }
        }
    }

    /** Delayed evaluations whose time has come join the queue. */
    private void releaseDelayed() {
        for (Evaluation e : state.evaluations(Job.DEFAULT_NAMESPACE, "")) {
            if (Evaluation.STATUS_PENDING.equals(e.status) && !isZeroTime(e.waitUntil)
                    && !GoTime.parse(e.waitUntil).isAfter(clock) && !queue.contains(e)) {
                queue.add(e);
            }
        }
    }

    private void enqueue(Job job, String trigger) {
        Evaluation e = Fixtures.eval(newId(), job, trigger);
        state.upsertEval(e);
        queue.add(e);
    }

    // --- processing

    private void drain() throws SchedulerException {
        int guard = 0;
        while (!queue.isEmpty()) {
            if (++guard > 20_000) {
                throw new AssertionError("evaluations keep coming: " + queue.size() + " queued");
            }
            Evaluation e = state.evaluation(queue.poll().id).orElseThrow();
            if (e.isTerminal()) {
                continue;
            }
            SchedulerEnv env = new SchedulerEnv(clock, this::newId);
            Schedulers.forType(e.type, state.snapshot(), harness, env).process(e);
            state.releaseSnapshots();
            afterProcess();
        }
    }

    /** Follows up what the scheduler asked for: new blocked evals replace older ones of the job; refused nodes are evaluated. */
    private void afterProcess() {
        for (; createdSeen < harness.createdEvals.size(); createdSeen++) {
            Evaluation created = harness.createdEvals.get(createdSeen);
            if (Evaluation.STATUS_BLOCKED.equals(created.status)) {
                for (Evaluation other : state.evaluationsOfJob(created.namespace, created.jobId)) {
                    if (Evaluation.STATUS_BLOCKED.equals(other.status) && !other.id.equals(created.id)) {
                        Evaluation canceled = other.copy();
                        canceled.status = Evaluation.STATUS_CANCELED;
                        state.upsertEval(canceled);
                    }
                }
            }
        }
        if (refusing != null) {
            String node = refusing;
            refusing = null;
            nodeEvals(node);
        }
        for (; plansSeen < harness.plans.size(); plansSeen++) {
            touchedNodes.addAll(harness.plans.get(plansSeen).nodeAllocation.keySet());
        }
    }

    // --- invariants

    private void checkInvariants(String when) {
        Set<String> nodes = new LinkedHashSet<>(touchedNodes);
        touchedNodes.clear();
        if (when.equals("end")) {
            nodes.clear();
            state.nodes("").forEach(n -> nodes.add(n.id));
        }
        for (String nodeId : nodes) {
            Node node = state.node(nodeId).orElseThrow();
            List<Allocation> live = state.allocationsOfNode(nodeId).stream().filter(a -> !a.terminalStatus()).toList();
            ResourceFit.Result fit = ResourceFit.allocsFit(node, live, null, false);
            assertThat(fit.fit()).as("%s: node %s over-committed on %s", when, nodeId, fit.dimension()).isTrue();
            for (Allocation a : live) {
                assertThat(a.job.datacenters).as("%s: %s placed outside its datacenters", when, a.id)
                        .contains(node.datacenter);
                for (Constraint c : constraintsOf(a.job, a.lookupTaskGroup())) {
                    assertThat(holds(node, c)).as("%s: %s on %s breaks %s %s %s", when, a.id, nodeId, c.lTarget,
                            c.operand, c.rTarget).isTrue();
                }
            }
        }
        Map<String, Set<String>> namesByJob = new HashMap<>();
        // Each node and job read once per check: the store decodes every read.
        Map<String, Optional<Node>> nodesById = new HashMap<>();
        Map<String, Job> jobsById = new HashMap<>();
        List<Allocation> all = state.allocations(Job.DEFAULT_NAMESPACE, "");
        for (Allocation a : all) {
            everyAllocId.add(a.id);
            if (a.terminalStatus()) {
                continue;
            }
            Node node = nodesById.computeIfAbsent(a.nodeId, state::node).orElse(null);
            assertThat(node).as("%s: %s on a node that does not exist", when, a.id).isNotNull();
            assertThat(node.status).as("%s: %s left running on down node %s", when, a.id, a.nodeId)
                    .isNotEqualTo(Node.STATUS_DOWN);
            Job job = jobsById.computeIfAbsent(a.jobId, id -> state.job(a.namespace, id).orElseThrow());
            assertThat(job.isStopped()).as("%s: %s runs for stopped job %s", when, a.id, job.id).isFalse();
            String key = Job.TYPE_SYSTEM.equals(job.type) ? a.name + "@" + a.nodeId : a.name;
            assertThat(namesByJob.computeIfAbsent(a.jobId, k -> new HashSet<>()).add(key))
                    .as("%s: %s runs twice in %s", when, key, a.jobId).isTrue();
        }
        assertThat(all).as("%s: allocations disappeared", when).hasSize(everyAllocId.size());
    }

    private void checkEveryJobPlacedOrExplained() {
        int placedJobs = 0;
        int explained = 0;
        for (Job registered : jobs) {
            Job job = state.job(registered.namespace, registered.id).orElseThrow();
            if (job.isStopped() || Job.TYPE_SYSTEM.equals(job.type)) {
                continue;
            }
            TaskGroup tg = job.taskGroups.get(0);
            long live = state.allocationsOfJob(job.namespace, job.id, true).stream()
                    .filter(a -> !a.terminalStatus()).count();
            if (live == tg.count) {
                placedJobs++;
                continue;
            }
            assertThat(live).as("job %s runs more than its count", job.id).isLessThan(tg.count);
            Evaluation latest = latestEvalOf(job);
            Map<String, AllocMetric> why = latest == null ? null : latest.failedTgAllocs;
            boolean blocked = state.evaluationsOfJob(job.namespace, job.id).stream()
                    .anyMatch(e -> Evaluation.STATUS_BLOCKED.equals(e.status));
            assertThat(why != null && why.containsKey(tg.name) || blocked)
                    .as("job %s has %d of %d and no evaluation says why", job.id, live, tg.count).isTrue();
            explained++;
        }
        for (Job registered : jobs) {
            Job job = state.job(registered.namespace, registered.id).orElseThrow();
            if (!Job.TYPE_SYSTEM.equals(job.type) || job.isStopped()) {
                continue;
            }
            long live = state.allocationsOfJob(job.namespace, job.id, true).stream()
                    .filter(a -> !a.terminalStatus()).count();
            long ready = state.nodes("").stream().filter(n -> n.ready() && job.datacenters.contains(n.datacenter))
                    .count();
            assertThat(live).as("system job %s on more nodes than are ready", job.id).isLessThanOrEqualTo(ready);
            if (live < ready) {
                // Full nodes are reported; nodes failing the job's constraints are skipped quietly.
                Evaluation latest = latestEvalOf(job);
                boolean blocked = state.evaluationsOfJob(job.namespace, job.id).stream()
                        .anyMatch(e -> Evaluation.STATUS_BLOCKED.equals(e.status));
                boolean constrained = job.constraints != null && !job.constraints.isEmpty();
                assertThat(constrained || blocked || (latest != null && latest.failedTgAllocs != null))
                        .as("system job %s on %d of %d ready nodes and no evaluation says why", job.id, live, ready)
                        .isTrue();
            }
        }
        assertThat(placedJobs).as("jobs fully placed").isPositive();
        assertThat(explained).as("jobs explained").isPositive();
    }

    private Evaluation latestEvalOf(Job job) {
        Evaluation latest = null;
        for (Evaluation e : state.evaluationsOfJob(job.namespace, job.id)) {
            if (e.isTerminal() && (latest == null || e.modifyIndex > latest.modifyIndex)) {
                latest = e;
            }
        }
        return latest;
    }

    private static List<Constraint> constraintsOf(Job job, TaskGroup tg) {
        List<Constraint> out = new ArrayList<>();
        if (job.constraints != null) {
            out.addAll(job.constraints);
        }
        if (tg != null && tg.constraints != null) {
            out.addAll(tg.constraints);
        }
        return out;
    }

    private static boolean holds(Node node, Constraint c) {
        String value = switch (c.lTarget) {
            case "${attr.kernel.name}" -> node.attributes.get("kernel.name");
            case "${meta.rack}" -> node.meta.get("rack");
            default -> throw new IllegalArgumentException(c.lTarget);
        };
        return "=".equals(c.operand) ? c.rTarget.equals(value) : !c.rTarget.equals(value);
    }

    // --- helpers

    private Node newNode() {
        int i = nextNode++;
        long cpu = 2000 + 1000L * random.nextInt(4);
        Node n = Fixtures.node(String.format("node-%05d", i), DCS.get(i % DCS.size()), cpu, 4096 + 4096L * random.nextInt(3));
        n.meta.put("rack", "r" + random.nextInt(8));
        if (random.nextInt(10) == 0) {
            n.attributes.put("kernel.name", "windows");
        }
        n.computeClass();
        return n;
    }

    private String randomNodeId() {
        List<Node> all = state.nodes("");
        return all.get(random.nextInt(all.size())).id;
    }

    private Job randomLiveJob() {
        List<Job> live = new ArrayList<>();
        for (Job j : jobs) {
            Job current = state.job(j.namespace, j.id).orElseThrow();
            if (!current.isStopped()) {
                live.add(current);
            }
        }
        return live.isEmpty() ? null : live.get(random.nextInt(live.size()));
    }

    private String newId() {
        return String.format("%08x-0000-4000-8000-%012d", seed & 0xffffffffL, ids.incrementAndGet());
    }

    private static boolean isZeroTime(String t) {
        return t == null || t.isEmpty() || t.startsWith("0001-01-01");
    }
}
