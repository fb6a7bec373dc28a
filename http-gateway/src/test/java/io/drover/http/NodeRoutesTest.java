package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.http.testing.GatewayHarness;
import io.drover.http.testing.Reference;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.NomadJson;
import io.drover.model.node.DrainStrategy;
import io.drover.model.node.Node;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.NodeDrainRequest;
import io.drover.proto.rpc.NodeEligibilityRequest;
import io.drover.proto.rpc.WriteRequest;
import io.drover.state.Table;
import io.drover.testkit.await.Await;
import io.drover.testkit.http.Answer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The node routes: reads with Nomad's indexes and shapes, and the operator's eligibility and drain writes. */
class NodeRoutesTest {
    private static final String NODE = Reference.NODE_ID;

    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    /** Stores the reference node at CreateIndex 7 and ModifyIndex 9, as Nomad had it. */
    private long storeReferenceNode() {
        h.store.skipTo(6);
        h.store.upsertNode(Reference.node());
        h.store.skipTo(8);
        return h.store.upsertNode(Reference.node());
    }

    private static Node node(String id) {
        Node node = Reference.node();
        node.id = id;
        node.name = id;
        return node;
    }

    @Test
    void listAnswersNomadsStubsAtTheNodesIndex() {
        long index = storeReferenceNode();

        Answer a = h.get("/v1/nodes");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.index()).isEqualTo(index).isEqualTo(9);
        assertThat(a.header("X-Nomad-KnownLeader")).isEqualTo("true");
        assertThat(a.json()).isEqualTo(Reference.json("002_nodes_list"));
    }

    @Test
    void listFiltersByPrefixAndIsEmptyWithoutNodes() {
        assertThat(h.get("/v1/nodes").body()).isEqualTo("[]");
        h.store.upsertNode(node("aaaa-1"));
        h.store.upsertNode(node("aabb-2"));
        long index = h.store.upsertNode(node("bbbb-3"));

        Answer a = h.get("/v1/nodes?prefix=aa");

        assertThat(a.json()).extracting(n -> n.get("ID").asText()).containsExactly("aaaa-1", "aabb-2");
        assertThat(a.index()).isEqualTo(index);
    }

    @Test
    void oneNodeIsTheWholeNodeWithoutItsSecret() {
        long index = storeReferenceNode();
        h.store.touch(Table.NODES);

        Answer a = h.get("/v1/node/" + NODE);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.index()).as("the node's own ModifyIndex").isEqualTo(index);
        assertThat(a.json()).isEqualTo(Reference.json("003_node_read"));
        assertThat(a.json().get("SecretID").asText()).isEmpty();
    }

    @Test
    void anUnknownNodeIs404AtTheNodesIndex() {
        long index = storeReferenceNode();

        Answer a = h.get("/v1/node/nope");

        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body()).isEqualTo("node not found");
        assertThat(a.index()).isEqualTo(index);
    }

    @Test
    void allocationsOfANodeAreWholeAllocationsAtTheirHighestModifyIndex() {
        Allocation first = Reference.sleepBatchAllocation();
        Allocation elsewhere = Reference.sleepBatchAllocation();
        elsewhere.id = "ffff0000-0000-4000-8000-000000000000";
        elsewhere.nodeId = "another-node";
        long placed = h.store.upsertAllocs(first);
        h.store.upsertAllocs(elsewhere);

        Answer a = h.get("/v1/node/" + NODE + "/allocations");

        assertThat(a.index()).as("the highest ModifyIndex of this node's allocations").isEqualTo(placed);
        assertThat(a.json()).hasSize(1);
        assertThat(a.json().get(0).get("ID").asText()).isEqualTo(Reference.ALLOC_ID);
        assertThat(a.json().get(0).get("Job").get("ID").asText()).isEqualTo("sleep-batch");
        assertThat(a.json().get(0).at("/TaskStates/sleep/Events/0/DisplayMessage").asText())
                .isEqualTo("Task received by client");
    }

    @Test
    void aNodeWithoutAllocationsAnswersAtTheAllocsIndexAndNeverAtZero() {
        assertThat(h.get("/v1/node/" + NODE + "/allocations").index()).isEqualTo(1);

        long index = h.store.touch(Table.ALLOCS);
        Answer a = h.get("/v1/node/" + NODE + "/allocations");

        assertThat(a.body()).isEqualTo("[]");
        assertThat(a.index()).isEqualTo(index);
    }

    @Test
    void aNodeAgentsWatchWakesWhenItsAllocationsChange() throws Exception {
        long index = h.store.upsertAllocs(Reference.sleepBatchAllocation());
        CompletableFuture<Answer> parked = h.getAsync("/v1/node/" + NODE + "/allocations?index=" + index + "&wait=30s");
        Await.until("the query parks", Duration.ofSeconds(20), () -> h.gateway.parkedQueries() == 1);

        Allocation stopped = Reference.sleepBatchAllocation();
        stopped.desiredStatus = Allocation.DESIRED_STOP;
        long next = h.store.upsertAllocs(stopped);

        Answer a = parked.get(10, TimeUnit.SECONDS);
        assertThat(a.index()).isEqualTo(next);
        assertThat(a.json().get(0).get("DesiredStatus").asText()).isEqualTo("stop");
    }

    @Test
    void aNodeReadWakesOnANodeChange() throws Exception {
        long index = storeReferenceNode();
        CompletableFuture<Answer> parked = h.getAsync("/v1/node/" + NODE + "?index=" + index + "&wait=30s");
        Await.until("the query parks", Duration.ofSeconds(20), () -> h.gateway.parkedQueries() == 1);

        Node down = Reference.node();
        down.status = Node.STATUS_DOWN;
        long next = h.store.upsertNode(down);

        Answer a = parked.get(10, TimeUnit.SECONDS);
        assertThat(a.index()).isEqualTo(next);
        assertThat(a.json().get("Status").asText()).isEqualTo("down");
    }

    @Test
    void eligibilitySubmitsTheNodeAndValueAndAnswersAsNomad() {
        h.cluster.answerWrites(WriteResult.newBuilder().setIndex(31).setEvalCreateIndex(31)
                .addEvalIds("e1").addEvalIds("e2").build());

        Answer a = h.send("PUT", "/v1/node/" + NODE + "/eligibility", "{\"Eligibility\":\"eligible\"}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo(
                "{\"NodeModifyIndex\":0,\"EvalIDs\":[\"e1\",\"e2\"],\"EvalCreateIndex\":31,\"Index\":31}");
        assertThat(a.header("X-Nomad-Index")).isEqualTo("31");
        assertThat(a.header("X-Nomad-KnownLeader")).isNull();
        NodeEligibilityRequest sent = h.cluster.lastWrite().getNodeEligibility();
        assertThat(sent.getNodeId()).isEqualTo(NODE);
        assertThat(sent.getEligibility()).isEqualTo("eligible");
        assertThat(h.cluster.lastWrite().getRequestId()).isNotEmpty();
    }

    @Test
    void eligibilityTakesTheBodysNodeIdOverThePathsAndAnswersNullEvalIdsWithoutEvals() {
        h.cluster.answerWrites(WriteResult.newBuilder().setIndex(32).build());

        Answer a = h.post("/v1/node/" + NODE + "/eligibility", "{\"nodeid\":\"other\",\"eligibility\":\"ineligible\"}");

        assertThat(a.body()).isEqualTo("{\"NodeModifyIndex\":0,\"EvalIDs\":null,\"EvalCreateIndex\":0,\"Index\":32}");
        assertThat(h.cluster.lastWrite().getNodeEligibility().getNodeId()).isEqualTo("other");
    }

    @Test
    void eligibilityRefusesOtherValuesAndBadBodies() {
        Answer other = h.post("/v1/node/" + NODE + "/eligibility", "{\"Eligibility\":\"maybe\"}");
        Answer missing = h.post("/v1/node/" + NODE + "/eligibility", "{}");
        Answer empty = h.post("/v1/node/" + NODE + "/eligibility", "");
        Answer wrongType = h.post("/v1/node/" + NODE + "/eligibility", "{\"Eligibility\":true}");

        assertThat(other.status()).isEqualTo(400);
        assertThat(other.body()).isEqualTo("invalid scheduling eligibility \"maybe\"");
        assertThat(missing.body()).isEqualTo("invalid scheduling eligibility \"\"");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).isEqualTo("EOF");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).isEqualTo("json: cannot unmarshal bool into Go struct field "
                + "NodeUpdateEligibilityRequest.Eligibility of type string");
        assertThat(h.cluster.writes).isEmpty();
    }

    @Test
    void nodeWritesReportTheLeadersRefusals() {
        h.cluster.answerWrites(WriteResult.newBuilder().setCode(WriteResult.Code.NOT_FOUND).build());
        assertThat(h.post("/v1/node/nope/eligibility", "{\"Eligibility\":\"eligible\"}").body())
                .isEqualTo("node not found");

        h.cluster.answerWrites(WriteResult.newBuilder().setCode(WriteResult.Code.INVALID)
                .setError("can not set node's scheduling eligibility to eligible while it is draining").build());
        Answer draining = h.post("/v1/node/" + NODE + "/eligibility", "{\"Eligibility\":\"eligible\"}");
        assertThat(draining.status()).isEqualTo(400);
        assertThat(draining.body()).startsWith("can not set node's scheduling eligibility");
    }

    @Test
    void drainSubmitsTheStrategyTheOperatorAskedFor() {
        h.cluster.answerWrites(WriteResult.newBuilder().setIndex(40).build());

        Answer a = h.post("/v1/node/" + NODE + "/drain",
                "{\"DrainSpec\":{\"Deadline\":3600000000000,\"IgnoreSystemJobs\":true},\"MarkEligible\":false}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("{\"NodeModifyIndex\":40,\"EvalIDs\":null,\"EvalCreateIndex\":0,\"Index\":40}");
        assertThat(a.header("X-Nomad-Index")).isEqualTo("40");
        NodeDrainRequest sent = h.cluster.lastWrite().getNodeDrain();
        assertThat(sent.getNodeId()).isEqualTo(NODE);
        assertThat(sent.getMarkEligible()).isFalse();
        DrainStrategy strategy = NomadJson.read(sent.getDrainStrategyJson().toByteArray(), DrainStrategy.class);
        assertThat(strategy.deadline).isEqualTo(3_600_000_000_000L);
        assertThat(strategy.ignoreSystemJobs).isTrue();
        assertThat(strategy.forceDeadline).as("the leader's clock sets it").isNull();
        assertThat(strategy.startedAt).isNull();
    }

    @Test
    void aForcedOrUnboundedDrainKeepsItsDeadlineAndANullSpecEndsTheDrain() {
        h.post("/v1/node/" + NODE + "/drain", "{\"DrainSpec\":{\"Deadline\":-1}}");
        DrainStrategy forced = drainStrategy(h.cluster.lastWrite());
        h.post("/v1/node/" + NODE + "/drain", "{\"DrainSpec\":{}}");
        DrainStrategy unbounded = drainStrategy(h.cluster.lastWrite());
        h.post("/v1/node/" + NODE + "/drain", "{\"DrainSpec\":null,\"MarkEligible\":true}");
        NodeDrainRequest ended = h.cluster.lastWrite().getNodeDrain();

        assertThat(forced.deadlineTime()).isEqualTo(new DrainStrategy.Deadline(false, null));
        assertThat(unbounded.deadlineTime()).isEqualTo(new DrainStrategy.Deadline(true, null));
        assertThat(ended.getDrainStrategyJson().isEmpty()).isTrue();
        assertThat(ended.getMarkEligible()).isTrue();
    }

    @Test
    void theOldEnableParameterStillDrainsAndUndrains() {
        h.send("PUT", "/v1/node/" + NODE + "/drain?enable=true", null);
        WriteRequest enabled = h.cluster.lastWrite();
        h.send("PUT", "/v1/node/" + NODE + "/drain?enable=false", null);
        NodeDrainRequest disabled = h.cluster.lastWrite().getNodeDrain();
        Answer bad = h.send("PUT", "/v1/node/" + NODE + "/drain?enable=yes", null);

        assertThat(drainStrategy(enabled).deadline).as("forced, as 0.7 drains were").isEqualTo(-1_000_000_000L);
        assertThat(enabled.getNodeDrain().getMarkEligible()).isFalse();
        assertThat(disabled.getDrainStrategyJson().isEmpty()).isTrue();
        assertThat(disabled.getMarkEligible()).isTrue();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("invalid enable value");
        assertThat(h.cluster.writes).hasSize(2);
    }

    @Test
    void drainRefusesBodiesGoWouldRefuse() {
        Answer empty = h.post("/v1/node/" + NODE + "/drain", "");
        Answer durationString = h.post("/v1/node/" + NODE + "/drain", "{\"DrainSpec\":{\"Deadline\":\"1h\"}}");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).isEqualTo("EOF");
        assertThat(durationString.status()).isEqualTo(400);
        assertThat(durationString.body()).isEqualTo("json: cannot unmarshal string into Go struct field "
                + "DrainSpec.DrainSpec.Deadline of type time.Duration");
        assertThat(h.cluster.writes).isEmpty();
    }

    @Test
    void nodeActionsNotServedYetAre404() {
        for (String path : List.of("/v1/node/" + NODE + "/evaluate", "/v1/node/" + NODE + "/purge")) {
            assertThat(h.post(path, "").status()).as(path).isEqualTo(404);
        }
    }

    private static DrainStrategy drainStrategy(WriteRequest write) {
        return NomadJson.read(write.getNodeDrain().getDrainStrategyJson().toByteArray(), DrainStrategy.class);
    }
}
