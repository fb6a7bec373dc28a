package io.drover.server.leader;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.drover.model.json.NomadJson;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.JobRegisterRequest;
import io.drover.proto.rpc.WriteRequest;
import io.drover.raft.DroverStateMachine;
import io.drover.server.raft.RaftNode;
import io.drover.server.raft.RaftNodeConfig;
import io.drover.state.rocks.RocksStateStore;
import io.drover.testkit.fixtures.JobBody;
import io.drover.testkit.net.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes a follower forwarded together commit together, on a real single-server Raft group. */
class LeaderEndpointBatchTest {
    @TempDir
    Path dir;

    @Test
    void writesHandledTogetherShareOneEntry() throws Exception {
        ExecutorService replies = Executors.newSingleThreadExecutor();
        try (RocksStateStore store = RocksStateStore.open(dir.resolve("state"))) {
            String self = "127.0.0.1:" + FreePorts.take();
            RaftNode node = new RaftNode(new RaftNodeConfig("127.0.0.1", Integer.parseInt(self.split(":")[1]), self,
                    List.of(self), dir.resolve("raft"), Duration.ofMillis(150), Duration.ofMillis(300), 0),
                    new DroverStateMachine(store, dir.resolve("state")));
            node.start();
            try {
                for (long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                        !node.isLeaderReady() && System.nanoTime() < end;) {
                    Thread.sleep(20);
                }
                assertThat(node.isLeaderReady()).isTrue();
                LeaderEndpoint leader = new LeaderEndpoint(node, store, CommandBuilderFixture.stamps(), replies);

                List<WriteRequest> requests = new ArrayList<>();
                for (String id : List.of("a", "b", "c")) {
                    requests.add(WriteRequest.newBuilder().setRequestId("r-" + id).setJobRegister(JobRegisterRequest
                            .newBuilder().setJobJson(ByteString.copyFrom(NomadJson.write(JobBody.service(id).canonical()))))
                            .build());
                }
                List<CompletableFuture<WriteResult>> results = leader.handleAll(requests);
                List<Long> indexes = new ArrayList<>();
                for (CompletableFuture<WriteResult> f : results) {
                    WriteResult r = f.get(10, TimeUnit.SECONDS);
                    assertThat(r.getCode()).as(r.toString()).isEqualTo(WriteResult.Code.OK);
                    indexes.add(r.getIndex());
                }
                // One at a time, the first found no entry in flight and went alone.
                assertThat(indexes).as("one entry for the three").containsOnly(indexes.get(0));
            } finally {
                node.close();
            }
        } finally {
            replies.shutdownNow();
        }
    }
}
