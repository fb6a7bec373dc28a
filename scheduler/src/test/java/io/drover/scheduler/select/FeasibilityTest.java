package io.drover.scheduler.select;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Constraint;
import io.drover.model.Job;
import io.drover.model.TaskGroup;
import io.drover.model.VolumeRequest;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.ClientHostVolumeConfig;
import io.drover.model.node.Node;
import io.drover.model.scheduling.Plan;
import io.drover.scheduler.Mocks;
import io.drover.scheduler.memory.MemoryState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeasibilityTest {
    private final MemoryState state = new MemoryState();
    private final Plan plan = new Plan();
    private final EvalContext ctx = new EvalContext(state, plan);

    private static List<Node> drain(FeasibleIterator it) {
        List<Node> out = new ArrayList<>();
        for (Node n = it.next(); n != null; n = it.next()) {
            out.add(n);
        }
        return out;
    }

    @Test
    void staticIteratorCountsEvaluatedNodesAndResumesWhereItStopped() {
        List<Node> nodes = Mocks.nodes(3);
        StaticIterator it = new StaticIterator(ctx, nodes);
        assertThat(it.next()).isSameAs(nodes.get(0));
        it.reset();
        assertThat(drain(it)).containsExactly(nodes.get(1), nodes.get(2), nodes.get(0));
        assertThat(ctx.metrics().nodesEvaluated).isEqualTo(4);
    }

    @Test
    void driverCheckerReadsDriverInfoThenTheAttribute() {
        DriverChecker checker = new DriverChecker(ctx, Set.of("exec"));
        Node healthy = Mocks.node();
        Node unhealthy = Mocks.node();
        unhealthy.drivers.put("exec", Mocks.driver(true, false));
        Node legacy = Mocks.node();
        legacy.drivers = null;
        Node legacyOff = Mocks.node();
        legacyOff.drivers = null;
        legacyOff.attributes.put("driver.exec", "0");

        assertThat(checker.feasible(healthy)).isTrue();
        assertThat(checker.feasible(legacy)).isTrue();
        assertThat(checker.feasible(unhealthy)).isFalse();
        assertThat(checker.feasible(legacyOff)).isFalse();
        assertThat(ctx.metrics().nodesFiltered).isEqualTo(2);
        assertThat(ctx.metrics().constraintFiltered).containsExactly(Map.entry("missing drivers", 2));
        assertThat(ctx.metrics().classFiltered).containsExactly(Map.entry("linux-medium-pci", 2));
    }

    @Test
    void constraintCheckerRecordsTheFailingConstraintText() {
        Node windows = Mocks.node();
        windows.attributes.put("kernel.name", "windows");
        ConstraintChecker checker = new ConstraintChecker(ctx,
                List.of(new Constraint("${attr.kernel.name}", "=", "linux")));
        assertThat(checker.feasible(Mocks.node())).isTrue();
        assertThat(checker.feasible(windows)).isFalse();
        assertThat(ctx.metrics().constraintFiltered).containsExactly(Map.entry("${attr.kernel.name} = linux", 1));
    }

    @Test
    void constraintTargetsResolveNodeFields() {
        Node n = Mocks.node();
        assertThat(NodeTargets.resolve("${node.unique.id}", n)).isEqualTo(n.id);
        assertThat(NodeTargets.resolve("${node.datacenter}", n)).isEqualTo("dc1");
        assertThat(NodeTargets.resolve("${node.unique.name}", n)).isEqualTo("foobar");
        assertThat(NodeTargets.resolve("${node.class}", n)).isEqualTo("linux-medium-pci");
        assertThat(NodeTargets.resolve("${meta.database}", n)).isEqualTo("mysql");
        assertThat(NodeTargets.resolve("${attr.unique.hostname}", n)).isEqualTo("foobar");
        assertThat(NodeTargets.resolve("${attr.nope}", n)).isNull();
        assertThat(NodeTargets.resolve("${node.other}", n)).isNull();
        assertThat(NodeTargets.resolve("literal", n)).isEqualTo("literal");
    }

    @Test
    void hostVolumeCheckerNeedsEveryVolumeAndRespectsReadOnly() {
        VolumeRequest rw = new VolumeRequest();
        rw.type = VolumeRequest.TYPE_HOST;
        rw.source = "data";
        rw.readOnly = false;
        HostVolumeChecker checker = new HostVolumeChecker(ctx);
        checker.setVolumes(Map.of("v", rw));

        Node none = Mocks.node();
        Node writable = Mocks.node();
        writable.hostVolumes = Map.of("data", hostVolume(false));
        Node readOnly = Mocks.node();
        readOnly.hostVolumes = Map.of("data", hostVolume(true));

        assertThat(checker.feasible(writable)).isTrue();
        assertThat(checker.feasible(none)).isFalse();
        assertThat(checker.feasible(readOnly)).isFalse();
        assertThat(ctx.metrics().constraintFiltered).containsEntry("missing compatible host volumes", 2);
    }

    private static ClientHostVolumeConfig hostVolume(boolean readOnly) {
        ClientHostVolumeConfig c = new ClientHostVolumeConfig();
        c.name = "data";
        c.readOnly = readOnly;
        return c;
    }

    @Test
    void feasibilityWrapperChecksOneNodePerComputedClass() {
        Node windows1 = Mocks.node();
        windows1.attributes.put("kernel.name", "windows");
        windows1.computeClass();
        Node windows2 = Mocks.node();
        windows2.attributes.put("kernel.name", "windows");
        windows2.computeClass();
        Node linux = Mocks.node();
        int[] checks = {0};
        ConstraintChecker constraint = new ConstraintChecker(ctx, List.of(new Constraint("${attr.kernel.name}", "=", "linux")));
        FeasibilityChecker counting = n -> {
            checks[0]++;
            return constraint.feasible(n);
        };
        Job job = Mocks.job();
        ctx.eligibility().setJob(job);
        FeasibilityWrapper wrapper = new FeasibilityWrapper(ctx, new StaticIterator(ctx, List.of(windows1, windows2, linux)),
                List.of(counting), List.of(), List.of());
        wrapper.setTaskGroup("web");

        assertThat(drain(wrapper)).containsExactly(linux);
        assertThat(checks[0]).isEqualTo(2);
        assertThat(ctx.metrics().constraintFiltered)
                .containsEntry("${attr.kernel.name} = linux", 1)
                .containsEntry("computed class ineligible", 1);
        assertThat(ctx.eligibility().getClasses())
                .containsEntry(windows1.computedClass, false)
                .containsEntry(linux.computedClass, true);
        assertThat(ctx.eligibility().hasEscaped()).isFalse();
    }

    @Test
    void uniqueConstraintsEscapeTheComputedClass() {
        Job job = Mocks.job();
        job.constraints = new ArrayList<>(List.of(new Constraint("${node.unique.name}", "=", "other")));
        ctx.eligibility().setJob(job);
        assertThat(ctx.eligibility().hasEscaped()).isTrue();
        assertThat(ctx.eligibility().jobStatus("any")).isEqualTo(EvalEligibility.Status.ESCAPED);
    }

    @Test
    void distinctHostsRefusesNodesHoldingTheJob() {
        Job job = Mocks.job();
        job.constraints = new ArrayList<>(List.of(new Constraint("", Constraint.DISTINCT_HOSTS, "")));
        List<Node> nodes = Mocks.nodes(3);
        state.upsertNodes(nodes).upsertJob(job).upsertAlloc(Mocks.allocFor(job, nodes.get(0), 100, 100, 10));
        Allocation planned = Mocks.allocFor(job, nodes.get(1), 100, 100, 10);
        plan.appendAlloc(planned);

        DistinctHostsIterator it = new DistinctHostsIterator(ctx, new StaticIterator(ctx, nodes));
        it.setJob(job);
        it.setTaskGroup(job.taskGroups.get(0));
        assertThat(drain(it)).containsExactly(nodes.get(2));
        assertThat(ctx.metrics().constraintFiltered).containsExactly(Map.entry("distinct_hosts", 2));
    }

    @Test
    void distinctPropertyAllowsRTargetAllocationsPerValue() {
        List<Node> nodes = Mocks.nodes(3);
        nodes.get(0).meta.put("rack", "r1");
        nodes.get(1).meta.put("rack", "r1");
        nodes.get(2).meta.put("rack", "r2");
        Job job = Mocks.job();
        TaskGroup tg = job.taskGroups.get(0);
        tg.constraints = new ArrayList<>(List.of(new Constraint("${meta.rack}", Constraint.DISTINCT_PROPERTY, "")));
        state.upsertNodes(nodes).upsertJob(job).upsertAlloc(Mocks.allocFor(job, nodes.get(0), 100, 100, 10));

        DistinctPropertyIterator it = new DistinctPropertyIterator(ctx, new StaticIterator(ctx, nodes));
        it.setJob(job);
        it.setTaskGroup(tg);
        assertThat(drain(it)).containsExactly(nodes.get(2));
        assertThat(ctx.metrics().constraintFiltered)
                .containsExactly(Map.entry("distinct_property: ${meta.rack}=r1 used by 1 allocs", 2));

        // A planned placement on r2 uses that value up too, once the iterator is reset.
        plan.appendAlloc(Mocks.allocFor(job, nodes.get(2), 100, 100, 10));
        it.reset();
        assertThat(drain(it)).isEmpty();
    }

    @Test
    void distinctPropertyWithACountAllowsThatMany() {
        List<Node> nodes = Mocks.nodes(2);
        Job job = Mocks.job();
        job.constraints = new ArrayList<>(List.of(new Constraint("${node.datacenter}", Constraint.DISTINCT_PROPERTY, "2")));
        state.upsertNodes(nodes).upsertJob(job).upsertAlloc(Mocks.allocFor(job, nodes.get(0), 100, 100, 10));

        DistinctPropertyIterator it = new DistinctPropertyIterator(ctx, new StaticIterator(ctx, nodes));
        it.setJob(job);
        it.setTaskGroup(job.taskGroups.get(0));
        assertThat(drain(it)).containsExactlyElementsOf(nodes);
    }
}
