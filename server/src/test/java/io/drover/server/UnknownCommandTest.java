package io.drover.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.drover.proto.raft.RaftCommand;
import io.drover.testkit.http.Answer;
import io.drover.testkit.http.NomadClient;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log entry written by a newer server, holding a command this one does not know, must not be
 * skipped (servers that know it apply it, and this one would silently diverge): it stops this
 * server's Raft, and the agent is told. Only a command its writer marked ignorable is skipped.
 */
class UnknownCommandTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownCommandStopsTheServer() throws Exception {
        CompletableFuture<String> stopped = new CompletableFuture<>();
        try (Agent agent = Agent.start(TestAgents.devConfig(dir).devNode(false).build(), stopped::complete)) {
            awaitLeader(agent);
            long before = agent.store().applied().index();

            assertThat(agent.raft().submit(fromTheFuture(false).toByteArray()).get(20, TimeUnit.SECONDS).isSuccess())
                    .as("the write is not acknowledged").isFalse();

            assertThat(stopped.get(20, TimeUnit.SECONDS)).contains("Raft");
            assertThat(agent.store().applied().index()).as("the entry was not applied as a no-op")
                    .isLessThanOrEqualTo(before);
        }
    }

    @Test
    void anIgnorableUnknownCommandIsSkipped() throws Exception {
        CompletableFuture<String> stopped = new CompletableFuture<>();
        try (Agent agent = Agent.start(TestAgents.devConfig(dir).devNode(false).build(), stopped::complete)) {
            NomadClient http = TestAgents.http(agent.httpPort());
            awaitLeader(agent);

            assertThat(agent.raft().submit(fromTheFuture(true).toByteArray()).get(20, TimeUnit.SECONDS).isSuccess())
                    .isTrue();

            Answer register = http.post("/v1/jobs", TestJobs.register("after-unknown", "service", "none", 1, TestJobs.mock("1h", 0)));
            assertThat(register.status()).isEqualTo(200);
            assertThat(http.get("/v1/job/after-unknown").status()).isEqualTo(200);
            assertThat(stopped).isNotDone();
        }
    }

    private static void awaitLeader(Agent agent) throws InterruptedException {
        for (int i = 0; i < 200 && !agent.isLeader(); i++) {
            Thread.sleep(50);
        }
        assertThat(agent.isLeader()).as("the dev agent leads").isTrue();
    }

    /** A command with a field this version does not have, as a newer version would write one. */
    private static RaftCommand fromTheFuture(boolean ignorable) {
        return RaftCommand.newBuilder()
                .setRequestId("from-the-future")
                .setIgnorable(ignorable)
                .setUnknownFields(UnknownFieldSet.newBuilder()
                        .addField(999, UnknownFieldSet.Field.newBuilder()
                                .addLengthDelimited(ByteString.copyFromUtf8("a newer command")).build())
                        .build())
                .build();
    }
}
