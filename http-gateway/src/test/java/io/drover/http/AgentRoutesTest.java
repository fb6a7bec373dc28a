package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.http.testing.Answer;
import io.drover.http.testing.FakeCluster;
import io.drover.http.testing.GatewayHarness;
import io.drover.http.testing.Reference;
import io.drover.state.ServerInfo;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Status, agent and operator routes, answered from what the agent knows. */
class AgentRoutesTest {
    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void statusLeaderIsTheLeadersRaftAddressAsAJsonString() {
        Answer a = h.get("/v1/status/leader");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("\"127.0.0.1:4647\"");
        assertThat(a.header("Content-Type")).isEqualTo("application/json");
        assertThat(a.header("X-Nomad-Index")).isNull();

        h.cluster.status(FakeCluster.leaderless());
        assertThat(h.get("/v1/status/leader").body()).isEqualTo("\"\"");
    }

    @Test
    void statusPeersListsRaftAddresses() {
        Answer a = h.get("/v1/status/peers");

        assertThat(a.body()).isEqualTo("[\"127.0.0.1:4647\",\"127.0.0.2:4647\"]");
        assertThat(h.get("/v1/status/peers?region=elsewhere").body()).isEqualTo("No path to region");
    }

    @Test
    void agentSelfIdentifiesTheServer() {
        Answer a = h.get("/v1/agent/self");

        assertThat(a.status()).isEqualTo(200);
        JsonNode self = a.json();
        assertThat(self.fieldNames()).toIterable().containsExactly("config", "member", "stats");
        JsonNode config = self.get("config");
        assertThat(config.get("Region").asText()).isEqualTo("global");
        assertThat(config.get("Datacenter").asText()).isEqualTo("dc1");
        assertThat(config.get("NodeName").asText()).isEqualTo("server-1");
        assertThat(config.get("AdvertiseAddrs").get("RPC").asText()).isEqualTo("127.0.0.1:4647");
        assertThat(config.get("Ports").get("HTTP").asInt()).isEqualTo(4646);
        assertThat(config.get("Server").get("Enabled").asBoolean()).isTrue();
        assertThat(config.get("Version").get("Version").asText()).isEqualTo("0.1.0");
        JsonNode member = self.get("member");
        assertThat(member.get("Name").asText()).isEqualTo("server-1.global");
        assertThat(member.get("Tags").get("region").asText()).isEqualTo("global");
        assertThat(member.get("Tags").get("id").asText()).as("Nomad's form, not the Ratis peer ID")
                .isEqualTo("127.0.0.1:4647");
        JsonNode stats = self.get("stats");
        assertThat(stats.get("nomad").get("leader").asText()).isEqualTo("true");
        assertThat(stats.get("nomad").get("leader_addr").asText()).isEqualTo("127.0.0.1:4647");
        assertThat(stats.get("raft").get("state").asText()).isEqualTo("Leader");
    }

    @Test
    void agentSelfOnAFollowerSaysSo() {
        h.cluster.status(FakeCluster.follower(30));
        h.cluster.raftStats(new RaftStats("Follower", 2, 76, 2, 76, 75, 0, 0, 0));

        JsonNode stats = h.get("/v1/agent/self").json().get("stats");

        assertThat(stats.get("nomad").get("leader").asText()).isEqualTo("false");
        assertThat(stats.get("raft").get("state").asText()).isEqualTo("Follower");
        assertThat(stats.get("raft").get("last_contact").asText()).isEqualTo("30ms");
    }

    @Test
    void raftConfigurationListsTheServersByRaftAddressAsNomadsProtocol2Does() {
        h.store.upsertServer(new ServerInfo("server-2", "vm2", "127.0.0.2:4647", "127.0.0.2:4648",
                "127.0.0.2:4646"));
        h.cluster.raftStats(new RaftStats("Leader", 3, 40, 3, 40, 40, 0, 0, 12));

        Answer a = h.get("/v1/operator/raft/configuration");

        // The peer IDs behind (server-1, server-2) are Drover's own; Nomad's ID is the Raft address.
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("{\"Servers\":["
                + "{\"ID\":\"127.0.0.1:4647\",\"Node\":\"server-1.global\",\"Address\":\"127.0.0.1:4647\","
                + "\"Leader\":true,\"Voter\":true,\"RaftProtocol\":\"2\"},"
                + "{\"ID\":\"127.0.0.2:4647\",\"Node\":\"vm2.global\",\"Address\":\"127.0.0.2:4647\","
                + "\"Leader\":false,\"Voter\":true,\"RaftProtocol\":\"2\"}],\"Index\":12}");
        assertThat(h.store.openReaders()).isZero();
    }

    @Test
    void raftConfigurationOfADevAgentIsTheOneNomadAnswered() {
        h.cluster.status(new RaftStatus(true, true, 0, "127.0.0.1:27647",
                List.of(new RaftStatus.Peer("127.0.0.1_27647", "127.0.0.1:27647", true, true))));
        h.cluster.agent(new AgentInfo("vm", "127.0.0.1_27647", "global", "dc1", "127.0.0.1", "127.0.0.1:27646",
                "127.0.0.1:27647", "127.0.0.1:27648", "/tmp/dev", 1, true, "0.1.0"));

        assertThat(h.get("/v1/operator/raft/configuration").json())
                .isEqualTo(Reference.json("344_operator_raft_configuration"));
    }

    @Test
    void aServerThatNeverAnnouncedItselfHasNoNodeNameAsInNomad() {
        JsonNode servers = h.get("/v1/operator/raft/configuration").json().get("Servers");

        assertThat(servers.get(1).get("ID").asText()).isEqualTo("127.0.0.2:4647");
        assertThat(servers.get(1).get("Node").asText()).isEqualTo("(unknown)");
    }
}
