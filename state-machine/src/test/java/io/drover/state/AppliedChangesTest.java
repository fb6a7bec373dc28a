package io.drover.state;

import static io.drover.testkit.fixtures.Commands.job;
import static io.drover.testkit.fixtures.Commands.register;
import static io.drover.testkit.fixtures.NodeAllocCommands.clientUpdate;
import static io.drover.testkit.fixtures.NodeAllocCommands.drain;
import static io.drover.testkit.fixtures.NodeAllocCommands.eligibility;
import static io.drover.testkit.fixtures.NodeAllocCommands.node;
import static io.drover.testkit.fixtures.NodeAllocCommands.nodeEval;
import static io.drover.testkit.fixtures.NodeAllocCommands.placement;
import static io.drover.testkit.fixtures.NodeAllocCommands.plan;
import static io.drover.testkit.fixtures.NodeAllocCommands.planResults;
import static io.drover.testkit.fixtures.NodeAllocCommands.report;
import static io.drover.testkit.fixtures.NodeAllocCommands.status;
import static io.drover.testkit.fixtures.NodeAllocCommands.stopped;
import static io.drover.testkit.fixtures.NodeAllocCommands.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.JobRegisterCommand;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the leader hears after each command: the evaluations stored and where capacity appeared. */
class AppliedChangesTest extends StoreTest {
    final List<AppliedChanges> heard = new ArrayList<>();
    final Node small = node("n1", "small");
    final Node large = node("n2", "large");

    @BeforeEach
    void setUp() {
        h.listener = heard::add;
    }

    private AppliedChanges last() {
        assertThat(heard).isNotEmpty();
        return heard.get(heard.size() - 1);
    }

    @Test
    void evaluationsOfEveryKindOfCommandAreHeardWithTheirIndexes() {
        WriteResult r = h.apply(register(job("web"), 1000));
        assertThat(last().index()).isEqualTo(r.getIndex());
        assertThat(last().evals()).singleElement().satisfies(e -> {
            assertThat(e.id).isEqualTo(r.getEvalId());
            assertThat(e.createIndex).isEqualTo(r.getIndex());
            assertThat(e.status).isEqualTo(Evaluation.STATUS_PENDING);
        });
        assertThat(last().capacityClasses()).isEmpty();

        Evaluation nodeEval = nodeEval(job("web"), "n1", 2000);
        h.apply(upsert(small, nodeEval));
        assertThat(last().evals()).extracting(e -> e.id).containsExactly(nodeEval.id);
        assertThat(last().evals().get(0).nodeModifyIndex).isEqualTo(last().index());
    }

    @Test
    void refusedAndRepeatedCommandsTellNothing() {
        RaftCommand first = register(job("web"), 1000);
        h.apply(first);
        heard.clear();

        WriteResult refused = h.apply(register(job("web"), 2000,
                JobRegisterCommand.newBuilder().setEnforceIndex(true).setJobModifyIndex(99)));
        assertThat(refused.getCode()).isEqualTo(WriteResult.Code.CONFLICT);
        h.apply(first);
        h.apply(eligibility("unknown", Node.ELIGIBLE, 1));

        assertThat(heard).isEmpty();
    }

    @Test
    void nodesThatBecomeUsableBringCapacityForTheirClass() {
        h.apply(upsert(small));
        assertThat(last().capacityClasses()).containsExactly(small.computedClass);
        Node initializing = node("n2", "large");
        initializing.status = Node.STATUS_INIT;
        h.apply(upsert(initializing));
        heard.clear();

        h.apply(status("n2", Node.STATUS_READY, 1_700_000_100L, null));
        assertThat(last().capacityClasses()).containsExactly(large.computedClass);
        heard.clear();

        h.apply(status("n1", Node.STATUS_DOWN, 1_700_000_100L, null));
        h.apply(eligibility("n1", Node.INELIGIBLE, 1_700_000_100L));
        h.apply(drain("n2", -1L, false, 1_700_000_100L));
        assertThat(heard).as("nothing got capacity").isEmpty();

        h.apply(eligibility("n1", Node.ELIGIBLE, 1_700_000_200L));
        assertThat(last().capacityClasses()).containsExactly(small.computedClass);
        h.apply(drain("n2", null, true, 1_700_000_200L));
        assertThat(last().capacityClasses()).containsExactly(large.computedClass);
    }

    @Test
    void allocationsThatStopUsingTheirNodeBringCapacityForItsClass() {
        h.apply(upsert(small));
        h.apply(upsert(large));
        WriteResult reg = h.apply(register(job("web"), 1000));
        Job job;
        try (StateReader s = h.store.reader()) {
            job = s.job("default", "web").orElseThrow();
        }
        Allocation onSmall = placement(job, small, reg.getEvalId(), 0, 10);
        Allocation onLarge = placement(job, large, reg.getEvalId(), 1, 10);
        h.apply(planResults(plan(reg.getEvalId(), onSmall, onLarge)));
        assertThat(last().capacityClasses()).as("placements take capacity").isEmpty();
        heard.clear();

        h.apply(clientUpdate(List.of(report(onSmall.id, "running"))));
        assertThat(heard).isEmpty();
        h.apply(clientUpdate(List.of(report(onSmall.id, "complete"))));
        assertThat(last().capacityClasses()).containsExactly(small.computedClass);

        h.apply(planResults(plan(reg.getEvalId()).addStopped(stopped(onLarge.id, "alloc not needed"))));
        assertThat(last().capacityClasses()).containsExactly(large.computedClass);
        heard.clear();
        h.apply(clientUpdate(List.of(report(onLarge.id, "complete"))));
        assertThat(heard).as("it was already terminal").isEmpty();
    }
}
