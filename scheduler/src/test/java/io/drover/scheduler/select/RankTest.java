package io.drover.scheduler.select;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Affinity;
import io.drover.model.Job;
import io.drover.model.NetworkResource;
import io.drover.model.Port;
import io.drover.model.Spread;
import io.drover.model.SpreadTarget;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import io.drover.model.scheduling.Plan;
import io.drover.scheduler.Mocks;
import io.drover.scheduler.memory.MemoryState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankTest {
    private final MemoryState state = new MemoryState();
    private final Plan plan = new Plan();
    private final EvalContext ctx = new EvalContext(state, plan);

    private BinPackIterator binPack(List<Node> nodes, TaskGroup tg) {
        BinPackIterator it = new BinPackIterator(ctx, new FeasibleRankIterator(new StaticIterator(ctx, nodes)), false, 0, false);
        it.setTaskGroup(tg);
        return it;
    }

    private static List<RankedNode> drain(RankIterator it) {
        List<RankedNode> out = new ArrayList<>();
        for (RankedNode n = it.next(); n != null; n = it.next()) {
            out.add(n);
        }
        return out;
    }

    @Test
    void binPackScoresTheFitAndAssignsResources() {
        Node node = Mocks.node();
        Job job = Mocks.job();
        TaskGroup tg = job.taskGroups.get(0);

        RankedNode ranked = binPack(List.of(node), tg).next();

        double freeCpu = 1 - 500.0 / 3900;
        double freeMem = 1 - 256.0 / 7936;
        double expected = (20 - (Math.pow(10, freeCpu) + Math.pow(10, freeMem))) / 18;
        assertThat(ranked.scores).containsExactly(expected);
        assertThat(ranked.taskResources.get("web").cpu.cpuShares).isEqualTo(500L);
        NetworkResource offer = ranked.taskResources.get("web").networks.get(0);
        assertThat(offer.ip).isEqualTo("192.168.0.100");
        assertThat(offer.dynamicPorts).extracting(p -> p.value).allSatisfy(v -> assertThat(v).isBetween(20000, 32000));
        ctx.metrics().populateScoreMetaData();
        assertThat(ctx.metrics().scoreMetaData).isNull();
    }

    @Test
    void binPackRecordsTheExhaustedDimension() {
        Node small = Mocks.node();
        small.nodeResources.memory.memoryMb = 400L;
        Node noCpu = Mocks.node();
        noCpu.nodeResources.cpu.cpuShares = 300L;
        Job job = Mocks.job();
        TaskGroup tg = job.taskGroups.get(0);

        assertThat(drain(binPack(List.of(small, noCpu), tg))).isEmpty();
        assertThat(ctx.metrics().nodesExhausted).isEqualTo(2);
        assertThat(ctx.metrics().dimensionExhausted).containsEntry("memory", 1).containsEntry("cpu", 1);
        assertThat(ctx.metrics().classExhausted).containsEntry("linux-medium-pci", 2);
    }

    @Test
    void binPackRecordsNetworkShortfalls() {
        Job job = Mocks.job();
        TaskGroup tg = job.taskGroups.get(0);
        tg.tasks.get(0).resources.networks.get(0).mbits = 2000;
        assertThat(drain(binPack(List.of(Mocks.node()), tg))).isEmpty();
        assertThat(ctx.metrics().dimensionExhausted).containsExactly(Map.entry("network: bandwidth exceeded", 1));
    }

    @Test
    void aStaticPortTheNodeReservesCollides() {
        Job job = Mocks.job();
        TaskGroup tg = job.taskGroups.get(0);
        tg.tasks.get(0).resources.networks.get(0).reservedPorts = new ArrayList<>(List.of(new Port("ssh", 22, 0)));
        // Reserved host ports land on the IPs the node's networks name, as in Nomad; a real
        // client fingerprints its address (the mock, like Nomad's, only has a CIDR).
        Node node = Mocks.node();
        node.nodeResources.networks.get(0).ip = "192.168.0.100";
        assertThat(drain(binPack(List.of(node), tg))).isEmpty();
        assertThat(ctx.metrics().dimensionExhausted).containsExactly(Map.entry("network: reserved port collision", 1));
    }

    @Test
    void twoAllocationsAskingTheSameStaticPortNeverShareANode() {
        List<Node> nodes = Mocks.nodes(2);
        Job job = Mocks.job();
        TaskGroup tg = job.taskGroups.get(0);
        tg.tasks.get(0).resources.networks.get(0).reservedPorts = new ArrayList<>(List.of(new Port("db", 8080, 0)));
        state.upsertNodes(nodes).upsertJob(job);

        GenericStack stack = new GenericStack(false, ctx);
        stack.setNodes(nodes);
        stack.setJob(job);
        for (int i = 0; i < 3; i++) {
            RankedNode option = stack.select(tg, SelectOptions.none());
            if (i == 2) {
                assertThat(option).isNull();
                assertThat(ctx.metrics().dimensionExhausted).containsEntry("network: reserved port collision", 2);
                break;
            }
            assertThat(option).isNotNull();
            plan.appendAlloc(placement(job, option));
        }
        assertThat(plan.nodeAllocation).hasSize(2);
        assertThat(plan.nodeAllocation.values()).allSatisfy(allocs -> assertThat(allocs).hasSize(1));
    }

    /** An allocation like the generic scheduler builds from a selection. */
    static Allocation placement(Job job, RankedNode option) {
        Allocation a = new Allocation();
        a.id = Mocks.uuid();
        a.namespace = job.namespace;
        a.jobId = job.id;
        a.taskGroup = job.taskGroups.get(0).name;
        a.nodeId = option.node.id;
        a.allocatedResources = new io.drover.model.alloc.AllocatedResources();
        a.allocatedResources.tasks = option.taskResources;
        a.allocatedResources.taskLifecycles = option.taskLifecycles;
        a.allocatedResources.shared.diskMb = 150L;
        a.desiredStatus = Allocation.DESIRED_RUN;
        a.clientStatus = Allocation.CLIENT_PENDING;
        return a;
    }

    @Test
    void jobAntiAffinityPenalisesCollisions() {
        Node node = Mocks.node();
        Job job = Mocks.job();
        state.upsertNode(node).upsertJob(job).upsertAlloc(Mocks.allocFor(job, node, 100, 100, 10))
                .upsertAlloc(Mocks.allocFor(job, node, 100, 100, 10));
        JobAntiAffinityIterator it = new JobAntiAffinityIterator(ctx, new StaticRankIterator(List.of(new RankedNode(node))));
        it.setJob(job);
        it.setTaskGroup(job.taskGroups.get(0));
        assertThat(it.next().scores).containsExactly(-3.0 / 10);
    }

    @Test
    void reschedulingPenaltyScoresMinusOneOnPenaltyNodes() {
        Node bad = Mocks.node();
        Node good = Mocks.node();
        NodeReschedulingPenaltyIterator it = new NodeReschedulingPenaltyIterator(ctx,
                new StaticRankIterator(List.of(new RankedNode(bad), new RankedNode(good))));
        it.setPenaltyNodes(Set.of(bad.id));
        assertThat(it.next().scores).containsExactly(-1.0);
        assertThat(it.next().scores).isEmpty();
    }

    @Test
    void nodeAffinityScoresMatchingWeightsOverTotalWeight() {
        Node mysql = Mocks.node();
        Node postgres = Mocks.node();
        postgres.meta.put("database", "postgres");
        Job job = Mocks.job();
        job.affinities = new ArrayList<>(List.of(affinity("${meta.database}", "=", "mysql", 60),
                affinity("${node.datacenter}", "=", "dc2", -40)));
        NodeAffinityIterator it = new NodeAffinityIterator(ctx,
                new StaticRankIterator(List.of(new RankedNode(mysql), new RankedNode(postgres))));
        it.setJob(job);
        it.setTaskGroup(job.taskGroups.get(0));
        assertThat(it.hasAffinities()).isTrue();
        assertThat(it.next().scores).containsExactly(0.6);
        assertThat(it.next().scores).isEmpty();
    }

    private static Affinity affinity(String l, String op, String r, int weight) {
        Affinity a = new Affinity();
        a.lTarget = l;
        a.operand = op;
        a.rTarget = r;
        a.weight = weight;
        return a;
    }

    @Test
    void spreadWithTargetsPrefersTheValueBelowItsShare() {
        List<Node> nodes = Mocks.nodes(2);
        nodes.get(0).datacenter = "dc1";
        nodes.get(1).datacenter = "dc2";
        Job job = Mocks.job();
        job.datacenters = List.of("dc1", "dc2");
        Spread spread = new Spread();
        spread.attribute = "${node.datacenter}";
        spread.weight = 100;
        spread.spreadTarget = List.of(target("dc1", 50), target("dc2", 50));
        job.spreads = List.of(spread);
        state.upsertNodes(nodes).upsertJob(job);
        for (int i = 0; i < 3; i++) {
            state.upsertAlloc(Mocks.allocFor(job, nodes.get(0), 100, 100, 10));
        }

        SpreadIterator it = new SpreadIterator(ctx,
                new StaticRankIterator(List.of(new RankedNode(nodes.get(0)), new RankedNode(nodes.get(1)))));
        it.setJob(job);
        it.setTaskGroup(job.taskGroups.get(0));
        // Count 10, 5 wanted per DC: dc1 holds 3 (4 with this one), dc2 none (1 with this one).
        assertThat(it.next().scores).containsExactly((5.0 - 4) / 5);
        assertThat(it.next().scores).containsExactly((5.0 - 1) / 5);
    }

    @Test
    void evenSpreadPrefersTheLeastUsedValue() {
        List<Node> nodes = Mocks.nodes(2);
        nodes.get(0).meta.put("rack", "r1");
        nodes.get(1).meta.put("rack", "r2");
        Job job = Mocks.job();
        Spread spread = new Spread();
        spread.attribute = "${meta.rack}";
        spread.weight = 50;
        job.taskGroups.get(0).spreads = List.of(spread);
        state.upsertNodes(nodes).upsertJob(job);
        state.upsertAlloc(Mocks.allocFor(job, nodes.get(0), 100, 100, 10));
        state.upsertAlloc(Mocks.allocFor(job, nodes.get(0), 100, 100, 10));
        state.upsertAlloc(Mocks.allocFor(job, nodes.get(1), 100, 100, 10));

        SpreadIterator it = new SpreadIterator(ctx,
                new StaticRankIterator(List.of(new RankedNode(nodes.get(0)), new RankedNode(nodes.get(1)))));
        it.setJob(job);
        it.setTaskGroup(job.taskGroups.get(0));
        assertThat(it.hasSpreads()).isTrue();
        assertThat(it.next().scores).containsExactly(-1.0);
        assertThat(it.next().scores).containsExactly(1.0);
    }

    private static SpreadTarget target(String value, int percent) {
        SpreadTarget t = new SpreadTarget();
        t.value = value;
        t.percent = percent;
        return t;
    }

    @Test
    void scoreNormalizationAveragesScores() {
        RankedNode n = new RankedNode(Mocks.node());
        n.scores.addAll(List.of(0.5, -0.1, 0.2));
        ScoreNormalizationIterator it = new ScoreNormalizationIterator(ctx, new StaticRankIterator(List.of(n)));
        assertThat(it.next().finalScore).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void limitIteratorSkipsLowScoresUpToMaxSkipAndReturnsThemLast() {
        List<RankedNode> nodes = new ArrayList<>();
        double[] scores = {-1, -2, 0.5, -3, 0.7, 0.9};
        for (double s : scores) {
            RankedNode n = new RankedNode(Mocks.node());
            n.finalScore = s;
            nodes.add(n);
        }
        LimitIterator it = new LimitIterator(new StaticRankIterator(nodes), 2, 0.0, 3);
        assertThat(drain(it)).extracting(n -> n.finalScore).containsExactly(0.5, 0.7);

        LimitIterator all = new LimitIterator(new StaticRankIterator(nodes.subList(0, 2)), 2, 0.0, 3);
        // Only low scores: they come back once the source is dry.
        assertThat(drain(all)).extracting(n -> n.finalScore).containsExactly(-1.0, -2.0);
    }

    @Test
    void maxScorePicksTheBestOnce() {
        List<RankedNode> nodes = new ArrayList<>();
        for (double s : new double[] {0.1, 0.8, 0.8, 0.3}) {
            RankedNode n = new RankedNode(Mocks.node());
            n.finalScore = s;
            nodes.add(n);
        }
        MaxScoreIterator it = new MaxScoreIterator(new StaticRankIterator(nodes));
        assertThat(it.next()).isSameAs(nodes.get(1));
        assertThat(it.next()).isNull();
    }
}
