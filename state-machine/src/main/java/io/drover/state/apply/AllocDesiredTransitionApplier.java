package io.drover.state.apply;

import com.google.protobuf.ByteString;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.DesiredTransition;
import io.drover.model.json.NomadJson;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.AllocDesiredTransitionCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.Table;
import io.drover.state.rocks.StateTxn;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records what the servers want to happen to allocations (Nomad's
 * UpdateAllocsDesiredTransitions): each transition is merged into the allocation's, flag by
 * flag, and the evaluations that will act on them are stored. Unknown allocations are ignored.
 * Allocations are updated in ID order, whatever order the command's map was encoded in.
 */
final class AllocDesiredTransitionApplier {
    private AllocDesiredTransitionApplier() {
    }

    static WriteResult apply(StateTxn txn, AllocDesiredTransitionCommand cmd) {
        for (Map.Entry<String, ByteString> e : new TreeMap<>(cmd.getTransitionsJsonMap()).entrySet()) {
            DesiredTransition transition = NomadJson.read(e.getValue().toByteArray(), DesiredTransition.class);
            txn.allocation(e.getKey()).ifPresent(existing -> {
                Allocation alloc = existing.copySkipJob();
                if (alloc.desiredTransition == null) {
                    alloc.desiredTransition = new DesiredTransition();
                }
                alloc.desiredTransition.merge(transition);
                alloc.modifyIndex = txn.index();
                txn.putAllocation(alloc);
            });
        }
        txn.touch(Table.ALLOCS);
        List<Evaluation> evals = EvalWrites.decode(cmd.getEvalJsonList());
        EvalWrites.upsert(txn, evals);
        return Results.okWithEvals(txn, evals).build();
    }
}
