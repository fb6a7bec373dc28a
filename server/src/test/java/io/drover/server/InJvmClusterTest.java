package io.drover.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.server.config.AgentConfig;
import io.drover.testkit.await.Await;
import io.drover.testkit.http.Answer;
import io.drover.testkit.http.NomadClient;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three agents in one JVM (real Raft, RocksDB, gRPC and HTTP on loopback): forwarding to the
 * leader, stale reads on followers, no-quorum behaviour. The multi-process failover tests are
 * in cluster-tests.
 */
class InJvmClusterTest {
    @TempDir
    Path dir;
    final List<Agent> agents = new ArrayList<>();
    List<AgentConfig> configs;

    @BeforeEach
    void start() throws Exception {
        configs = TestAgents.cluster(dir, 3, Duration.ofSeconds(2));
        List<CompletableFuture<Agent>> starting = new ArrayList<>();
        for (AgentConfig c : configs) {
            starting.add(CompletableFuture.supplyAsync(() -> Agent.start(c)));
        }
        for (CompletableFuture<Agent> f : starting) {
            agents.add(f.get(60, TimeUnit.SECONDS));
        }
        await("a leader is elected and announced", () -> leader() != null
                && TestAgents.http(follower().httpPort()).get("/v1/jobs").status() == 200);
    }

    @AfterEach
    void stop() {
        agents.parallelStream().forEach(Agent::close);
    }

    Agent leader() {
        return agents.stream().filter(Agent::isLeader).findFirst().orElse(null);
    }

    Agent follower() {
        return agents.stream().filter(a -> !a.isLeader()).findFirst().orElseThrow();
    }

    @Test
    void writesToAFollowerAreForwardedAndDefaultReadsAnswerTheLeadersState() {
        NomadClient follower = TestAgents.http(follower().httpPort());
        Answer reg = follower.post("/v1/jobs", DevAgentJobsApiTest.batchJob("via-follower", "1"));
        assertThat(reg.status()).isEqualTo(200);
        long index = reg.json().get("Index").asLong();

        Answer onLeader = TestAgents.http(leader().httpPort()).get("/v1/job/via-follower");
        assertThat(onLeader.status()).isEqualTo(200);
        Answer onFollower = follower.get("/v1/job/via-follower");
        assertThat(onFollower.status()).as("a default read on a follower sees what the leader has").isEqualTo(200);
        assertThat(onFollower.header("X-Nomad-KnownLeader")).isEqualTo("true");
        assertThat(onFollower.index()).isEqualTo(onLeader.index());

        Answer consistent = follower.get("/v1/job/via-follower?consistent");
        assertThat(consistent.status()).isEqualTo(200);
        assertThat(consistent.index()).isGreaterThanOrEqualTo(index);
    }

    @Test
    void staleReadsOnAFollowerAnswerFromItsOwnState() {
        Agent f = follower();
        TestAgents.http(leader().httpPort()).post("/v1/jobs", DevAgentJobsApiTest.batchJob("stale-one", "1"));
        NomadClient http = TestAgents.http(f.httpPort());
        await("the follower applies the write", () -> http.get("/v1/job/stale-one?stale").status() == 200);
        Answer stale = http.get("/v1/job/stale-one?stale");
        assertThat(stale.header("X-Nomad-KnownLeader")).isEqualTo("true");
        assertThat(Long.parseLong(stale.header("X-Nomad-LastContact"))).isBetween(0L, 5_000L);
    }

    @Test
    void aBlockingQueryOnAFollowerWakesOnAWriteAndIsReleasedWhenItsClientLeaves() throws Exception {
        NomadClient follower = TestAgents.http(follower().httpPort());
        follower.post("/v1/jobs", DevAgentJobsApiTest.batchJob("first", "1"));
        long index = follower.get("/v1/jobs").index();
        CompletableFuture<Answer> parked = CompletableFuture.supplyAsync(
                () -> follower.get("/v1/jobs?index=" + index + "&wait=30s"));
        await("the query parks on the follower", () -> follower().parkedQueries() == 1);
        TestAgents.http(leader().httpPort()).post("/v1/jobs", DevAgentJobsApiTest.batchJob("wake-forwarded", "1"));
        Answer woken = parked.get(10, TimeUnit.SECONDS);
        assertThat(woken.index()).isGreaterThan(index);

        long now = follower.get("/v1/jobs").index();
        try (Socket client = new Socket("127.0.0.1", follower().httpPort())) {
            client.getOutputStream().write(("GET /v1/jobs?index=" + now + "&wait=60s HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            await("the second query parks on the follower", () -> follower().parkedQueries() == 1);
        }
        await("the follower lets go of the query whose client went away", () -> follower().parkedQueries() == 0);
    }

    @Test
    void everyServerShowsEveryServersNameInTheRaftConfigurationAsNomadDoes() {
        // Only one server has led: the followers' names reach the others only if they announce themselves.
        List<String> names = configs.stream().map(c -> c.name() + ".global").sorted().toList();
        for (Agent agent : agents) {
            NomadClient http = TestAgents.http(agent.httpPort());
            await("server " + agent.config().name() + " shows every server's name, not (unknown)",
                    () -> nodeNames(http.get("/v1/operator/raft/configuration?stale")).equals(names));
        }
    }

    private static List<String> nodeNames(Answer configuration) {
        List<String> names = new ArrayList<>();
        configuration.json().get("Servers").forEach(s -> names.add(s.get("Node").asText()));
        return names.stream().sorted().toList();
    }

    @Test
    void withoutAQuorumWritesFailAfterTheHoldTimeAndStaleReadsStillAnswer() {
        Agent survivor = follower();
        for (Agent a : agents) {
            if (a != survivor) {
                a.close();
            }
        }
        NomadClient http = TestAgents.http(survivor.httpPort());
        await("the survivor notices it has no leader",
                () -> "false".equals(http.get("/v1/jobs?stale").header("X-Nomad-KnownLeader")));
        long started = System.nanoTime();
        Answer write = http.post("/v1/jobs", DevAgentJobsApiTest.batchJob("no-quorum", "1"));
        assertThat(write.status()).isEqualTo(500);
        assertThat(write.body()).isEqualTo("No cluster leader");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        Answer stale = http.get("/v1/jobs?stale");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(http.get("/v1/jobs").body()).isEqualTo("No cluster leader");
    }

    /** Polls every 20 ms for up to 30 s: these servers run in this JVM and answer fast. */
    private static void await(String what, BooleanSupplier condition) {
        Await.until(what, Duration.ofSeconds(30), Duration.ofMillis(20), condition);
    }
}
