package io.drover.state.apply;

import io.drover.proto.raft.WriteResult;
import io.drover.state.rocks.StateTxn;

/** Builders of the results appliers return. */
final class Results {
    private Results() {
    }

    static WriteResult.Builder ok(StateTxn txn) {
        return WriteResult.newBuilder().setCode(WriteResult.Code.OK).setIndex(txn.index());
    }

    static WriteResult refused(StateTxn txn, WriteResult.Code code, String error) {
        txn.discardChanges();
        return WriteResult.newBuilder().setCode(code).setError(error).setIndex(txn.index()).build();
    }
}
