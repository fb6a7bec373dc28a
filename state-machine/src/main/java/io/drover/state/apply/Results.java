package io.drover.state.apply;

import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.WriteResult;
import io.drover.state.rocks.StateTxn;
import java.util.List;

/** Builders of the results appliers return. */
final class Results {
    private Results() {
    }

    static WriteResult.Builder ok(StateTxn txn) {
        return WriteResult.newBuilder().setCode(WriteResult.Code.OK).setIndex(txn.index());
    }

    /**
     * OK, listing the evaluations the command created; the first is also the answer's EvalID
     * (an allocation stop or a forced reschedule creates exactly one).
     */
    static WriteResult.Builder okWithEvals(StateTxn txn, List<Evaluation> evals) {
        WriteResult.Builder result = ok(txn);
        for (Evaluation e : evals) {
            result.addEvalIds(e.id);
        }
        if (!evals.isEmpty()) {
            Evaluation first = evals.get(0);
            result.setEvalId(first.id).setEvalCreateIndex(txn.index())
                    .setJobModifyIndex(first.jobModifyIndex == null ? 0 : first.jobModifyIndex);
        }
        return result;
    }

    static WriteResult refused(StateTxn txn, WriteResult.Code code, String error) {
        txn.discardChanges();
        return WriteResult.newBuilder().setCode(code).setError(error).setIndex(txn.index()).build();
    }
}
