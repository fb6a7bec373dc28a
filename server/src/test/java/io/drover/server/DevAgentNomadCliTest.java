package io.drover.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.testkit.http.NomadClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the real {@code nomad} CLI (0.11.3) reads of a dev agent, as JSON (the CLI itself is not
 * available to the build): {@code node status <id>} subtracts the node's {@code Reserved} from its
 * {@code Resources}, {@code alloc status <id>} prints each task's {@code TaskResources} with the
 * allocation's {@code Resources.DiskMB} (both panic on a missing field), {@code agent-info} prints
 * the {@code stats} sections, {@code operator raft list-peers} the Raft configuration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevAgentNomadCliTest {
    private static final Duration PATIENCE = Duration.ofSeconds(45);
    /** Two tasks, one with a dynamic port, and the default 300 MB ephemeral disk (recording 340's job). */
    private static final String TWO_TASKS = "{\"Job\": {\"ID\": \"legacy\", \"Type\": \"service\","
            + " \"Datacenters\": [\"dc1\"], \"TaskGroups\": [{\"Name\": \"cache\", \"Count\": 1, \"Tasks\": ["
            + "{\"Name\": \"redis\", " + TestJobs.mock("1h", 0) + ", \"Resources\": {\"CPU\": 100, \"MemoryMB\": 32,"
            + " \"Networks\": [{\"MBits\": 10, \"DynamicPorts\": [{\"Label\": \"db\"}]}]}},"
            + "{\"Name\": \"side\", " + TestJobs.mock("1h", 0) + ", \"Resources\": {\"CPU\": 50, \"MemoryMB\": 20}}]}]}}";

    @TempDir
    Path dir;
    Agent agent;
    NomadClient http;
    String nodeId;
    String allocId;

    @BeforeAll
    void start() {
        agent = TestAgents.dev(dir);
        http = TestAgents.httpOnceNodeReady(agent, PATIENCE);
        nodeId = http.get("/v1/nodes").json().get(0).get("ID").asText();
        assertThat(http.post("/v1/jobs", TWO_TASKS).status()).isEqualTo(200);
        Awaitility.await("the allocation runs").atMost(PATIENCE).until(() -> {
            JsonNode allocs = http.get("/v1/job/legacy/allocations").json();
            return allocs.size() == 1 && "running".equals(allocs.get(0).get("ClientStatus").asText());
        });
        allocId = http.get("/v1/job/legacy/allocations").json().get(0).get("ID").asText();
    }

    @AfterAll
    void stop() {
        agent.close();
    }

    @Test
    void nodeStatusFindsTheNodesLegacyResourcesAndReserved() {
        JsonNode node = http.get("/v1/node/" + nodeId).json();

        JsonNode resources = node.get("Resources");
        JsonNode current = node.get("NodeResources");
        assertThat(resources.get("CPU").asLong()).isEqualTo(current.get("Cpu").get("CpuShares").asLong()).isPositive();
        assertThat(resources.get("MemoryMB").asLong()).isEqualTo(current.get("Memory").get("MemoryMB").asLong());
        assertThat(resources.get("DiskMB").asLong()).isEqualTo(current.get("Disk").get("DiskMB").asLong());
        assertThat(resources.get("IOPS").isInt()).isTrue();
        assertThat(node.get("Reserved").toString())
                .isEqualTo("{\"CPU\":0,\"MemoryMB\":0,\"DiskMB\":0,\"IOPS\":0,\"Networks\":null,\"Devices\":null}");
    }

    @Test
    void allocStatusFindsTheLegacyTotalsPerTaskAndSharedResourcesAsNomadWritesThem() {
        JsonNode alloc = http.get("/v1/allocation/" + allocId).json();

        // Recording 341: the same job on Nomad 0.11.3 (ports aside).
        JsonNode total = alloc.get("Resources");
        assertThat(List.of(total.get("CPU").asInt(), total.get("MemoryMB").asInt(), total.get("DiskMB").asInt(),
                total.get("IOPS").asInt())).containsExactly(150, 52, 300, 0);
        assertThat(total.get("Networks").get(0).get("DynamicPorts").get(0).get("Label").asText()).isEqualTo("db");
        assertThat(alloc.get("SharedResources").toString())
                .isEqualTo("{\"CPU\":0,\"MemoryMB\":0,\"DiskMB\":300,\"IOPS\":0,\"Networks\":null,\"Devices\":null}");
        assertThat(alloc.get("TaskResources").get("side").toString())
                .isEqualTo("{\"CPU\":50,\"MemoryMB\":20,\"DiskMB\":0,\"IOPS\":0,\"Networks\":null,\"Devices\":null}");
        JsonNode redis = alloc.get("TaskResources").get("redis");
        assertThat(List.of(redis.get("CPU").asInt(), redis.get("MemoryMB").asInt(), redis.get("DiskMB").asInt(),
                redis.get("IOPS").asInt())).containsExactly(100, 32, 0, 0);
    }

    @Test
    void agentInfoFindsTheDevNodeAndTheRaftLog() {
        JsonNode stats = http.get("/v1/agent/self").json().get("stats");

        assertThat(stats.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("client", "nomad", "raft", "runtime", "serf", "vault");
        JsonNode client = stats.get("client");
        assertThat(client.get("node_id").asText()).isEqualTo(nodeId);
        assertThat(client.get("known_servers").asText()).isEqualTo(agent.config().grpcAddress());
        assertThat(client.get("num_allocations").asText()).isEqualTo("1");
        assertThat(client.get("heartbeat_ttl").asText()).matches("[0-9.]+(ms|s|m[0-9.]*s)");
        JsonNode raft = stats.get("raft");
        assertThat(raft.get("state").asText()).isEqualTo("Leader");
        assertThat(raft.get("last_contact").asText()).isEqualTo("0");
        assertThat(raft.get("applied_index").asLong()).isPositive()
                .isLessThanOrEqualTo(raft.get("commit_index").asLong());
        assertThat(raft.get("term").asLong()).isPositive();
        String raftAddress = agent.config().raftAddress();
        assertThat(raft.get("latest_configuration").asText())
                .isEqualTo("[{Suffrage:Voter ID:" + raftAddress + " Address:" + raftAddress + "}]");
        assertThat(raft.get("num_peers").asText()).isEqualTo("0");
    }

    @Test
    void listPeersShowsTheServerByRaftAddress() {
        JsonNode configuration = http.get("/v1/operator/raft/configuration").json();

        JsonNode server = configuration.get("Servers").get(0);
        String raftAddress = agent.config().raftAddress();
        assertThat(server.get("ID").asText()).isEqualTo(raftAddress);
        assertThat(server.get("Address").asText()).isEqualTo(raftAddress);
        assertThat(server.get("Node").asText()).isEqualTo("test-dev.global");
        assertThat(server.get("RaftProtocol").asText()).isEqualTo("2");
        assertThat(configuration.get("Index").isIntegralNumber()).isTrue();
    }
}
