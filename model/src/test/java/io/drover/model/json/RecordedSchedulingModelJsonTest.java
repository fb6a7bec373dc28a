package io.drover.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.drover.model.Job;
import io.drover.model.Jobs;
import io.drover.model.alloc.AllocListStub;
import io.drover.model.alloc.AllocatedResources;
import io.drover.model.alloc.AllocatedTaskResources;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.TaskEvent;
import io.drover.model.alloc.TaskState;
import io.drover.model.node.Node;
import io.drover.model.node.NodeListStub;
import io.drover.model.scheduling.Deployment;
import io.drover.model.scheduling.PlanAnnotations;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nodes, allocations, deployments and plan annotations as a real Nomad 0.11.3 returned them
 * decode into the model and write back byte for byte: same fields, same order, same values.
 */
class RecordedSchedulingModelJsonTest {
    @Test
    void nodeListWritesBackUnchanged() throws Exception {
        String body = Recording.load("002_nodes_list.txt").responseBody;
        List<NodeListStub> nodes = NomadJson.mapper().readValue(body, new TypeReference<List<NodeListStub>>() { });

        assertThat(nodes).hasSize(1);
        assertThat(nodes.get(0).drivers.get("exec").healthy).isTrue();
        assertThat(write(nodes)).isEqualTo(body);
    }

    @Test
    void nodeWritesBackUnchanged() throws Exception {
        String body = Recording.load("003_node_read.txt").responseBody;
        Node node = NomadJson.mapper().readValue(body, Node.class);

        assertThat(node.nodeResources.cpu.cpuShares).isEqualTo(5192);
        assertThat(node.reservedResources.networks.reservedHostPorts).isEmpty();
        assertThat(node.events.get(0).timestamp).isEqualTo("2026-11-22T04:59:08Z");
        assertThat(node.ready()).isTrue();
        assertThat(write(node)).isEqualTo(body);
        assertThat(write(node.copy())).isEqualTo(body);
    }

    @Test
    void nodeStubIsTheListRowOfTheNode() throws Exception {
        Node node = NomadJson.mapper().readValue(Recording.load("003_node_read.txt").responseBody, Node.class);
        JsonNode row = NomadJson.mapper().readTree(Recording.load("002_nodes_list.txt").responseBody).get(0);

        JsonNode stub = NomadJson.mapper().readTree(write(node.stub()));

        // Drivers is a Go map, written in a different order by each response: compare as trees.
        assertThat(names(stub)).isEqualTo(names(row));
        assertThat(stub).isEqualTo(row);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"008_job_allocations.txt", "012_job_allocations_after_complete.txt",
            "021_job_mock_allocations.txt", "040_job_bad_config_allocations.txt", "076_job_allocations_all.txt",
            "099_job_lowercase_fields_allocations.txt"})
    void allocationListsWriteBackUnchanged(String recording) throws Exception {
        String body = Recording.load(recording).responseBody;
        List<AllocListStub> allocs = NomadJson.mapper().readValue(body, new TypeReference<List<AllocListStub>>() { });

        assertThat(allocs).isNotEmpty();
        assertThat(write(allocs)).isEqualTo(body);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"008_job_allocations.txt", "040_job_bad_config_allocations.txt"})
    void anAllocationsStubIsItsListRow(String recording) throws Exception {
        String body = Recording.load(recording).responseBody;
        // The stub's fields are a subset of the allocation's, under the same names.
        List<Allocation> allocs = NomadJson.mapper().readValue(body, new TypeReference<List<Allocation>>() { });
        Job job = Jobs.canonical("{\"ID\": \"x\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"], \"TaskGroups\":"
                + " [{\"Name\": \"g\", \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"raw_exec\"}]}]}");
        job.version = 0L;

        List<AllocListStub> stubs = new ArrayList<>();
        for (Allocation a : allocs) {
            a.job = job;
            stubs.add(a.stub());
        }

        assertThat(write(stubs)).isEqualTo(body);
    }

    @Test
    void recordedTaskEventsGetTheirDisplayMessagesBack() throws Exception {
        String body = Recording.load("040_job_bad_config_allocations.txt").responseBody;
        List<AllocListStub> allocs = NomadJson.mapper().readValue(body, new TypeReference<List<AllocListStub>>() { });
        int events = 0;
        for (AllocListStub a : allocs) {
            for (TaskState s : a.taskStates.values()) {
                for (TaskEvent e : s.events) {
                    e.displayMessage = "";
                    events++;
                }
            }
            a.setEventDisplayMessages();
        }

        assertThat(events).isGreaterThan(5);
        assertThat(write(allocs)).isEqualTo(body);
    }

    @Test
    void deploymentWritesBackUnchanged() throws Exception {
        String one = Recording.load("079_job_service_latest_deployment.txt").responseBody;
        String list = Recording.load("080_job_service_deployments.txt").responseBody;

        Deployment d = NomadJson.mapper().readValue(one, Deployment.class);
        List<Deployment> ds = NomadJson.mapper().readValue(list, new TypeReference<List<Deployment>>() { });

        assertThat(d.active()).isTrue();
        assertThat(d.taskGroups.get("web").desiredTotal).isEqualTo(1);
        assertThat(write(d)).isEqualTo(one);
        assertThat(write(ds)).isEqualTo(list);
    }

    @Test
    void planAnnotationsWriteBackUnchanged() throws Exception {
        JsonNode plan = NomadJson.mapper().readTree(Recording.load("056_job_plan_diff.txt").responseBody);
        String annotations = NomadJson.mapper().writeValueAsString(plan.get("Annotations"));

        PlanAnnotations a = NomadJson.mapper().readValue(annotations, PlanAnnotations.class);

        assertThat(a.desiredTgUpdates.get("g").place).isEqualTo(1);
        assertThat(write(a)).isEqualTo(annotations);
    }

    @Test
    void aFullAllocationLeavesOutEmptyFieldsAndKeepsNomadsOrder() throws Exception {
        String stubBody = Recording.load("040_job_bad_config_allocations.txt").responseBody;
        Allocation a = NomadJson.mapper().readValue(stubBody, new TypeReference<List<Allocation>>() { }).get(1);
        a.job = Jobs.canonical("{\"ID\": \"bad-config\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"],"
                + " \"TaskGroups\": [{\"Name\": \"g\", \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"raw_exec\"}]}]}");
        a.allocatedResources = new AllocatedResources();
        a.allocatedResources.tasks = new java.util.LinkedHashMap<>();
        a.allocatedResources.tasks.put("t", new AllocatedTaskResources(100, 300));
        a.allocatedResources.shared.diskMb = 300L;
        a.previousAllocation = "34d0a307-6d60-39b2-31d5-8c5595d27c62";

        JsonNode json = NomadJson.mapper().readTree(write(a));

        assertThat(names(json)).containsExactly("ID", "Namespace", "EvalID", "Name", "NodeID", "NodeName", "JobID",
                "Job", "TaskGroup", "AllocatedResources", "DesiredStatus", "ClientStatus", "ClientDescription",
                "TaskStates", "PreviousAllocation", "RescheduleTracker", "CreateIndex", "ModifyIndex", "CreateTime",
                "ModifyTime");
        assertThat(json.get("Job").get("ID").asText()).isEqualTo("bad-config");
        // Inside the allocation, other structs keep their empty fields.
        assertThat(names(json.get("AllocatedResources"))).containsExactly("Tasks", "TaskLifecycles", "Shared");
        assertThat(json.get("AllocatedResources").get("Shared").toString()).isEqualTo("{\"Networks\":null,\"DiskMB\":300}");

        a.desiredTransition.migrate = true;
        assertThat(NomadJson.mapper().readTree(write(a)).get("DesiredTransition").toString())
                .isEqualTo("{\"Migrate\":true,\"Reschedule\":null,\"ForceReschedule\":null}");

        Allocation back = NomadJson.read(write(a).getBytes(StandardCharsets.UTF_8), Allocation.class);
        assertThat(write(back)).isEqualTo(write(a));
        assertThat(back.followupEvalId).isEmpty();
        assertThat(back.desiredTransition.shouldMigrate()).isTrue();
    }

    private static String write(Object value) {
        return new String(NomadJson.write(value), StandardCharsets.UTF_8);
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
