package io.drover.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.server.config.AgentConfig;
import io.drover.server.config.AgentConfigBuilder;
import io.drover.testkit.http.Answer;
import io.drover.testkit.http.NomadClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agent -dev -data-dir DIR}: the directory is the user's, so stopping the agent leaves it
 * and everything in it, and the next dev agent on it finds the jobs it held. Only the temp dir a
 * dev agent made for itself goes when it stops.
 */
class DevAgentDataDirTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aNamedDataDirIsKeptOnExitAndReusedByTheNextAgent() throws Exception {
        Path named = dir.resolve("mine");
        Files.createDirectories(named);
        Path usersFile = Files.writeString(named.resolve("notes.txt"), "keep me");
        AgentConfig config = TestAgents.devConfig(named).devNode(false).numSchedulers(0).build();

        try (Agent agent = Agent.start(config)) {
            NomadClient http = leading(agent);
            assertThat(http.post("/v1/jobs", DevAgentJobsApiTest.batchJob("kept", "1")).status()).isEqualTo(200);
        }

        assertThat(usersFile).hasContent("keep me");
        assertThat(named.resolve("server/state")).isDirectory();

        try (Agent again = Agent.start(config)) {
            NomadClient http = leading(again);
            Answer job = http.get("/v1/job/kept");
            assertThat(job.status()).as("the job registered before the restart").isEqualTo(200);
            assertThat(job.json().get("ID").asText()).isEqualTo("kept");
        }
        assertThat(usersFile).hasContent("keep me");
    }

    @Test
    void theTempDirADevAgentMadeItselfIsRemovedOnExit() {
        int[] ports = TestAgents.freePorts(3);
        AgentConfig config = new AgentConfigBuilder().dev(true).name("test-dev").devNode(false).numSchedulers(0)
                .httpPort(ports[0]).rpcPort(ports[1]).serfPort(ports[2]).build();
        Path temp = config.dataDir();

        try (Agent agent = Agent.start(config)) {
            leading(agent);
            assertThat(temp.resolve("server/state")).isDirectory();
        }

        assertThat(temp).doesNotExist();
    }

    private static NomadClient leading(Agent agent) {
        NomadClient http = TestAgents.http(agent.httpPort());
        TestAgents.awaitLeading(agent, http, PATIENCE);
        return http;
    }
}
