package io.drover.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.testkit.http.NomadClient;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server whose Raft stops under it must not go on answering as a member of the cluster: the
 * agent is told why (and, as started from the command line, exits). Stopping the agent itself
 * is no such failure.
 */
class RaftStoppedTest {
    @TempDir
    Path dir;

    @Test
    void raftStoppingUnderTheAgentIsReportedOnce() throws Exception {
        CompletableFuture<String> reported = new CompletableFuture<>();
        int[] reports = new int[1];
        try (Agent agent = Agent.start(TestAgents.devConfig(dir).devNode(false).build(), reason -> {
            reports[0]++;
            reported.complete(reason);
        })) {
            NomadClient http = TestAgents.http(agent.httpPort());
            assertThat(http.get("/v1/status/leader").status()).isEqualTo(200);

            agent.raft().close();

            assertThat(reported.get(10, TimeUnit.SECONDS)).contains("Raft");
            Thread.sleep(1200);
            assertThat(reports[0]).isEqualTo(1);
        }
    }

    @Test
    void stoppingTheAgentIsNotReported() throws Exception {
        CompletableFuture<String> reported = new CompletableFuture<>();
        Agent agent = Agent.start(TestAgents.devConfig(dir).devNode(false).build(), reported::complete);
        agent.close();
        Thread.sleep(1200);
        assertThat(reported).isNotDone();
    }
}
