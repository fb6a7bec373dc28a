package io.drover.server;

import static io.drover.server.TestJobs.LONG_RUNNING;
import static io.drover.server.TestJobs.mock;
import static io.drover.server.TestJobs.register;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.client.sim.NodeSim;
import io.drover.client.sim.NodeSimConfig;
import io.drover.server.nodes.HeartbeatConfig;
import io.drover.testkit.http.Answer;
import io.drover.testkit.http.NomadClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduling path end to end in one JVM, as a Nomad API user sees it: a real dev agent
 * (Raft, RocksDB, broker, workers, plan applier, heartbeats, drainer) and simulated nodes that
 * register, heartbeat and run their allocations over gRPC. Five nodes of class "main" serve the
 * jobs that leave the nodes alone; a test that drains, adds or silences nodes brings its own
 * simulator with its own class, so tests do not disturb each other's allocations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchedulingApiTest {
    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final String MAIN = "main";

    @TempDir
    Path dir;
    Agent agent;
    NomadClient http;
    NodeSim mainNodes;
    final List<NodeSim> extraSims = new ArrayList<>();

    @BeforeAll
    void start() {
        // A node is down within 1-2 s of TTL plus 2 s of grace: fast enough for a test, yet a
        // loaded machine's pauses do not silence the healthy nodes.
        HeartbeatConfig heartbeats = new HeartbeatConfig(Duration.ofSeconds(1), 50.0, Duration.ofSeconds(2),
                Duration.ofMinutes(5));
        agent = TestAgents.dev(dir, b -> b.heartbeats(heartbeats).numSchedulers(2));
        http = TestAgents.http(agent.httpPort());
        await("dev agent elects itself", () -> agent.isLeader()
                && "true".equals(http.get("/v1/jobs").header("X-Nomad-KnownLeader")));
        mainNodes = sim(1, 5, MAIN);
    }

    @AfterAll
    void stop() {
        extraSims.forEach(NodeSim::close);
        if (mainNodes != null) {
            mainNodes.close();
        }
        agent.close();
    }

    /** Starts {@code count} simulated nodes of {@code nodeClass} and waits until all are ready and eligible. */
    private NodeSim sim(long seed, int count, String nodeClass) {
        NodeSimConfig config = NodeSimConfig.of(count, List.of(agent.config().grpcAddress()))
                .withClasses(List.of(nodeClass));
        config = new NodeSimConfig(config.nodes(), config.servers(), config.datacenters(), seed, config.cpuMhz(),
                config.memoryMb(), config.diskMb(), config.classes(), config.updateInterval(), Duration.ofSeconds(30));
        NodeSim sim = new NodeSim(config);
        if (!MAIN.equals(nodeClass)) {
            extraSims.add(sim);
        }
        sim.start();
        for (String id : sim.nodeIds()) {
            await("node " + id + " is ready", () -> {
                Answer node = http.get("/v1/node/" + id);
                return node.status() == 200 && "ready".equals(node.json().path("Status").asText());
            });
        }
        return sim;
    }

    @Test
    void serviceJobIsPlacedRunsAndScales() {
        Answer reg = http.post("/v1/jobs", register("web", "service", MAIN, 5, LONG_RUNNING));
        assertThat(reg.status()).isEqualTo(200);
        String evalId = reg.json().get("EvalID").asText();

        List<JsonNode> running = awaitRunning("web", 5);
        assertThat(running).extracting(a -> a.get("Name").asText())
                .containsExactlyInAnyOrder(names("web", 5));
        assertThat(running).allSatisfy(a -> {
            assertThat(a.get("EvalID").asText()).isEqualTo(evalId);
            assertThat(mainNodes.nodeIds()).contains(a.get("NodeID").asText());
            assertThat(a.get("DesiredStatus").asText()).isEqualTo("run");
        });
        awaitValue("summary shows 5 running", () -> http.get("/v1/job/web/summary").json(),
                s -> s.at("/Summary/g/Running").asInt() == 5 && s.at("/Summary/g/Starting").asInt() == 0);
        assertThat(http.get("/v1/job/web").json().get("Status").asText()).isEqualTo("running");
        JsonNode eval = awaitValue("the register evaluation completes", () -> http.get("/v1/evaluation/" + evalId).json(),
                e -> "complete".equals(e.get("Status").asText()));
        assertThat(eval.has("FailedTGAllocs")).isFalse();

        String allocId = running.get(0).get("ID").asText();
        Answer one = http.get("/v1/allocation/" + allocId);
        assertThat(one.status()).isEqualTo(200);
        JsonNode alloc = one.json();
        assertThat(alloc.get("ID").asText()).isEqualTo(allocId);
        assertThat(alloc.get("Job").get("ID").asText()).isEqualTo("web");
        assertThat(alloc.get("Job").get("TaskGroups").get(0).get("Count").asInt()).isEqualTo(5);
        assertThat(alloc.at("/TaskStates/t/State").asText()).isEqualTo("running");
        assertThat(alloc.get("AllocatedResources").at("/Tasks/t/Cpu/CpuShares").asInt()).isEqualTo(100);
        assertThat(one.index()).isGreaterThanOrEqualTo(alloc.get("ModifyIndex").asLong());

        Set<String> ids = ids(running);
        assertThat(ids(list(http.get("/v1/allocations").json()))).containsAll(ids);
        assertThat(ids(list(http.get("/v1/evaluation/" + evalId + "/allocations").json())))
                .containsExactlyInAnyOrderElementsOf(ids);
        String nodeId = alloc.get("NodeID").asText();
        assertThat(ids(list(http.get("/v1/node/" + nodeId + "/allocations").json()))).contains(allocId);

        // Scaling up is a re-register with a higher count: the five stay, two join them.
        assertThat(http.post("/v1/job/web", register("web", "service", MAIN, 7, LONG_RUNNING)).status())
                .isEqualTo(200);
        List<JsonNode> scaled = awaitRunning("web", 7);
        assertThat(scaled).extracting(a -> a.get("Name").asText()).containsExactlyInAnyOrder(names("web", 7));
        assertThat(ids(scaled)).containsAll(ids);
        awaitValue("summary shows 7 running", () -> http.get("/v1/job/web/summary").json(),
                s -> s.at("/Summary/g/Running").asInt() == 7);
    }

    @Test
    void aNonDestructiveUpdateMovesTheRunningAllocationsToTheNewVersionInPlace() {
        assertThat(http.post("/v1/jobs", register("inplace", "service", MAIN, 2, LONG_RUNNING)).status())
                .isEqualTo(200);
        List<JsonNode> first = awaitRunning("inplace", 2);
        Set<String> ids = ids(first);

        // A count change leaves the tasks alone (Nomad's tasksUpdated): the two are updated in
        // place to version 1 and a third joins them.
        Answer scaled = http.post("/v1/job/inplace", register("inplace", "service", MAIN, 3, LONG_RUNNING));
        assertThat(scaled.status()).isEqualTo(200);
        String scaleEval = scaled.json().get("EvalID").asText();
        List<JsonNode> v1 = awaitValue("every allocation on version 1", () -> running("inplace"),
                l -> l.size() == 3 && l.stream().allMatch(a -> a.get("JobVersion").asInt() == 1));
        assertThat(ids(v1)).containsAll(ids);
        for (JsonNode before : first) {
            JsonNode after = full(before);
            assertThat(after.get("EvalID").asText()).isEqualTo(scaleEval);
            assertThat(after.at("/Job/Version").asInt()).isEqualTo(1);
            assertThat(after.at("/Job/TaskGroups/0/Count").asInt()).isEqualTo(3);
            assertThat(after.get("CreateIndex").asLong()).isEqualTo(before.get("CreateIndex").asLong());
            assertThat(after.get("AllocModifyIndex").asLong()).isGreaterThan(before.get("CreateIndex").asLong())
                    .isLessThanOrEqualTo(after.get("ModifyIndex").asLong());
            assertThat(after.at("/TaskStates/t/Restarts").asInt()).as("the task kept running").isZero();
        }

        // So does a new restart policy: all three move to version 2, none is replaced.
        String policy = ", \"RestartPolicy\": {\"Attempts\": 5, \"Interval\": 600000000000,"
                + " \"Delay\": 1000000000, \"Mode\": \"delay\"}";
        assertThat(http.post("/v1/job/inplace", register("inplace", "service", MAIN, 3, LONG_RUNNING, policy))
                .status()).isEqualTo(200);
        List<JsonNode> v2 = awaitValue("every allocation on version 2", () -> running("inplace"),
                l -> l.size() == 3 && l.stream().allMatch(a -> a.get("JobVersion").asInt() == 2));
        assertThat(ids(v2)).isEqualTo(ids(v1));
        assertThat(full(v2.get(0)).at("/Job/TaskGroups/0/RestartPolicy/Attempts").asInt()).isEqualTo(5);
        assertThat(list(http.get("/v1/job/inplace/allocations").json())).hasSize(3);
    }

    @Test
    void aJobWhosePlacementsOutgrowOneRaftEntryIsPlacedInFull() {
        // 2,500 placements are some 5 MB of allocations: more than one Raft log entry may hold,
        // so the plan is committed in several (it once failed, and cost the leader its leadership).
        NodeSim wide = new NodeSim(new NodeSimConfig(4, List.of(agent.config().grpcAddress()), List.of("dc1"), 7,
                20_000, 32_768, 1_000_000, List.of("wide"), NodeSimConfig.DEFAULT_UPDATE_INTERVAL,
                Duration.ofSeconds(30)));
        extraSims.add(wide);
        wide.start();
        String task = "\"Driver\": \"mock_driver\", \"Config\": {\"run_for\": \"1h\"}";
        String job = TestJobs.register("wide", "service", "wide", 2_500, task).replace(
                "\"Resources\": {\"CPU\": 100, \"MemoryMB\": 32}", "\"Resources\": {\"CPU\": 20, \"MemoryMB\": 10}");

        Answer reg = http.post("/v1/jobs", job);

        assertThat(reg.status()).as(reg.body()).isEqualTo(200);
        awaitValue("2,500 allocations placed", () -> http.get("/v1/job/wide/summary").json(),
                sum -> sum.at("/Summary/g/Running").asInt() + sum.at("/Summary/g/Starting").asInt() == 2_500);
        assertThat(agent.isLeader()).as("still the leader").isTrue();
        assertThat(http.get("/v1/job/wide/allocations").json()).hasSize(2_500);
    }

    @Test
    void scaleActionPlacesTheNewCountShowsItInScaleStatusAndKeepsToTheBounds() {
        String bounded = ", \"Scaling\": {\"Min\": 1, \"Max\": 4, \"Enabled\": true}";
        assertThat(http.post("/v1/jobs", register("scaled", "service", MAIN, 2, LONG_RUNNING, bounded)).status())
                .isEqualTo(200);
        awaitRunning("scaled", 2);

        Answer up = http.post("/v1/job/scaled/scale",
                "{\"Count\": 4, \"Target\": {\"Group\": \"g\"}, \"Message\": \"busy\", \"Meta\": {\"by\": \"test\"}}");
        assertThat(up.status()).isEqualTo(200);
        JsonNode answer = up.json();
        String evalId = answer.get("EvalID").asText();
        assertThat(evalId).isNotEmpty();
        assertThat(answer.get("EvalCreateIndex").asLong()).isEqualTo(answer.get("Index").asLong());
        assertThat(answer.get("JobModifyIndex").asLong()).isEqualTo(answer.get("Index").asLong());
        assertThat(up.index()).isEqualTo(answer.get("Index").asLong());

        awaitRunning("scaled", 4);
        JsonNode status = awaitValue("scale status shows 4 running", () -> http.get("/v1/job/scaled/scale").json(),
                s -> s.at("/TaskGroups/g/Running").asInt() == 4);
        assertThat(status.get("JobID").asText()).isEqualTo("scaled");
        assertThat(status.get("JobStopped").asBoolean()).isFalse();
        assertThat(status.at("/TaskGroups/g/Desired").asInt()).isEqualTo(4);
        assertThat(status.at("/TaskGroups/g/Placed").asInt()).isEqualTo(4);
        JsonNode event = status.at("/TaskGroups/g/Events/0");
        assertThat(event.get("Count").asInt()).isEqualTo(4);
        assertThat(event.get("Message").asText()).isEqualTo("busy");
        assertThat(event.get("EvalID").asText()).isEqualTo(evalId);
        assertThat(event.at("/Meta/by").asText()).isEqualTo("test");
        JsonNode job = http.get("/v1/job/scaled").json();
        assertThat(job.get("Version").asInt()).isEqualTo(1);
        assertThat(job.at("/TaskGroups/0/Count").asInt()).isEqualTo(4);
        assertThat(http.get("/v1/job/scaled/scale").index()).isGreaterThanOrEqualTo(job.get("ModifyIndex").asLong());

        Answer over = http.post("/v1/job/scaled/scale", "{\"Count\": 5, \"Target\": {\"Group\": \"g\"}}");
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.body()).isEqualTo("group count was greater than scaling policy maximum: 5 > 4");
        Answer unknownGroup = http.post("/v1/job/scaled/scale", "{\"Count\": 1, \"Target\": {\"Group\": \"x\"}}");
        assertThat(unknownGroup.status()).isEqualTo(400);
        assertThat(unknownGroup.body()).isEqualTo("task group \"x\" specified for scaling does not exist in job");
        Answer unknownJob = http.post("/v1/job/nope/scale", "{\"Count\": 1, \"Target\": {\"Group\": \"g\"}}");
        assertThat(unknownJob.status()).isEqualTo(404);
        assertThat(http.get("/v1/job/nope/scale").status()).isEqualTo(404);

        Answer error = http.post("/v1/job/scaled/scale",
                "{\"Error\": true, \"Target\": {\"Group\": \"g\"}, \"Message\": \"metrics missing\"}");
        assertThat(error.status()).isEqualTo(200);
        assertThat(error.json().get("EvalID").asText()).isEmpty();
        JsonNode events = http.get("/v1/job/scaled/scale").json().at("/TaskGroups/g/Events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("Error").asBoolean()).isTrue();
        assertThat(events.get(0).get("Count").isNull()).isTrue();
        assertThat(http.get("/v1/job/scaled").json().get("Version").asInt()).isEqualTo(1);

        // A re-register that preserves counts keeps the scaled 4, not the file's 2.
        String preserving = "{\"PreserveCounts\": true, \"Job\": "
                + TestJobs.job("scaled", "service", MAIN, 2, LONG_RUNNING, bounded + ", \"Meta\": {\"v\": \"2\"}") + "}";
        assertThat(http.post("/v1/job/scaled", preserving).status()).isEqualTo(200);
        JsonNode preserved = http.get("/v1/job/scaled").json();
        assertThat(preserved.get("Version").asInt()).isEqualTo(2);
        assertThat(preserved.at("/TaskGroups/0/Count").asInt()).isEqualTo(4);
    }

    @Test
    void blockingAllocationsQueryWakesOnPlacement() {
        Answer before = http.get("/v1/job/waker/allocations");
        assertThat(before.json()).isEmpty();
        // An empty allocations table answers 0, which would not block (as in Nomad): wait past 1 then.
        long index = Math.max(1, before.index());
        int parked = agent.parkedQueries();
        CompletableFuture<Answer> blocked = CompletableFuture.supplyAsync(
                () -> http.get("/v1/job/waker/allocations?index=" + index + "&wait=30s"));
        await("the query parks", () -> agent.parkedQueries() > parked);
        assertThat(blocked).isNotDone();

        http.post("/v1/jobs", register("waker", "service", MAIN, 1, LONG_RUNNING));
        Answer woken = blocked.join();
        assertThat(woken.status()).isEqualTo(200);
        assertThat(woken.index()).isGreaterThan(index);
        // Another write to the allocations table may wake it first; then the caller blocks again.
        JsonNode allocs = woken.json();
        long last = woken.index();
        while (allocs.isEmpty()) {
            Answer again = http.get("/v1/job/waker/allocations?index=" + last + "&wait=30s");
            assertThat(again.index()).isGreaterThan(last);
            last = again.index();
            allocs = again.json();
        }
        assertThat(allocs.get(0).get("Name").asText()).isEqualTo("waker.g[0]");
        assertThat(last).isGreaterThanOrEqualTo(allocs.get(0).get("CreateIndex").asLong());
    }

    @Test
    void planOfANewJobShowsPlacementsAndDiffButCreatesNothing() {
        String body = "{\"Job\": " + TestJobs.job("planned", "service", MAIN, 3, LONG_RUNNING, "")
                + ", \"Diff\": true}";
        Answer plan = http.post("/v1/job/planned/plan", body);
        assertThat(plan.status()).isEqualTo(200);
        JsonNode p = plan.json();
        JsonNode updates = p.at("/Annotations/DesiredTGUpdates/g");
        assertThat(updates.get("Place").asInt()).isEqualTo(3);
        assertThat(updates.get("Ignore").asInt()).isZero();
        assertThat(p.get("FailedTGAllocs").isNull()).isTrue();
        assertThat(p.get("JobModifyIndex").asLong()).isZero();
        JsonNode diff = p.get("Diff");
        assertThat(diff.get("Type").asText()).isEqualTo("Added");
        JsonNode group = diff.get("TaskGroups").get(0);
        assertThat(group.at("/Updates/create").asInt()).isEqualTo(3);
        assertThat(group.get("Tasks").get(0).get("Annotations")).extracting(JsonNode::asText)
                .containsExactly("forces create");

        assertThat(http.get("/v1/job/planned").status()).isEqualTo(404);
        assertThat(list(http.get("/v1/allocations").json()))
                .noneMatch(a -> "planned".equals(a.get("JobID").asText()));
        assertThat(list(http.get("/v1/evaluations").json()))
                .noneMatch(e -> "planned".equals(e.get("JobID").asText()));
    }

    @Test
    void infeasibleJobIsBlockedUntilANodeOfItsClassJoins() {
        String evalId = http.post("/v1/jobs", register("gpu-job", "service", "gpu", 1, LONG_RUNNING))
                .json().get("EvalID").asText();
        JsonNode eval = awaitValue("the evaluation completes with a failed placement",
                () -> http.get("/v1/evaluation/" + evalId).json(), e -> "complete".equals(e.get("Status").asText()));
        JsonNode metric = eval.at("/FailedTGAllocs/g");
        // Each node is evaluated; after the first of a computed class, the class's verdict is reused.
        assertThat(metric.get("NodesEvaluated").asInt()).as(eval.toString()).isGreaterThanOrEqualTo(5);
        assertThat(metric.get("NodesFiltered").asInt()).isEqualTo(metric.get("NodesEvaluated").asInt());
        assertThat(metric.at("/ConstraintFiltered/${node.class} = gpu").asInt()).isPositive();
        assertThat(metric.at("/ClassFiltered/main").asInt()).isEqualTo(5);
        String blockedId = eval.get("BlockedEval").asText();
        assertThat(blockedId).isNotEmpty();
        JsonNode blocked = http.get("/v1/evaluation/" + blockedId).json();
        assertThat(blocked.get("Status").asText()).isEqualTo("blocked");
        assertThat(blocked.get("PreviousEval").asText()).isEqualTo(evalId);
        assertThat(blocked.get("JobID").asText()).isEqualTo("gpu-job");
        // The blocked evaluation and its creator's completion are written in one Raft entry.
        assertThat(blocked.get("CreateIndex").asLong()).isEqualTo(eval.get("ModifyIndex").asLong());
        JsonNode summary = http.get("/v1/job/gpu-job/summary").json();
        assertThat(summary.at("/Summary/g/Queued").asInt()).isEqualTo(1);
        assertThat(http.get("/v1/job/gpu-job").json().get("Status").asText()).isEqualTo("pending");

        NodeSim gpu = sim(2, 1, "gpu");
        List<JsonNode> running = awaitRunning("gpu-job", 1);
        assertThat(running.get(0).get("NodeID").asText()).isEqualTo(gpu.nodeIds().get(0));
        assertThat(running.get(0).get("EvalID").asText()).isEqualTo(blockedId);
        awaitValue("the unblocked evaluation completes", () -> http.get("/v1/evaluation/" + blockedId).json(),
                e -> "complete".equals(e.get("Status").asText()));
        awaitValue("nothing queued any more", () -> http.get("/v1/job/gpu-job/summary").json(),
                s -> s.at("/Summary/g/Queued").asInt() == 0 && s.at("/Summary/g/Running").asInt() == 1);
    }

    @Test
    void batchJobRunsToCompletionAndIsDead() {
        http.post("/v1/jobs", register("once", "batch", MAIN, 1, mock("1s", 0)));
        JsonNode alloc = awaitValue("the batch allocation completes", () -> http.get("/v1/job/once/allocations").json(),
                a -> a.size() == 1 && "complete".equals(a.get(0).get("ClientStatus").asText())).get(0);
        assertThat(alloc.at("/TaskStates/t/State").asText()).isEqualTo("dead");
        assertThat(alloc.at("/TaskStates/t/Failed").asBoolean()).isFalse();
        awaitValue("the job is dead", () -> http.get("/v1/job/once").json(),
                j -> "dead".equals(j.get("Status").asText()));
        JsonNode summary = http.get("/v1/job/once/summary").json();
        assertThat(summary.at("/Summary/g/Complete").asInt()).isEqualTo(1);
        assertThat(summary.at("/Summary/g/Running").asInt()).isZero();
    }

    @Test
    void failedAllocationIsRescheduledOnceThenOnlyWhenForced() {
        Answer reg = http.post("/v1/jobs", register("flaky", "service", MAIN, 1, mock("200ms", 1),
                TestJobs.failOnceThenRescheduleOnce("5000000000")));
        assertThat(reg.status()).isEqualTo(200);
        List<JsonNode> both = awaitValue("the replacement fails too", () -> list(http.get("/v1/job/flaky/allocations").json()),
                l -> l.size() == 2 && l.stream().allMatch(a -> "failed".equals(a.get("ClientStatus").asText())));
        JsonNode first = full(both.stream().filter(a -> !a.has("RescheduleTracker")
                || a.get("RescheduleTracker").isNull()).findFirst().orElseThrow());
        JsonNode second = full(both.stream().filter(a -> !a.get("ID").asText().equals(first.get("ID").asText()))
                .findFirst().orElseThrow());
        assertThat(first.get("NextAllocation").asText()).isEqualTo(second.get("ID").asText());
        assertThat(second.get("PreviousAllocation").asText()).isEqualTo(first.get("ID").asText());
        assertThat(second.get("Name").asText()).isEqualTo("flaky.g[0]");
        assertThat(second.at("/RescheduleTracker/Events")).hasSize(1);
        assertThat(second.at("/RescheduleTracker/Events/0/PrevAllocID").asText()).isEqualTo(first.get("ID").asText());
        assertThat(second.has("NextAllocation")).isFalse();

        List<JsonNode> evals = list(http.get("/v1/job/flaky/evaluations").json());
        assertThat(evals).anyMatch(e -> "alloc-failure".equals(e.get("TriggeredBy").asText()));
        // The attempt is used up: the second failure asked for no evaluation, so nothing is left to run.
        awaitValue("every evaluation is done", () -> list(http.get("/v1/job/flaky/evaluations").json()),
                l -> l.stream().noneMatch(e -> Set.of("pending", "blocked").contains(e.get("Status").asText())));
        assertThat(list(http.get("/v1/job/flaky/allocations").json())).hasSize(2);

        // As in Nomad, a body must name the job.
        Answer forced = http.post("/v1/job/flaky/evaluate",
                "{\"JobID\": \"flaky\", \"EvalOptions\": {\"ForceReschedule\": true}}");
        assertThat(forced.status()).isEqualTo(200);
        String forcedEval = forced.json().get("EvalID").asText();
        assertThat(forcedEval).isNotEmpty();
        JsonNode marked = full(second);
        assertThat(marked.at("/DesiredTransition/ForceReschedule").asBoolean()).isTrue();
        assertThat(full(first).at("/DesiredTransition/ForceReschedule").asBoolean())
                .as("an allocation already replaced is not forced again").isFalse();
        JsonNode third = awaitValue("a third allocation is placed", () -> list(http.get("/v1/job/flaky/allocations").json()),
                l -> l.size() == 3).stream()
                .filter(a -> !Set.of(first.get("ID").asText(), second.get("ID").asText()).contains(a.get("ID").asText()))
                .findFirst().orElseThrow();
        assertThat(third.get("EvalID").asText()).isEqualTo(forcedEval);
        assertThat(full(second).get("NextAllocation").asText()).isEqualTo(third.get("ID").asText());
    }

    @Test
    void stoppedAllocationIsReplaced() {
        http.post("/v1/jobs", register("stopme", "service", MAIN, 1, LONG_RUNNING));
        String old = awaitRunning("stopme", 1).get(0).get("ID").asText();

        Answer stop = http.post("/v1/allocation/" + old + "/stop", "");
        assertThat(stop.status()).isEqualTo(200);
        String evalId = stop.json().get("EvalID").asText();
        assertThat(evalId).isNotEmpty();
        assertThat(stop.json().get("Index").asLong()).isPositive();
        JsonNode eval = http.get("/v1/evaluation/" + evalId).json();
        assertThat(eval.get("TriggeredBy").asText()).isEqualTo("alloc-stop");
        assertThat(eval.get("JobID").asText()).isEqualTo("stopme");

        // Like Nomad, the stop only marks the allocation for migration: it keeps running (and is
        // listed as such) until the scheduler has processed the evaluation.
        JsonNode replacement = awaitValue("a replacement of " + old + " runs", () -> running("stopme"),
                l -> l.size() == 1 && !l.get(0).get("ID").asText().equals(old)).get(0);
        assertThat(replacement.get("Name").asText()).isEqualTo("stopme.g[0]");
        assertThat(full(replacement).get("PreviousAllocation").asText()).isEqualTo(old);
        JsonNode stopped = awaitValue("the old allocation stops", () -> full(old),
                a -> "complete".equals(a.get("ClientStatus").asText()));
        assertThat(stopped.get("DesiredStatus").asText()).isEqualTo("stop");
        assertThat(stopped.at("/DesiredTransition/Migrate").asBoolean()).isTrue();
    }

    @Test
    void drainMigratesAllocationsThenLeavesTheNodeIneligible() {
        NodeSim drainable = sim(3, 2, "drain");
        http.post("/v1/jobs", register("drained", "service", "drain", 2, LONG_RUNNING,
                ", \"Migrate\": {\"MaxParallel\": 1}"));
        List<JsonNode> running = awaitRunning("drained", 2);
        String nodeId = running.get(0).get("NodeID").asText();
        String other = drainable.nodeIds().stream().filter(id -> !id.equals(nodeId)).findFirst().orElseThrow();

        Answer drain = http.post("/v1/node/" + nodeId + "/drain",
                "{\"DrainSpec\": {\"Deadline\": 60000000000, \"IgnoreSystemJobs\": false}, \"MarkEligible\": false}");
        assertThat(drain.status()).isEqualTo(200);
        JsonNode draining = http.get("/v1/node/" + nodeId).json();
        assertThat(draining.get("Drain").asBoolean()).isTrue();
        assertThat(draining.get("SchedulingEligibility").asText()).isEqualTo("ineligible");
        assertThat(draining.at("/DrainStrategy/Deadline").asLong()).isEqualTo(60_000_000_000L);
        assertThat(draining.at("/DrainStrategy/ForceDeadline").asText()).isNotEmpty();

        JsonNode done = awaitValue("the drain completes", () -> http.get("/v1/node/" + nodeId).json(),
                n -> !n.get("Drain").asBoolean());
        assertThat(done.get("DrainStrategy").isNull()).isTrue();
        assertThat(done.get("SchedulingEligibility").asText()).isEqualTo("ineligible");
        assertThat(list(done.get("Events"))).extracting(e -> e.get("Message").asText())
                .contains("Node drain strategy set", "Node drain complete");
        assertThat(list(http.get("/v1/node/" + nodeId + "/allocations").json()))
                .allMatch(a -> "stop".equals(a.get("DesiredStatus").asText()));
        List<JsonNode> moved = awaitRunning("drained", 2);
        assertThat(moved).allMatch(a -> other.equals(a.get("NodeID").asText()));

        Answer eligible = http.post("/v1/node/" + nodeId + "/eligibility", "{\"Eligibility\": \"eligible\"}");
        assertThat(eligible.status()).isEqualTo(200);
        JsonNode node = http.get("/v1/node/" + nodeId).json();
        assertThat(node.get("SchedulingEligibility").asText()).isEqualTo("eligible");
        assertThat(list(node.get("Events"))).extracting(e -> e.get("Message").asText())
                .contains("Node marked as eligible for scheduling");
    }

    @Test
    void systemJobRunsOncePerEligibleNode() {
        http.post("/v1/jobs", register("everywhere", "system", MAIN, 1, LONG_RUNNING));
        List<JsonNode> running = awaitRunning("everywhere", mainNodes.nodeIds().size());
        assertThat(running).extracting(a -> a.get("NodeID").asText())
                .containsExactlyInAnyOrderElementsOf(mainNodes.nodeIds());
        assertThat(running).allMatch(a -> "everywhere.g[0]".equals(a.get("Name").asText()));
    }

    @Test
    void silentNodesGoDownAndTheirAllocationsAreReplaced() {
        NodeSim first = sim(4, 2, "lossy");
        NodeSim second = sim(5, 2, "lossy");
        http.post("/v1/jobs", register("survivor", "service", "lossy", 2, LONG_RUNNING));
        List<JsonNode> running = awaitRunning("survivor", 2);
        NodeSim silenced = first.nodeIds().contains(running.get(0).get("NodeID").asText()) ? first : second;
        NodeSim alive = silenced == first ? second : first;
        Set<String> onSilenced = running.stream().filter(a -> silenced.nodeIds().contains(a.get("NodeID").asText()))
                .map(a -> a.get("ID").asText()).collect(Collectors.toSet());

        silenced.close();
        for (String id : silenced.nodeIds()) {
            JsonNode node = awaitValue("node " + id + " is down", () -> http.get("/v1/node/" + id).json(),
                    n -> "down".equals(n.get("Status").asText()));
            assertThat(list(node.get("Events"))).extracting(e -> e.get("Message").asText())
                    .contains("Node heartbeat missed");
        }
        for (String id : onSilenced) {
            JsonNode lost = awaitValue("allocation " + id + " is lost", () -> full(id),
                    a -> "lost".equals(a.get("ClientStatus").asText()));
            assertThat(lost.get("DesiredStatus").asText()).isEqualTo("stop");
        }
        List<JsonNode> replaced = awaitRunning("survivor", 2);
        assertThat(replaced).allMatch(a -> alive.nodeIds().contains(a.get("NodeID").asText()));
        assertThat(alive.nodeIds()).allMatch(id -> "ready".equals(http.get("/v1/node/" + id).json()
                .get("Status").asText()));
    }

    // --- helpers ---

    /** Waits until the job has exactly {@code count} allocations meant to run and running; returns them. */
    private List<JsonNode> awaitRunning(String job, int count) {
        return awaitValue(count + " running allocations of " + job, () -> running(job), l -> l.size() == count);
    }

    private List<JsonNode> running(String job) {
        return list(http.get("/v1/job/" + job + "/allocations").json()).stream()
                .filter(a -> "run".equals(a.get("DesiredStatus").asText())
                        && "running".equals(a.get("ClientStatus").asText()))
                .toList();
    }

    private JsonNode full(JsonNode stub) {
        return full(stub.get("ID").asText());
    }

    private JsonNode full(String allocId) {
        Answer a = http.get("/v1/allocation/" + allocId);
        assertThat(a.status()).isEqualTo(200);
        return a.json();
    }

    private static String[] names(String job, int count) {
        return IntStream.range(0, count).mapToObj(i -> job + ".g[" + i + "]").toArray(String[]::new);
    }

    private static Set<String> ids(List<JsonNode> allocs) {
        Set<String> ids = new HashSet<>();
        allocs.forEach(a -> ids.add(a.get("ID").asText()));
        return ids;
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** Polls {@code read} until {@code done} holds (bounded), and returns the value that satisfied it. */
    private static <T> T awaitValue(String what, Supplier<T> read, Predicate<T> done) {
        List<T> last = new ArrayList<>(1);
        try {
            org.awaitility.Awaitility.await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> {
                T value = read.get();
                last.clear();
                last.add(value);
                return done.test(value);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(what + ": not within " + PATIENCE + "; last seen: " + last, e);
        }
        return last.get(0);
    }

    private static void await(String what, java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(condition);
    }
}
