package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.http.testing.FakeCluster;
import io.drover.http.testing.GatewayHarness;
import io.drover.http.testing.Reference;
import io.drover.state.ServerInfo;
import io.drover.testkit.http.Answer;
import java.time.Duration;
import java.util.ArrayList;
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
        assertThat(stats.get("raft").fieldNames().next()).as("first: deploy/local-cluster.sh reads it by pattern")
                .isEqualTo("state");
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

    @Test
    void agentSelfMemberHasTheFieldsOfNomadsSerfMember() {
        JsonNode member = h.get("/v1/agent/self").json().get("member");
        JsonNode nomad = Reference.json("343_agent_self_dev").get("member");

        assertThat(names(member)).containsExactlyInAnyOrderElementsOf(names(nomad));
        assertThat(names(member.get("Tags"))).containsExactlyInAnyOrderElementsOf(names(nomad.get("Tags")));
        for (String protocol : List.of("DelegateCur", "DelegateMax", "DelegateMin", "ProtocolCur", "ProtocolMax",
                "ProtocolMin")) {
            assertThat(member.get(protocol)).as(protocol).isEqualTo(nomad.get(protocol));
        }
        for (String tag : List.of("vsn", "mvn", "raft_vsn", "role", "region", "dc", "bootstrap", "expect")) {
            assertThat(member.get("Tags").get(tag)).as(tag).isEqualTo(nomad.get("Tags").get(tag));
        }
    }

    @Test
    void agentSelfStatsHaveTheSectionsAndKeysNomadAgentInfoPrints() {
        h.cluster.nodeAgent(new NodeAgentStats("99e2379b-6c93-6312-2ddb-935bd1590ac0", List.of("127.0.0.1:4648"), 8,
                Duration.ofMillis(6258), Duration.ofMillis(17108)));

        JsonNode stats = h.get("/v1/agent/self").json().get("stats");
        JsonNode nomad = Reference.json("343_agent_self_dev").get("stats");

        assertThat(names(stats)).containsExactlyInAnyOrderElementsOf(names(nomad));
        for (String section : names(nomad)) {
            assertThat(names(stats.get(section))).as(section).containsExactlyInAnyOrderElementsOf(
                    names(nomad.get(section)));
            stats.get(section).forEach(v -> assertThat(v.isTextual()).as(section + ": strings, as in Nomad").isTrue());
        }
        JsonNode client = stats.get("client");
        assertThat(client.get("node_id").asText()).isEqualTo("99e2379b-6c93-6312-2ddb-935bd1590ac0");
        assertThat(client.get("known_servers").asText()).isEqualTo("127.0.0.1:4648");
        assertThat(client.get("num_allocations").asText()).isEqualTo("8");
        assertThat(client.get("last_heartbeat").asText()).isEqualTo("6.258s");
        assertThat(client.get("heartbeat_ttl").asText()).isEqualTo("17.108s");
        JsonNode raft = stats.get("raft");
        assertThat(raft.get("latest_configuration").asText())
                .isEqualTo("[{Suffrage:Voter ID:127.0.0.1:4647 Address:127.0.0.1:4647} "
                        + "{Suffrage:Voter ID:127.0.0.2:4647 Address:127.0.0.2:4647}]");
        assertThat(raft.get("num_peers").asText()).isEqualTo("1");
        assertThat(raft.get("commit_index").asText()).isEqualTo("76");
        for (String version : List.of("protocol_version", "protocol_version_min", "protocol_version_max",
                "snapshot_version_min", "snapshot_version_max")) {
            assertThat(raft.get(version)).as(version).isEqualTo(nomad.get("raft").get(version));
        }
        assertThat(stats.get("serf").get("members").asText()).isEqualTo("2");
    }

    @Test
    void aServerWithoutANodeHasNoClientSection() {
        JsonNode self = h.get("/v1/agent/self").json();

        assertThat(self.get("stats").has("client")).isFalse();
        assertThat(self.get("config").get("Client").get("Enabled").asBoolean()).isFalse();
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
