package io.drover.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.testkit.http.Answer;
import io.drover.testkit.http.NomadClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write too large for one Raft log entry (a job under the 4 MB body limit can still make one)
 * is refused with 413 before it reaches the log: Ratis refuses to append such an entry, and a
 * refused append costs the leader its leadership.
 */
class OversizedWriteTest {
    @TempDir
    Path dir;

    @Test
    void aJobTooLargeForTheLogIsRefusedAndTheLeaderCarriesOn() throws Exception {
        try (Agent agent = TestAgents.devWithoutScheduling(dir)) {
            NomadClient http = TestAgents.http(agent.httpPort());
            for (int i = 0; i < 200 && !agent.isLeader(); i++) {
                Thread.sleep(50);
            }
            String meta = "\"Meta\": {\"blob\": \"" + "x".repeat(3_500_000) + "\"}, ";
            String big = TestJobs.register("big", "batch", "none", 1, TestJobs.mock("1s", 0))
                    .replace("\"Datacenters\"", meta + "\"Datacenters\"");

            Answer refused = http.post("/v1/jobs", big);

            assertThat(refused.status()).as(refused.body()).isEqualTo(413);
            assertThat(refused.body()).startsWith("Request body too large");
            assertThat(http.get("/v1/job/big").status()).isEqualTo(404);
            assertThat(agent.isLeader()).as("still the leader").isTrue();
            Answer small = http.post("/v1/jobs", TestJobs.register("small", "batch", "none", 1,
                    TestJobs.mock("1s", 0)));
            assertThat(small.status()).as(small.body()).isEqualTo(200);
        }
    }
}
