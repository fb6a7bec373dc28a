package io.drover.server.scheduling;

import com.google.protobuf.ByteString;
import io.drover.model.json.NomadJson;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.EvalCreateCommand;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** Writes evaluations (new or updated) through Raft on behalf of the leader's services. */
public final class EvalWriter {
    private final Function<RaftCommand, CompletableFuture<WriteResult>> raft;
    private final LongSupplier nowNanos;

    public EvalWriter(Function<RaftCommand, CompletableFuture<WriteResult>> raft, LongSupplier nowNanos) {
        this.raft = raft;
        this.nowNanos = nowNanos;
    }

    public CompletableFuture<WriteResult> write(List<Evaluation> evals) {
        long now = nowNanos.getAsLong();
        EvalCreateCommand.Builder b = EvalCreateCommand.newBuilder();
        for (Evaluation e : evals) {
            e.modifyTime = now;
            if (e.createTime == null || e.createTime == 0) {
                e.createTime = now;
            }
            b.addEvalJson(ByteString.copyFrom(NomadJson.write(e)));
        }
        return raft.apply(RaftCommand.newBuilder().setLeaderTimeUnixNanos(now).setEvalCreate(b).build());
    }

    public long nowNanos() {
        return nowNanos.getAsLong();
    }
}
