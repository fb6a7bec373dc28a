package io.drover.model.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drover.model.Resources;
import io.drover.model.alloc.AllocatedResources;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.NomadJson;
import io.drover.model.json.Recording;
import io.drover.model.node.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * The pre-0.9 resource shapes, against what a real Nomad 0.11.3 answered: recordings 341 (an
 * allocation of two tasks, one with a dynamic port, and a 300 MB disk) and 342 (its node).
 */
class LegacyResourcesTest {
    @Test
    void anAllocationsTotalIsItsTasksAndSharedResourcesSummedAsNomadStoresIt() {
        ObjectNode recorded = (ObjectNode) body("341_allocation_read_legacy_resources.txt");
        JsonNode nomadTotal = recorded.remove("Resources");
        Allocation alloc = read(recorded, Allocation.class);

        LegacyResources.fillTotal(alloc);

        assertThat(tree(alloc.resources)).isEqualTo(nomadTotal);
        assertThat(nomadTotal.get("CPU").asInt()).isEqualTo(150);
        assertThat(nomadTotal.get("DiskMB").asInt()).isEqualTo(300);
    }

    @Test
    void anAllocationStoredBeforeTheLegacyNumbersIsAnsweredWithEveryOne() {
        // As an earlier Drover stored it: per-task CPU and memory only, no shared block, no total.
        Allocation old = new Allocation();
        Resources task = new Resources();
        task.cpu = 100;
        task.memoryMb = 32;
        old.taskResources = new java.util.LinkedHashMap<>(java.util.Map.of("t", task));

        LegacyResources.fillAnswered(old);

        Resources t = old.taskResources.get("t");
        assertThat(new Integer[] {t.cpu, t.memoryMb, t.diskMb, t.iops}).containsExactly(100, 32, 0, 0);
        Resources shared = old.sharedResources;
        assertThat(new Integer[] {shared.cpu, shared.memoryMb, shared.diskMb, shared.iops}).containsExactly(0, 0, 0, 0);
        Resources total = old.resources;
        assertThat(new Integer[] {total.cpu, total.memoryMb, total.diskMb, total.iops}).containsExactly(100, 32, 0, 0);
    }

    @Test
    void aTotalAlreadyThereIsKept() {
        Allocation alloc = new Allocation();
        alloc.resources = new Resources();
        alloc.resources.cpu = 7;
        alloc.sharedResources = LegacyResources.shared(300, null);

        LegacyResources.fillTotal(alloc);

        assertThat(alloc.resources.cpu).isEqualTo(7);
        assertThat(alloc.resources.diskMb).isNull();
    }

    @Test
    void anAllocationWithNoLegacyPartsGetsAZeroTotalAsInNomad() {
        Allocation alloc = new Allocation();

        LegacyResources.fillTotal(alloc);

        assertThat(NomadJson.mapper().valueToTree(alloc.resources).toString())
                .isEqualTo("{\"CPU\":0,\"MemoryMB\":0,\"DiskMB\":0,\"IOPS\":0,\"Networks\":null,\"Devices\":null}");
    }

    @Test
    void theSchedulersPerTaskAndSharedShapesWriteEveryNumber() {
        JsonNode recorded = body("341_allocation_read_legacy_resources.txt");
        AllocatedResources allocated = read(recorded.get("AllocatedResources"), AllocatedResources.class);

        assertThat(tree(LegacyResources.ofTask(allocated.tasks.get("redis"))))
                .isEqualTo(recorded.get("TaskResources").get("redis"));
        assertThat(tree(LegacyResources.ofTask(allocated.tasks.get("side"))))
                .isEqualTo(recorded.get("TaskResources").get("side"));
        assertThat(tree(LegacyResources.shared(300, allocated.shared.networks)))
                .isEqualTo(recorded.get("SharedResources"));
    }

    @Test
    void aNodesLegacyResourcesAndReservedMirrorItsCurrentOnes() {
        JsonNode recorded = body("342_node_read_legacy_resources.txt");
        Node node = read(recorded, Node.class);

        assertThat(tree(LegacyResources.ofNode(node.nodeResources))).isEqualTo(recorded.get("Resources"));
        assertThat(tree(LegacyResources.ofReserved(node.reservedResources))).isEqualTo(recorded.get("Reserved"));
    }

    private static JsonNode body(String recording) {
        try {
            return NomadJson.mapper().readTree(Recording.load(recording).responseBody);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(JsonNode tree, Class<T> type) {
        try {
            return NomadJson.mapper().treeToValue(tree, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(Object value) {
        return NomadJson.mapper().valueToTree(value);
    }
}
