package io.drover.server.nodes;

import static io.drover.testkit.fixtures.NodeAllocCommands.node;
import static io.drover.testkit.fixtures.NodeAllocCommands.placement;
import static io.drover.testkit.fixtures.NodeAllocCommands.plan;
import static io.drover.testkit.fixtures.NodeAllocCommands.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.DesiredTransition;
import io.drover.model.json.GoTime;
import io.drover.model.json.NomadJson;
import io.drover.model.node.DrainStrategy;
import io.drover.model.node.Node;
import io.drover.model.node.NodeEvent;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.NodeDrainCommand;
import io.drover.proto.raft.PlanResultsCommand;
import io.drover.proto.raft.RaftCommand;
import io.drover.server.leader.Stamps;
import io.drover.server.testing.TestStore;
import io.drover.state.StateReader;
import io.drover.testkit.clock.ManualClock;
import io.drover.testkit.fixtures.Commands;
import io.drover.testkit.fixtures.JobBody;
import io.drover.testkit.fixtures.NodeAllocCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node drainer's passes over a real state store, its writes applied as Raft would, and the
 * scheduler's part (stopping what was marked, placing replacements) played by the test.
 */
class NodeDrainerTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final Duration DEADLINE = Duration.ofHours(1);

    @TempDir
    Path dir;
    TestStore state;
    ManualClock clock;
    NodeDrainer drainer;
    Job web;
    Job batch;
    Job system;
    List<Allocation> webAllocs = new ArrayList<>();
    Allocation batchAlloc;
    Allocation systemAlloc;
    int evalSeq;

    @BeforeEach
    void setUp() {
        state = new TestStore(dir);
        clock = new ManualClock(NOW);
        drainer = new NodeDrainer(state.store(), new Stamps(clock, new Random(1)),
                command -> CompletableFuture.completedFuture(state.apply(command)));
        state.apply(NodeAllocCommands.upsert(node("n1", "")));
        state.apply(NodeAllocCommands.upsert(node("n2", "")));
        web = register(JobBody.service("web").count(4).groupSetting("Migrate", "{\"MaxParallel\":2}").canonical());
        batch = register(JobBody.batch("crunch").canonical());
        system = register(JobBody.ofType("sys", "system").canonical());
        for (int i = 0; i < 4; i++) {
            webAllocs.add(placement(web, node("n1", ""), "eval-web", i, 1));
        }
        batchAlloc = placement(batch, node("n1", ""), "eval-batch", 0, 1);
        systemAlloc = placement(system, node("n1", ""), "eval-sys", 0, 1);
        List<Allocation> all = new ArrayList<>(webAllocs);
        all.add(batchAlloc);
        all.add(systemAlloc);
        state.applyPlan(web, plan("eval-0", all.toArray(Allocation[]::new)));
        running(all);
    }

    @AfterEach
    void tearDown() {
        state.close();
    }

    private Job register(Job job) {
        state.apply(Commands.register(job, 1));
        try (StateReader r = state.store().reader()) {
            return r.job("default", job.id).orElseThrow();
        }
    }

    private void running(List<Allocation> allocs) {
        state.apply(NodeAllocCommands.clientUpdate(
                allocs.stream().map(a -> report(a.id, Allocation.CLIENT_RUNNING)).toList()));
    }

    private void startDrain(boolean ignoreSystemJobs) {
        DrainStrategy strategy = new DrainStrategy();
        strategy.deadline = DEADLINE.toNanos();
        strategy.ignoreSystemJobs = ignoreSystemJobs;
        strategy.startedAt = GoTime.format(NOW);
        strategy.forceDeadline = GoTime.format(NOW.plus(DEADLINE));
        state.apply(RaftCommand.newBuilder().setNodeDrain(NodeDrainCommand.newBuilder().setNodeId("n1")
                .setDrainStrategyJson(ByteString.copyFrom(NomadJson.write(strategy)))
                .setUpdatedAtUnix(NOW.getEpochSecond())).build());
    }

    /** The scheduler's answer to a migration: the marked allocations stop, replacements go to n2. */
    private List<Allocation> migrate(Job job, Set<String> ids) {
        PlanResultsCommand.Builder p = plan("eval-s" + (++evalSeq));
        List<Allocation> replacements = new ArrayList<>();
        for (String id : ids) {
            p.addStopped(NodeAllocCommands.stopped(id, "alloc is being migrated"));
            Allocation r = placement(job, node("n2", ""), "eval-s" + evalSeq, 0, 2);
            r.previousAllocation = id;
            replacements.add(r);
            p.addAllocJson(Commands.json(r));
        }
        state.applyPlan(job, p);
        return replacements;
    }

    private static Set<String> marked(List<RaftCommand> commands) {
        return commands.stream().filter(RaftCommand::hasAllocDesiredTransition)
                .flatMap(c -> c.getAllocDesiredTransition().getTransitionsJsonMap().entrySet().stream())
                .filter(e -> NomadJson.read(e.getValue().toByteArray(), DesiredTransition.class).shouldMigrate())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static Set<String> ids(List<Allocation> allocs) {
        return allocs.stream().map(a -> a.id).collect(Collectors.toSet());
    }

    @Test
    void nothingIsDoneForNodesNotDraining() {
        assertThat(drainer.pass()).isEmpty();
    }

    @Test
    void serviceAllocationsMoveAtMostMaxParallelAtATime() {
        startDrain(false);

        List<RaftCommand> first = drainer.pass();
        Set<String> firstWave = marked(first);
        assertThat(firstWave).hasSize(2).isSubsetOf(ids(webAllocs));
        List<Evaluation> evals = first.get(0).getAllocDesiredTransition().getEvalJsonList().stream()
                .map(b -> NomadJson.read(b.toByteArray(), Evaluation.class)).toList();
        assertThat(evals).extracting(e -> e.jobId).containsExactly("web");
        assertThat(evals.get(0).triggeredBy).isEqualTo(Evaluation.TRIGGER_NODE_DRAIN);

        List<Allocation> replacements = migrate(web, firstWave);
        assertThat(marked(drainer.pass())).as("the replacements are not running yet").isEmpty();

        running(replacements);
        Set<String> secondWave = marked(drainer.pass());
        assertThat(secondWave).hasSize(2).doesNotContainAnyElementsOf(firstWave).isSubsetOf(ids(webAllocs));
    }

    @Test
    void batchWaitsForTheDeadlineAndSystemGoesLast() {
        startDrain(false);
        Set<String> first = marked(drainer.pass());
        running(migrate(web, first));
        running(migrate(web, marked(drainer.pass())));
        List<RaftCommand> quiet = drainer.pass();
        assertThat(marked(quiet)).as("batch waits for the deadline, system for the rest").isEmpty();
        assertThat(quiet).noneMatch(RaftCommand::hasNodeDrain);

        clock.advance(DEADLINE.plusSeconds(1));
        assertThat(marked(drainer.pass())).containsExactly(batchAlloc.id);
        migrate(batch, Set.of(batchAlloc.id));

        assertThat(marked(drainer.pass())).containsExactly(systemAlloc.id);
        state.applyPlan(system, plan("eval-sys-stop").addStopped(
                NodeAllocCommands.stopped(systemAlloc.id, "alloc is being migrated")));

        List<RaftCommand> last = drainer.pass();
        assertThat(last).hasSize(1);
        assertDrainComplete(last.get(0));
    }

    @Test
    void ignoredSystemJobsStayAndDoNotHoldTheDrainUp() {
        startDrain(true);
        clock.advance(DEADLINE.plusSeconds(1));
        Set<String> forced = marked(drainer.pass());
        assertThat(forced).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(ids(webAllocs).stream(), java.util.stream.Stream.of(batchAlloc.id))
                        .toList());
        migrate(web, ids(webAllocs));
        migrate(batch, Set.of(batchAlloc.id));

        List<RaftCommand> last = drainer.pass();
        assertThat(marked(last)).isEmpty();
        assertThat(last).hasSize(1);
        assertDrainComplete(last.get(0));
        try (StateReader r = state.store().reader()) {
            assertThat(r.allocation(systemAlloc.id).orElseThrow().terminalStatus()).isFalse();
        }
    }

    private void assertDrainComplete(RaftCommand command) {
        assertThat(command.hasNodeDrain()).isTrue();
        NodeDrainCommand done = command.getNodeDrain();
        assertThat(done.getNodeId()).isEqualTo("n1");
        assertThat(done.getDrainStrategyJson().isEmpty()).isTrue();
        assertThat(done.getMarkEligible()).isFalse();
        assertThat(NomadJson.read(done.getEventJson().toByteArray(), NodeEvent.class).message)
                .isEqualTo("Node drain complete");
        try (StateReader r = state.store().reader()) {
            Node n1 = r.node("n1").orElseThrow();
            assertThat(n1.drainStrategy).isNull();
            assertThat(n1.schedulingEligibility).isEqualTo(Node.INELIGIBLE);
        }
        assertThat(drainer.pass()).as("nothing left to drain").isEmpty();
    }
}
