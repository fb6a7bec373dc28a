package io.drover.state;

import static io.drover.testkit.fixtures.Commands.job;
import static io.drover.testkit.fixtures.NodeAllocCommands.drain;
import static io.drover.testkit.fixtures.NodeAllocCommands.eligibility;
import static io.drover.testkit.fixtures.NodeAllocCommands.node;
import static io.drover.testkit.fixtures.NodeAllocCommands.nodeEval;
import static io.drover.testkit.fixtures.NodeAllocCommands.status;
import static io.drover.testkit.fixtures.NodeAllocCommands.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.node.Node;
import io.drover.model.node.NodeEvent;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.WriteResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Registering nodes and changing their status, eligibility and drain, as Nomad's state store does. */
class NodeApplyTest extends StoreTest {
    private Node read(String id) {
        try (StateReader s = h.store.reader()) {
            return s.node(id).orElseThrow();
        }
    }

    @Test
    void aNewNodeIsStoredAtTheEntryIndexWithItsRegisteredEventAndEvaluations() {
        Evaluation eval = nodeEval(job("web"), "n1", 1000);
        WriteResult r = h.apply(upsert(node("n1", "small"), eval));

        assertThat(r.getCode()).isEqualTo(WriteResult.Code.OK);
        assertThat(r.getNumNodes()).isEqualTo(1);
        assertThat(r.getEvalIdsList()).containsExactly(eval.id);
        Node n = read("n1");
        assertThat(n.createIndex).isEqualTo(1);
        assertThat(n.modifyIndex).isEqualTo(1);
        assertThat(n.schedulingEligibility).isEqualTo(Node.ELIGIBLE);
        assertThat(n.events).singleElement().satisfies(e -> {
            assertThat(e.message).isEqualTo("Node registered");
            assertThat(e.subsystem).isEqualTo(NodeEvent.SUBSYSTEM_CLUSTER);
            assertThat(e.timestamp).isEqualTo("2023-11-14T22:13:20Z");
            assertThat(e.createIndex).as("Nomad leaves the first event's index unset").isZero();
        });
        try (StateReader s = h.store.reader()) {
            assertThat(s.tableIndex(Table.NODES)).isEqualTo(1);
            Evaluation stored = s.evaluation(eval.id).orElseThrow();
            assertThat(stored.nodeModifyIndex).isEqualTo(1);
            assertThat(stored.createIndex).isEqualTo(1);
        }
        assertThat(h.apply(upsert(node("n2", "small"))).getNumNodes()).isEqualTo(2);
    }

    @Test
    void reRegisteringKeepsWhatTheServersDecided() {
        h.apply(upsert(node("n1", "small")));
        h.apply(drain("n1", 3_600_000_000_000L, false, 1_700_000_100L));

        Node again = node("n1", "large");
        again.statusUpdatedAt = 1_700_000_200L;
        WriteResult r = h.apply(upsert(again));

        assertThat(r.getNumNodes()).as("the same node counts once").isEqualTo(1);
        Node n = read("n1");
        assertThat(n.nodeClass).isEqualTo("large");
        assertThat(n.createIndex).isEqualTo(1);
        assertThat(n.modifyIndex).isEqualTo(3);
        assertThat(n.drain).isTrue();
        assertThat(n.drainStrategy.deadline).isEqualTo(3_600_000_000_000L);
        assertThat(n.schedulingEligibility).isEqualTo(Node.INELIGIBLE);
        assertThat(n.events).extracting(e -> e.message).containsExactly("Node registered", "Node drain strategy set");
    }

    @Test
    void aNodeBackFromDownIsReRegistered() {
        h.apply(upsert(node("n1", "small")));
        h.apply(status("n1", Node.STATUS_DOWN, 1_700_000_100L, null));
        Node back = node("n1", "small");
        back.statusUpdatedAt = 1_700_000_300L;
        h.apply(upsert(back));

        Node n = read("n1");
        assertThat(n.status).isEqualTo(Node.STATUS_READY);
        assertThat(n.events).extracting(e -> e.message).containsExactly("Node registered", "Node re-registered");
        assertThat(n.events.get(1).createIndex).isEqualTo(3);
        assertThat(n.events.get(1).timestamp).isEqualTo(Instant.ofEpochSecond(1_700_000_300L).toString());
    }

    @Test
    void statusUpdateSetsStatusTimeAndEvent() {
        h.apply(upsert(node("n1", "small")));
        NodeEvent missed = new NodeEvent(NodeEvent.SUBSYSTEM_CLUSTER, "Node heartbeat missed",
                Instant.ofEpochSecond(1_700_000_500L));
        WriteResult r = h.apply(status("n1", Node.STATUS_DOWN, 1_700_000_500L, missed));

        assertThat(r.getCode()).isEqualTo(WriteResult.Code.OK);
        Node n = read("n1");
        assertThat(n.status).isEqualTo(Node.STATUS_DOWN);
        assertThat(n.statusUpdatedAt).isEqualTo(1_700_000_500L);
        assertThat(n.modifyIndex).isEqualTo(2);
        assertThat(n.events).extracting(e -> e.message).containsExactly("Node registered", "Node heartbeat missed");
        assertThat(n.events.get(1).createIndex).isEqualTo(2);
    }

    @Test
    void eligibilityCannotBeSetWhileDraining() {
        h.apply(upsert(node("n1", "small")));
        h.apply(drain("n1", 0L, false, 1_700_000_100L));

        WriteResult r = h.apply(eligibility("n1", Node.ELIGIBLE, 1_700_000_200L));

        assertThat(r.getCode()).isEqualTo(WriteResult.Code.INVALID);
        assertThat(r.getError()).isEqualTo("can not set node's scheduling eligibility to eligible while it is draining");
        Node n = read("n1");
        assertThat(n.schedulingEligibility).isEqualTo(Node.INELIGIBLE);
        assertThat(n.modifyIndex).isEqualTo(2);
        try (StateReader s = h.store.reader()) {
            assertThat(s.tableIndex(Table.NODES)).as("a refused write changes no table").isEqualTo(2);
        }
    }

    @Test
    void eligibilityOfAnIdleNodeChanges() {
        h.apply(upsert(node("n1", "small")));
        h.apply(eligibility("n1", Node.INELIGIBLE, 1_700_000_100L));
        assertThat(read("n1").schedulingEligibility).isEqualTo(Node.INELIGIBLE);

        h.apply(eligibility("n1", Node.ELIGIBLE, 1_700_000_200L));
        Node n = read("n1");
        assertThat(n.schedulingEligibility).isEqualTo(Node.ELIGIBLE);
        assertThat(n.statusUpdatedAt).isEqualTo(1_700_000_200L);
        assertThat(n.modifyIndex).isEqualTo(3);
    }

    @Test
    void drainingMakesTheNodeIneligibleAndStoppingCanMarkItEligible() {
        h.apply(upsert(node("n1", "small")));
        h.apply(upsert(node("n2", "small")));
        h.apply(drain("n1", -1L, false, 1_700_000_100L));
        h.apply(drain("n2", -1L, false, 1_700_000_100L));
        Node draining = read("n1");
        assertThat(draining.drain).isTrue();
        assertThat(draining.drainStrategy.deadline).isEqualTo(-1L);
        assertThat(draining.schedulingEligibility).isEqualTo(Node.INELIGIBLE);

        h.apply(drain("n1", null, true, 1_700_000_200L));
        h.apply(drain("n2", null, false, 1_700_000_200L));

        Node marked = read("n1");
        assertThat(marked.drain).isFalse();
        assertThat(marked.drainStrategy).isNull();
        assertThat(marked.schedulingEligibility).isEqualTo(Node.ELIGIBLE);
        assertThat(marked.modifyIndex).isEqualTo(5);
        Node unmarked = read("n2");
        assertThat(unmarked.drain).isFalse();
        assertThat(unmarked.schedulingEligibility).isEqualTo(Node.INELIGIBLE);
    }

    @Test
    void unknownNodesAreNotFound() {
        assertThat(h.apply(status("nope", Node.STATUS_READY, 1, null)).getCode()).isEqualTo(WriteResult.Code.NOT_FOUND);
        assertThat(h.apply(eligibility("nope", Node.ELIGIBLE, 1)).getCode()).isEqualTo(WriteResult.Code.NOT_FOUND);
        WriteResult drain = h.apply(drain("nope", null, true, 1));
        assertThat(drain.getCode()).isEqualTo(WriteResult.Code.NOT_FOUND);
        assertThat(drain.getError()).isEqualTo("node not found");
        try (StateReader s = h.store.reader()) {
            assertThat(s.nodes("")).isEmpty();
            assertThat(s.tableIndex(Table.NODES)).isZero();
        }
    }
}
