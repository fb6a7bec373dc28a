package io.drover.server.leader;

import static io.drover.testkit.fixtures.NodeAllocCommands.node;
import static io.drover.testkit.fixtures.NodeAllocCommands.placement;
import static io.drover.testkit.fixtures.NodeAllocCommands.plan;
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
import io.drover.proto.raft.AllocClientUpdateCommand;
import io.drover.proto.raft.AllocDesiredTransitionCommand;
import io.drover.proto.raft.NodeDrainCommand;
import io.drover.proto.raft.NodeStatusCommand;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.rpc.AllocStopRequest;
import io.drover.proto.rpc.AllocUpdateRequest;
import io.drover.proto.rpc.JobEvaluateRequest;
import io.drover.proto.rpc.NodeDrainRequest;
import io.drover.proto.rpc.NodeEligibilityRequest;
import io.drover.proto.rpc.NodeHeartbeatRequest;
import io.drover.proto.rpc.NodeRegisterRequest;
import io.drover.proto.rpc.WriteRequest;
import io.drover.server.testing.TestStore;
import io.drover.state.StateReader;
import io.drover.testkit.clock.ManualClock;
import io.drover.testkit.fixtures.Commands;
import io.drover.testkit.fixtures.JobBody;
import io.drover.testkit.fixtures.NodeAllocCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands the leader builds for node and allocation writes, against a real state store:
 * Nomad's refusals and their texts, the events stamped, and which evaluations each change calls for.
 */
class NodeCommandBuilderTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final long NOW_NANOS = NOW.getEpochSecond() * 1_000_000_000L;

    @TempDir
    Path dir;
    TestStore state;
    NodeCommandBuilder commands;
    CommandBuilder builder;
    Job service;
    Job system;
    Allocation onN1;

    @BeforeEach
    void setUp() {
        state = new TestStore(dir);
        ManualClock clock = new ManualClock(NOW);
        Stamps stamps = new Stamps(clock, new Random(1));
        commands = new NodeCommandBuilder(stamps);
        builder = new CommandBuilder(state.store(), stamps);
        state.apply(NodeAllocCommands.upsert(eligible(node("n1", ""))));
        state.apply(NodeAllocCommands.upsert(eligible(node("n2", ""))));
        service = JobBody.service("svc").count(2).groupSetting("ReschedulePolicy", reschedule(1)).canonical();
        system = JobBody.ofType("sys", "system").canonical();
        state.apply(Commands.register(service, NOW_NANOS));
        state.apply(Commands.register(system, NOW_NANOS));
        service = read(r -> r.job("default", "svc").orElseThrow());
        onN1 = placement(service, node("n1", ""), "eval-0", 0, NOW_NANOS);
        Allocation second = placement(service, node("n1", ""), "eval-0", 1, NOW_NANOS);
        state.applyPlan(service, plan("eval-0", onN1, second));
    }

    @AfterEach
    void tearDown() {
        state.close();
    }

    private static Node eligible(Node n) {
        n.schedulingEligibility = Node.ELIGIBLE;
        return n;
    }

    /** Group settings: a reschedule policy of {@code attempts} (0 disables it). */
    private static String reschedule(int attempts) {
        return "{\"Attempts\":" + attempts + ",\"Interval\":3600000000000,"
                + "\"Delay\":5000000000,\"DelayFunction\":\"constant\",\"MaxDelay\":0,\"Unlimited\":false}";
    }

    private <T> T read(java.util.function.Function<StateReader, T> f) {
        try (StateReader r = state.store().reader()) {
            return f.apply(r);
        }
    }

    private static <T> T json(ByteString b, Class<T> type) {
        return NomadJson.read(b.toByteArray(), type);
    }

    private static NodeRegisterRequest registration(Consumer<Node> change) {
        Node n = node("n9", "");
        n.status = Node.STATUS_INIT;
        change.accept(n);
        return NodeRegisterRequest.newBuilder().setNodeJson(ByteString.copyFrom(NomadJson.write(n))).build();
    }

    private String refusal(ThrowingCall call) {
        try {
            read(r -> {
                try {
                    call.run(r);
                    return null;
                } catch (Refusal e) {
                    throw new RefusedException(e);
                }
            });
        } catch (RefusedException e) {
            return e.refusal.toResult().getCode() + ": " + e.refusal.getMessage();
        }
        throw new AssertionError("not refused");
    }

    private interface ThrowingCall {
        void run(StateReader r) throws Refusal;
    }

    private static final class RefusedException extends RuntimeException {
        final Refusal refusal;

        RefusedException(Refusal refusal) {
            this.refusal = refusal;
        }
    }

    @Test
    void registrationIsRefusedWithNomadsMessages() {
        Map<Consumer<Node>, String> cases = Map.of(
                n -> n.id = "", "INVALID: missing node ID for client registration",
                n -> n.datacenter = "", "INVALID: missing datacenter for client registration",
                n -> n.name = null, "INVALID: missing node name for client registration",
                n -> n.attributes = Map.of(), "INVALID: missing attributes for client registration",
                n -> n.secretId = "", "INVALID: missing node secret ID for client registration",
                n -> n.status = "bogus", "INVALID: invalid status for node");
        cases.forEach((change, message) ->
                assertThat(refusal(r -> commands.register(r, registration(change), NOW_NANOS))).isEqualTo(message));
    }

    @Test
    void registrationWithAnotherSecretIsRefused() {
        NodeRegisterRequest impostor = registration(n -> {
            n.id = "n1";
            n.secretId = "someone-else";
        });
        assertThat(refusal(r -> commands.register(r, impostor, NOW_NANOS)))
                .isEqualTo("INVALID: node secret ID does not match. Not registering node.");
    }

    @Test
    void aNewNodeIsStampedInitializingAndEligible() throws Refusal {
        NodeRegisterRequest fresh = registration(n -> {
            n.status = null;
            n.schedulingEligibility = null;
        });
        Node stored;
        try (StateReader r = state.store().reader()) {
            stored = json(commands.register(r, fresh, NOW_NANOS).getNodeJson(), Node.class);
        }
        assertThat(stored.status).isEqualTo(Node.STATUS_INIT);
        assertThat(stored.schedulingEligibility).isEqualTo(Node.ELIGIBLE);
        assertThat(stored.statusUpdatedAt).isEqualTo(NOW.getEpochSecond());
        assertThat(stored.computedClass).isNotEmpty();
    }

    @Test
    void aHeartbeatThatKeepsTheStatusWritesNothing() throws Refusal {
        try (StateReader r = state.store().reader()) {
            assertThat(commands.status(r, heartbeat("n1", Node.STATUS_READY), NOW_NANOS)).isEmpty();
            assertThat(commands.status(r, heartbeat("n1", ""), NOW_NANOS)).as("no status: keep it").isEmpty();
        }
        assertThat(refusal(r -> commands.status(r, heartbeat("nope", Node.STATUS_READY), NOW_NANOS)))
                .isEqualTo("NOT_FOUND: node not found");
        assertThat(refusal(r -> commands.status(r, heartbeat("", Node.STATUS_READY), NOW_NANOS)))
                .isEqualTo("INVALID: missing node ID for client status update");
    }

    @Test
    void aNodeMarkedDownGetsAnEventAndAnEvaluationPerJobWithAllocationsAndPerSystemJob() throws Refusal {
        NodeStatusCommand down;
        try (StateReader r = state.store().reader()) {
            down = commands.status(r, heartbeat("n1", Node.STATUS_DOWN), NOW_NANOS).orElseThrow();
        }
        assertThat(down.getStatus()).isEqualTo(Node.STATUS_DOWN);
        assertThat(down.getUpdatedAtUnix()).isEqualTo(NOW.getEpochSecond());
        NodeEvent event = json(down.getEventJson(), NodeEvent.class);
        assertThat(event.message).isEqualTo("Node heartbeat missed");
        assertThat(event.subsystem).isEqualTo(NodeEvent.SUBSYSTEM_CLUSTER);
        List<Evaluation> evals = down.getEvalJsonList().stream().map(b -> json(b, Evaluation.class)).toList();
        assertThat(evals).extracting(e -> e.jobId).containsExactly("svc", "sys");
        assertThat(evals).allSatisfy(e -> {
            assertThat(e.triggeredBy).isEqualTo(Evaluation.TRIGGER_NODE_UPDATE);
            assertThat(e.nodeId).isEqualTo("n1");
            assertThat(e.status).isEqualTo(Evaluation.STATUS_PENDING);
            assertThat(e.createTime).isEqualTo(NOW_NANOS);
        });
        assertThat(evals).extracting(e -> e.type).containsExactly("service", "system");
        assertThat(evals.get(0).id).isNotEqualTo(evals.get(1).id);

        // Back from down: the event says so, and the schedulers look at the node again.
        state.apply(RaftCommand.newBuilder().setNodeStatus(down).build());
        NodeStatusCommand back;
        try (StateReader r = state.store().reader()) {
            back = commands.status(r, heartbeat("n1", Node.STATUS_READY), NOW_NANOS).orElseThrow();
        }
        assertThat(json(back.getEventJson(), NodeEvent.class).message).isEqualTo("Node reregistered by heartbeat");
        assertThat(back.getEvalJsonCount()).isEqualTo(2);
    }

    @Test
    void eligibilityCannotBeRestoredWhileDraining() throws Refusal {
        state.apply(NodeAllocCommands.drain("n2", 60_000_000_000L, false, NOW.getEpochSecond()));
        assertThat(refusal(r -> commands.eligibility(r, eligibility("n2", Node.ELIGIBLE), NOW_NANOS)))
                .isEqualTo("INVALID: can not set node's scheduling eligibility to eligible while it is draining");
        assertThat(refusal(r -> commands.eligibility(r, eligibility("n1", "maybe"), NOW_NANOS)))
                .isEqualTo("INVALID: invalid scheduling eligibility \"maybe\"");
        try (StateReader r = state.store().reader()) {
            assertThat(commands.eligibility(r, eligibility("n1", Node.ELIGIBLE), NOW_NANOS))
                    .as("already eligible: nothing to write").isEmpty();
            var off = commands.eligibility(r, eligibility("n1", Node.INELIGIBLE), NOW_NANOS).orElseThrow();
            assertThat(json(off.getEventJson(), NodeEvent.class).message)
                    .isEqualTo("Node marked as ineligible for scheduling");
            assertThat(off.getEvalJsonCount()).as("nothing new to place on an ineligible node").isZero();
        }
    }

    @Test
    void drainStampsStartAndForcedDeadlineFromTheLeadersClock() throws Refusal {
        DrainStrategy asked = new DrainStrategy();
        asked.deadline = Duration.ofMinutes(10).toNanos();
        NodeDrainCommand drain;
        try (StateReader r = state.store().reader()) {
            drain = commands.drain(r, drainRequest("n1", asked), NOW_NANOS);
        }
        DrainStrategy stamped = json(drain.getDrainStrategyJson(), DrainStrategy.class);
        assertThat(GoTime.parse(stamped.startedAt)).isEqualTo(NOW);
        assertThat(GoTime.parse(stamped.forceDeadline)).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(json(drain.getEventJson(), NodeEvent.class).message).isEqualTo("Node drain strategy set");
        state.apply(RaftCommand.newBuilder().setNodeDrain(drain).build());

        // An update keeps the original start; without a deadline nothing is forced.
        DrainStrategy again = new DrainStrategy();
        again.deadline = 0L;
        NodeDrainCommand update;
        try (StateReader r = state.store().reader()) {
            update = commands.drain(r, drainRequest("n1", again), NOW_NANOS + 5_000_000_000L);
        }
        DrainStrategy updated = json(update.getDrainStrategyJson(), DrainStrategy.class);
        assertThat(GoTime.parse(updated.startedAt)).isEqualTo(NOW);
        assertThat(updated.forceDeadline).isNull();
        assertThat(json(update.getEventJson(), NodeEvent.class).message).isEqualTo("Node drain stategy updated");

        assertThat(refusal(r -> commands.drain(r, drainRequest("nope", asked), NOW_NANOS)))
                .isEqualTo("NOT_FOUND: node not found");
    }

    @Test
    void onlyAReschedulableFailureAsksForAnAllocFailureEvaluation() throws Refusal {
        Job once = JobBody.service("no-reschedule").groupSetting("ReschedulePolicy", reschedule(0)).canonical();
        state.apply(Commands.register(once, NOW_NANOS));
        once = read(r -> r.job("default", "no-reschedule").orElseThrow());
        Allocation unreschedulable = placement(once, node("n2", ""), "eval-1", 0, NOW_NANOS);
        Allocation sibling = read(r -> r.allocationsOfJob("default", "svc", false)).stream()
                .filter(a -> !a.id.equals(onN1.id)).findFirst().orElseThrow();
        state.applyPlan(once, plan("eval-1", unreschedulable));

        AllocClientUpdateCommand update;
        try (StateReader r = state.store().reader()) {
            update = commands.allocUpdate(r, AllocUpdateRequest.newBuilder()
                    .addAllocJson(report(onN1.id, Allocation.CLIENT_FAILED))
                    .addAllocJson(report(sibling.id, Allocation.CLIENT_FAILED))
                    .addAllocJson(report(unreschedulable.id, Allocation.CLIENT_FAILED))
                    .build(), NOW_NANOS);
        }
        assertThat(update.getAllocJsonCount()).isEqualTo(3);
        assertThat(json(update.getAllocJson(0), Allocation.class).modifyTime).isEqualTo(NOW_NANOS);
        List<Evaluation> evals = update.getEvalJsonList().stream().map(b -> json(b, Evaluation.class)).toList();
        assertThat(evals).as("one per job, none for a job that never reschedules").hasSize(1);
        assertThat(evals.get(0).jobId).isEqualTo("svc");
        assertThat(evals.get(0).triggeredBy).isEqualTo("alloc-failure");
        assertThat(evals.get(0).nodeId).isNullOrEmpty();

        try (StateReader r = state.store().reader()) {
            AllocClientUpdateCommand complete = commands.allocUpdate(r, AllocUpdateRequest.newBuilder()
                    .addAllocJson(report(onN1.id, Allocation.CLIENT_COMPLETE)).build(), NOW_NANOS);
            assertThat(complete.getEvalJsonCount()).isZero();
        }
        assertThat(refusal(r -> commands.allocUpdate(r, AllocUpdateRequest.getDefaultInstance(), NOW_NANOS)))
                .isEqualTo("INVALID: must update at least one allocation");
    }

    @Test
    void stoppingAnAllocationMarksItToMigrateWithAnAllocStopEvaluation() throws Refusal {
        AllocDesiredTransitionCommand stop;
        try (StateReader r = state.store().reader()) {
            stop = commands.allocStop(r, AllocStopRequest.newBuilder().setAllocId(onN1.id).build(), NOW_NANOS);
        }
        assertThat(stop.getTransitionsJsonMap()).containsOnlyKeys(onN1.id);
        assertThat(json(stop.getTransitionsJsonMap().get(onN1.id), DesiredTransition.class).shouldMigrate()).isTrue();
        Evaluation eval = json(stop.getEvalJson(0), Evaluation.class);
        assertThat(eval.triggeredBy).isEqualTo(Evaluation.TRIGGER_ALLOC_STOP);
        assertThat(eval.jobId).isEqualTo("svc");
        assertThat(eval.type).isEqualTo("service");
        assertThat(refusal(r -> commands.allocStop(r, AllocStopRequest.newBuilder().setAllocId("nope").build(),
                NOW_NANOS))).isEqualTo("NOT_FOUND: alloc not found");
    }

    @Test
    void forcedRescheduleMarksOnlyFailedAllocationsNotYetReplaced() throws Refusal {
        Allocation replaced = read(r -> r.allocation(onN1.id).orElseThrow());
        Allocation other = read(r -> r.allocationsOfJob("default", "svc", false)).stream()
                .filter(a -> !a.id.equals(onN1.id)).findFirst().orElseThrow();
        state.apply(NodeAllocCommands.clientUpdate(List.of(NodeAllocCommands.report(replaced.id, "failed"),
                NodeAllocCommands.report(other.id, "failed"))));
        Allocation replacement = placement(service, node("n2", ""), "eval-2", 0, NOW_NANOS);
        replacement.previousAllocation = replaced.id;
        state.applyPlan(service, plan("eval-2", replacement));
        assertThat(read(r -> r.allocation(replaced.id).orElseThrow()).nextAllocation).isEqualTo(replacement.id);

        RaftCommand forced = builder.build(WriteRequest.newBuilder().setJobEvaluate(JobEvaluateRequest.newBuilder()
                .setNamespace("default").setJobId("svc").setForceReschedule(true)).build());

        AllocDesiredTransitionCommand t = forced.getAllocDesiredTransition();
        assertThat(t.getTransitionsJsonMap()).containsOnlyKeys(other.id);
        assertThat(json(t.getTransitionsJsonMap().get(other.id), DesiredTransition.class).shouldForceReschedule())
                .isTrue();
        assertThat(json(t.getEvalJson(0), Evaluation.class).triggeredBy).isEqualTo(Evaluation.TRIGGER_JOB_REGISTER);
    }

    private static NodeHeartbeatRequest heartbeat(String nodeId, String status) {
        return NodeHeartbeatRequest.newBuilder().setNodeId(nodeId).setStatus(status).build();
    }

    private static NodeEligibilityRequest eligibility(String nodeId, String eligibility) {
        return NodeEligibilityRequest.newBuilder().setNodeId(nodeId).setEligibility(eligibility).build();
    }

    private static NodeDrainRequest drainRequest(String nodeId, DrainStrategy strategy) {
        return NodeDrainRequest.newBuilder().setNodeId(nodeId)
                .setDrainStrategyJson(ByteString.copyFrom(NomadJson.write(strategy))).build();
    }

    private static ByteString report(String allocId, String clientStatus) {
        return ByteString.copyFrom(NomadJson.write(NodeAllocCommands.report(allocId, clientStatus)));
    }
}
