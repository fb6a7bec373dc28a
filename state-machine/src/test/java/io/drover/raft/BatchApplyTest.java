package io.drover.raft;

import static io.drover.testkit.fixtures.Commands.job;
import static io.drover.testkit.fixtures.Commands.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.proto.raft.CommandBatch;
import io.drover.proto.raft.JobRegisterCommand;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.raft.WriteResults;
import io.drover.state.AppliedChanges;
import io.drover.state.StateReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit: several commands in one Raft entry apply in order, each on its own. */
class BatchApplyTest {
    @TempDir
    Path dir;

    @Test
    void commandsOfABatchShareTheEntryIndexApplyInOrderAndAnswerEachOnItsOwn() throws Exception {
        try (RatisCluster c = new RatisCluster(dir, 1, 0)) {
            c.startAll();
            RaftCommand first = register(job("a", "1"), 1);
            RaftCommand stale = register(job("a", "2"), 2,
                    JobRegisterCommand.newBuilder().setEnforceIndex(true).setJobModifyIndex(999));
            RaftCommand second = register(job("a", "3"), 3);
            RaftCommand other = register(job("b", "1"), 4);
            RaftCommand batch = RaftCommand.newBuilder().setBatch(CommandBatch.newBuilder()
                    .addCommands(first).addCommands(stale).addCommands(second).addCommands(other)).build();
            WriteResults results;
            try (RaftClient client = c.client()) {
                RaftClientReply reply = client.io().send(Message.valueOf(ByteString.copyFrom(batch.toByteArray())));
                results = WriteResults.parseFrom(reply.getMessage().getContent().toByteArray());
                c.awaitApplied(reply.getLogIndex(), Duration.ofSeconds(10));
                assertThat(results.getResultsList()).extracting(WriteResult::getIndex).containsOnly(reply.getLogIndex());

                // The same request IDs again (a retry after a leader change): answered, not applied.
                RaftClientReply again = client.io().send(Message.valueOf(ByteString.copyFrom(batch.toByteArray())));
                WriteResults repeated = WriteResults.parseFrom(again.getMessage().getContent().toByteArray());
                assertThat(repeated).isEqualTo(results);
            }
            assertThat(results.getResultsList()).extracting(WriteResult::getCode).containsExactly(
                    WriteResult.Code.OK, WriteResult.Code.CONFLICT, WriteResult.Code.OK, WriteResult.Code.OK);
            try (StateReader s = c.nodes.get(0).store.reader()) {
                assertThat(s.job("default", "a").orElseThrow().version).as("the refused one changed nothing")
                        .isEqualTo(1);
                assertThat(s.evaluationsOfJob("default", "a")).hasSize(2);
                assertThat(s.job("default", "b")).isPresent();
            }
        }
    }

    @Test
    void theChangeListenerHearsEachCommandOfABatchOnItsOwn() throws Exception {
        try (RatisCluster c = new RatisCluster(dir, 1, 0)) {
            c.startAll();
            List<AppliedChanges> heard = new CopyOnWriteArrayList<>();
            c.nodes.get(0).stateMachine.setChangeListener(heard::add);
            RaftCommand first = register(job("a", "1"), 1);
            RaftCommand refused = register(job("a", "2"), 2,
                    JobRegisterCommand.newBuilder().setEnforceIndex(true).setJobModifyIndex(999));
            RaftCommand second = register(job("b", "1"), 3);
            RaftCommand batch = RaftCommand.newBuilder().setBatch(CommandBatch.newBuilder()
                    .addCommands(first).addCommands(refused).addCommands(second)).build();
            RaftClientReply reply;
            WriteResults results;
            try (RaftClient client = c.client()) {
                reply = client.io().send(Message.valueOf(ByteString.copyFrom(batch.toByteArray())));
                results = WriteResults.parseFrom(reply.getMessage().getContent().toByteArray());
            }

            // The leader replies once the entry is applied, so every call has been made.
            assertThat(heard).extracting(AppliedChanges::index).containsExactly(reply.getLogIndex(), reply.getLogIndex());
            assertThat(heard).extracting(ch -> ch.evals().get(0).id)
                    .containsExactly(results.getResults(0).getEvalId(), results.getResults(2).getEvalId());
        }
    }
}
