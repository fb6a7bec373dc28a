package io.drover.state;

import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.apply.CommandApplier;
import io.drover.state.rocks.RocksStateStore;
import java.nio.file.Path;

/** A store plus an applier, fed commands at increasing indexes as Raft would. */
final class StoreHarness implements AutoCloseable {
    final RocksStateStore store;
    private final CommandApplier applier = new CommandApplier();
    private long index;
    /** Told what each command changed, as the leader's services are. */
    StateChangeListener listener = StateChangeListener.NONE;

    StoreHarness(Path dir) {
        store = RocksStateStore.open(dir);
        index = store.applied().index();
    }

    WriteResult apply(RaftCommand cmd) {
        index++;
        return store.apply(1, index, 0, cmd.getLeaderTimeUnixNanos(), cmd.getRequestId(), txn -> applier.apply(txn, cmd),
                listener);
    }

    /**
     * Applies {@code cmd} as command {@code sub} of a batched entry at the next index (sub 0) or
     * the current one (later subs), leaving the entry unpublished until {@code store.publish}.
     */
    WriteResult applyInBatch(int sub, RaftCommand cmd) {
        if (sub == 0) {
            index++;
        }
        return store.applyUnpublished(1, index, sub, cmd.getLeaderTimeUnixNanos(), cmd.getRequestId(),
                txn -> applier.apply(txn, cmd), listener);
    }

    /** Skips an index, as a Raft leader's own entries do. */
    void gap() {
        index++;
    }

    long index() {
        return index;
    }

    @Override
    public void close() {
        store.close();
    }
}
