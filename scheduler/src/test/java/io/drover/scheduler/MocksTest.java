package io.drover.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import io.drover.scheduler.memory.MemoryState;
import io.drover.state.Table;
import org.junit.jupiter.api.Test;

class MocksTest {
    @Test
    void mockJobIsCanonicalServiceJob() {
        Job job = Mocks.job();
        assertThat(job.type).isEqualTo(Job.TYPE_SERVICE);
        assertThat(job.taskGroups.get(0).count).isEqualTo(10);
        assertThat(job.taskGroups.get(0).ephemeralDisk.sizeMb).isEqualTo(150);
        assertThat(job.taskGroups.get(0).tasks.get(0).resources.cpu).isEqualTo(500);
        assertThat(job.taskGroups.get(0).tasks.get(0).resources.networks.get(0).dynamicPorts).hasSize(2);
        assertThat(job.constraints).anySatisfy(c -> assertThat(c.lTarget).isEqualTo("${attr.kernel.name}"));
    }

    @Test
    void mockNodeHasComputedClassAndIsReady() {
        Node a = Mocks.node();
        Node b = Mocks.node();
        assertThat(a.ready()).isTrue();
        assertThat(a.computedClass).startsWith("v1:").isEqualTo(b.computedClass);
        assertThat(a.id).isNotEqualTo(b.id);
    }

    @Test
    void stateStampsIndexesAndAttachesJobs() {
        Job job = Mocks.job();
        Node node = Mocks.node();
        Allocation alloc = Mocks.allocFor(job, node, 500, 256, 150);
        alloc.job = null;
        MemoryState state = new MemoryState().atIndex(100).upsertNode(node).upsertJob(job).upsertAlloc(alloc);

        assertThat(state.tableIndex(Table.NODES)).isEqualTo(100);
        assertThat(state.tableIndex(Table.JOBS)).isEqualTo(101);
        assertThat(state.tableIndex(Table.ALLOCS)).isEqualTo(102);
        assertThat(state.maxIndex(Table.NODES, Table.ALLOCS)).isEqualTo(102);
        assertThat(state.allocationsOfNode(node.id)).singleElement().satisfies(a -> assertThat(a.job).isSameAs(job));
        assertThat(state.allocationsOfJob(job.namespace, job.id, false)).hasSize(1);
        assertThat(job.version).isZero();
    }
}
