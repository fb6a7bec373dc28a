package io.drover.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.drover.proto.raft.PlanJobRef;
import io.drover.proto.raft.PlanResultsCommand;
import io.drover.proto.raft.StoppedAlloc;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanChunksTest {
    @Test
    void aPlanThatFitsIsCommittedAsItIs() {
        PlanResultsCommand small = plan(10, 100);
        assertThat(PlanChunks.split(small, 1 << 20)).containsExactly(small);
    }

    @Test
    void aLargePlanIsSplitIntoChunksThatFitAndTogetherHoldEverything() {
        PlanResultsCommand large = plan(10_000, 2_000);
        int max = 1 << 20;

        List<PlanResultsCommand> chunks = PlanChunks.split(large, max);

        assertThat(chunks.size()).isGreaterThan(10);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.getSerializedSize()).isLessThanOrEqualTo(max);
            assertThat(c.getEvalId()).isEqualTo("eval-1");
            assertThat(c.getJob()).as("each chunk's placements get the plan's job").isEqualTo(large.getJob());
        });
        assertThat(chunks.get(0).getStoppedList()).isEqualTo(large.getStoppedList());
        assertThat(chunks.get(0).getEvalJsonList()).isEqualTo(large.getEvalJsonList());
        assertThat(chunks.subList(1, chunks.size())).allSatisfy(c -> {
            assertThat(c.getStoppedCount()).isZero();
            assertThat(c.getEvalJsonCount()).isZero();
            assertThat(c.getPreemptedJsonCount()).isZero();
        });
        assertThat(chunks.stream().flatMap(c -> c.getAllocJsonList().stream()).toList())
                .isEqualTo(large.getAllocJsonList());
    }

    private static PlanResultsCommand plan(int placements, int bytesEach) {
        PlanResultsCommand.Builder b = PlanResultsCommand.newBuilder().setEvalId("eval-1")
                .setJob(PlanJobRef.newBuilder().setNamespace("default").setJobId("j").setVersion(3)
                        .setJobModifyIndex(42))
                .addStopped(StoppedAlloc.newBuilder().setAllocId("old"))
                .addEvalJson(ByteString.copyFromUtf8("{\"ID\":\"next\"}"));
        for (int i = 0; i < placements; i++) {
            b.addAllocJson(ByteString.copyFromUtf8(i + ":" + "x".repeat(bytesEach)));
        }
        return b.build();
    }
}
