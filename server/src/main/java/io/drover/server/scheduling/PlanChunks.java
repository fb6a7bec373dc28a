package io.drover.server.scheduling;

import com.google.protobuf.ByteString;
import io.drover.proto.raft.PlanResultsCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a plan's commit into Raft entries of bounded size. A job of count 10,000 places some
 * 20 MB of allocations at once; one entry that large is refused by the Raft log (and would hold
 * up replication of everything behind it). The first chunk carries the stops, evictions and
 * evaluations with the first placements, the others only placements (and the plan's job
 * reference); each is a valid commit on its own, so a leader lost between chunks leaves a partial
 * commit, which the scheduler's next pass completes as it does any partial commit.
 */
final class PlanChunks {
    private PlanChunks() {
    }

    /** {@code command} itself if it fits in {@code maxBytes}, else chunks that each fit (bar a single oversized allocation). */
    static List<PlanResultsCommand> split(PlanResultsCommand command, int maxBytes) {
        if (command.getSerializedSize() <= maxBytes) {
            return List.of(command);
        }
        List<PlanResultsCommand> chunks = new ArrayList<>();
        PlanResultsCommand.Builder current = command.toBuilder().clearAllocJson();
        long bytes = current.build().getSerializedSize();
        for (ByteString alloc : command.getAllocJsonList()) {
            // Each element costs its bytes plus a tag and a length of at most a few bytes.
            long cost = alloc.size() + 8;
            if (current.getAllocJsonCount() > 0 && bytes + cost > maxBytes) {
                chunks.add(current.build());
                current = PlanResultsCommand.newBuilder().setEvalId(command.getEvalId());
                if (command.hasJob()) {
                    // Each chunk's placements get the plan's job on their own.
                    current.setJob(command.getJob());
                }
                bytes = current.build().getSerializedSize();
            }
            current.addAllocJson(alloc);
            bytes += cost;
        }
        chunks.add(current.build());
        return chunks;
    }
}
