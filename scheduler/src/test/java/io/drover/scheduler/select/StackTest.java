package io.drover.scheduler.select;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Affinity;
import io.drover.model.Job;
import io.drover.model.node.Node;
import io.drover.model.scheduling.Plan;
import io.drover.scheduler.Mocks;
import io.drover.scheduler.memory.MemoryState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackTest {
    private final MemoryState state = new MemoryState();
    private final Plan plan = new Plan();
    private final EvalContext ctx = new EvalContext(state, plan);

    @Test
    void sampleLimitIsLog2ForServiceAndTwoForBatch() {
        assertThat(GenericStack.sampleLimit(false, 1)).isEqualTo(2);
        assertThat(GenericStack.sampleLimit(false, 4)).isEqualTo(2);
        assertThat(GenericStack.sampleLimit(false, 5)).isEqualTo(3);
        assertThat(GenericStack.sampleLimit(false, 100)).isEqualTo(7);
        assertThat(GenericStack.sampleLimit(false, 1024)).isEqualTo(10);
        assertThat(GenericStack.sampleLimit(true, 1024)).isEqualTo(2);
    }

    @Test
    void serviceStackSamplesOnlyTheLimit() {
        List<Node> nodes = Mocks.nodes(16);
        Job job = Mocks.job();
        state.upsertNodes(nodes).upsertJob(job);
        GenericStack stack = new GenericStack(false, ctx);
        stack.setNodes(nodes);
        stack.setJob(job);

        RankedNode option = stack.select(job.taskGroups.get(0), SelectOptions.none());
        assertThat(option).isNotNull();
        assertThat(ctx.metrics().nodesEvaluated).isEqualTo(4);
        ctx.metrics().populateScoreMetaData();
        assertThat(ctx.metrics().scoreMetaData).hasSize(4)
                .allSatisfy(m -> assertThat(m.scores).containsKeys("binpack", "job-anti-affinity", "node-affinity"));
    }

    @Test
    void affinitiesLiftTheLimitAndPickTheMatchingNode() {
        List<Node> nodes = Mocks.nodes(8);
        nodes.get(5).meta.put("database", "postgres");
        Job job = Mocks.job();
        Affinity a = new Affinity();
        a.lTarget = "${meta.database}";
        a.operand = "=";
        a.rTarget = "postgres";
        a.weight = 100;
        job.affinities = new ArrayList<>(List.of(a));
        state.upsertNodes(nodes).upsertJob(job);
        GenericStack stack = new GenericStack(false, ctx);
        stack.setNodes(nodes);
        stack.setJob(job);

        RankedNode option = stack.select(job.taskGroups.get(0), SelectOptions.none());
        assertThat(option.node).isSameAs(nodes.get(5));
        assertThat(ctx.metrics().nodesEvaluated).isEqualTo(8);
        assertThat(stack.currentLimit()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void infeasibleJobReportsWhyInTheMetrics() {
        List<Node> nodes = Mocks.nodes(3);
        for (Node n : nodes) {
            n.attributes.put("kernel.name", "darwin");
            n.computeClass();
        }
        Job job = Mocks.job();
        state.upsertNodes(nodes).upsertJob(job);
        GenericStack stack = new GenericStack(false, ctx);
        stack.setNodes(nodes);
        stack.setJob(job);

        assertThat(stack.select(job.taskGroups.get(0), SelectOptions.none())).isNull();
        assertThat(ctx.metrics().nodesEvaluated).isEqualTo(3);
        assertThat(ctx.metrics().nodesFiltered).isEqualTo(3);
        assertThat(ctx.metrics().constraintFiltered)
                .containsEntry("${attr.kernel.name} = linux", 1)
                .containsEntry("computed class ineligible", 2);
    }

    @Test
    void preferredNodesAreTriedFirst() {
        List<Node> nodes = Mocks.nodes(6);
        Job job = Mocks.job();
        state.upsertNodes(nodes).upsertJob(job);
        GenericStack stack = new GenericStack(false, ctx);
        stack.setNodes(nodes);
        stack.setJob(job);
        SelectOptions prefer = new SelectOptions(java.util.Set.of(), List.of(nodes.get(4)), false);
        assertThat(stack.select(job.taskGroups.get(0), prefer).node).isSameAs(nodes.get(4));
    }

    @Test
    void systemStackPlacesOnTheGivenNodeOrReportsExhaustion() {
        Node node = Mocks.node();
        Job job = Mocks.systemJob();
        state.upsertNode(node).upsertJob(job);
        SystemStack stack = new SystemStack(ctx);
        stack.setJob(job);
        stack.setNodes(List.of(node));
        RankedNode option = stack.select(job.taskGroups.get(0), SelectOptions.none());
        assertThat(option.node).isSameAs(node);
        assertThat(option.finalScore).isGreaterThan(0);

        Node tiny = Mocks.node();
        tiny.nodeResources.cpu.cpuShares = 200L;
        stack.setNodes(List.of(tiny));
        assertThat(stack.select(job.taskGroups.get(0), SelectOptions.none())).isNull();
        assertThat(ctx.metrics().dimensionExhausted).containsEntry("cpu", 1);
    }

    @Test
    void shuffleIsDeterministicPerSeed() {
        List<Node> nodes = Mocks.nodes(20);
        List<Node> a = new ArrayList<>(nodes);
        List<Node> b = new ArrayList<>(nodes);
        NodeShuffle.shuffle(a, NodeShuffle.seedOf("eval-1"));
        NodeShuffle.shuffle(b, NodeShuffle.seedOf("eval-1"));
        assertThat(a).containsExactlyElementsOf(b).containsExactlyInAnyOrderElementsOf(nodes);
        List<Node> c = new ArrayList<>(nodes);
        NodeShuffle.shuffle(c, NodeShuffle.seedOf("eval-2"));
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void readyNodesInDcsFiltersStatusDrainEligibilityAndDatacenter() {
        Node ready = Mocks.node();
        Node down = Mocks.node();
        down.status = Node.STATUS_DOWN;
        Node draining = Mocks.node();
        draining.drain = true;
        Node ineligible = Mocks.node();
        ineligible.schedulingEligibility = Node.INELIGIBLE;
        Node otherDc = Mocks.node();
        otherDc.datacenter = "dc3";
        state.upsertNodes(List.of(ready, down, draining, ineligible, otherDc));

        ReadyNodes.InDcs r = ReadyNodes.readyNodesInDCs(state, List.of("dc1", "dc2"));
        assertThat(r.nodes()).extracting(n -> n.id).containsExactly(ready.id);
        assertThat(r.byDc()).containsEntry("dc1", 1).containsEntry("dc2", 0).hasSize(2);
    }
}
