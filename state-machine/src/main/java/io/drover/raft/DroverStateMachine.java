package io.drover.raft;

import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.raft.WriteResults;
import io.drover.state.StateChangeListener;
import io.drover.state.apply.CommandApplier;
import io.drover.state.rocks.RocksStateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ratis state machine: applies each committed {@link RaftCommand} to the RocksDB store and
 * answers with its {@link WriteResult}. The store records the entry it last applied in the same
 * batch as the entry's data, so entries Ratis replays after a restart that the store already
 * holds are skipped, and a restarted server resumes from its own database. Snapshots are
 * RocksDB checkpoints, labelled with the last entry Ratis handed us; the checkpoint itself may
 * hold more, which replay then skips.
 */
public final class DroverStateMachine extends BaseStateMachine {
    private static final Logger LOG = LoggerFactory.getLogger(DroverStateMachine.class);

    private final RocksStateStore store;
    private final CheckpointSnapshots snapshots;
    private final CommandApplier applier = new CommandApplier();
    private volatile LeaderListener leaderListener = NoLeaderListener.INSTANCE;
    private volatile StateChangeListener changeListener = StateChangeListener.NONE;

    /**
     * @param store the open state store this machine applies to
     * @param stateDir the directory the store lives in; snapshots are kept under it
     */
    public DroverStateMachine(RocksStateStore store, Path stateDir) {
        this.store = Objects.requireNonNull(store, "store");
        this.snapshots = new CheckpointSnapshots(stateDir);
    }

    public void setLeaderListener(LeaderListener listener) {
        this.leaderListener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Sets who hears, after each command is applied, the evaluations it stored and the node
     * classes where capacity may have appeared. Told per command (each command of a batch on its
     * own, in order), on the apply thread; installing a snapshot tells nothing.
     */
    public void setChangeListener(StateChangeListener listener) {
        this.changeListener = Objects.requireNonNull(listener, "listener");
    }

    public RocksStateStore store() {
        return store;
    }

    @Override
    public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage) throws IOException {
        getLifeCycle().startAndTransition(() -> {
            super.initialize(server, groupId, raftStorage);
            snapshots.init(raftStorage);
            loadLatestSnapshot();
        });
    }

    @Override
    public void pause() {
        getLifeCycle().transition(LifeCycle.State.PAUSING);
        getLifeCycle().transition(LifeCycle.State.PAUSED);
    }

    /** Called after Ratis installed a snapshot from the leader: swap the database for it. */
    @Override
    public void reinitialize() throws IOException {
        snapshots.refresh();
        loadLatestSnapshot();
        if (getLifeCycleState() == LifeCycle.State.PAUSED) {
            getLifeCycle().transition(LifeCycle.State.STARTING);
            getLifeCycle().transition(LifeCycle.State.RUNNING);
        }
    }

    private void loadLatestSnapshot() {
        SnapshotInfo latest = snapshots.getLatestSnapshot();
        if (latest == null) {
            setLastAppliedTermIndex(TermIndex.INITIAL_VALUE);
            return;
        }
        if (latest.getIndex() > store.applied().index()) {
            store.replaceWith(snapshots.pathOf(latest.getTermIndex()));
        }
        setLastAppliedTermIndex(latest.getTermIndex());
    }

    @Override
    public StateMachineStorage getStateMachineStorage() {
        return snapshots;
    }

    @Override
    public SnapshotInfo getLatestSnapshot() {
        return snapshots.getLatestSnapshot();
    }

    @Override
    public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
        LogEntryProto entry = trx.getLogEntry();
        long index = entry.getIndex();
        long term = entry.getTerm();
        if (store.applied().covers(index, Integer.MAX_VALUE)) {
            updateLastAppliedTermIndex(term, index);
            return CompletableFuture.completedFuture(Message.EMPTY);
        }
        // Throws for an entry this server cannot read: Ratis then stops it, and RaftLiveness exits.
        RaftCommand command = LogEntryDecoder.decode(index,
                entry.getStateMachineLogEntry().getLogData().asReadOnlyByteBuffer());
        byte[] reply;
        if (command.hasBatch()) {
            WriteResults.Builder results = WriteResults.newBuilder();
            for (int sub = 0; sub < command.getBatch().getCommandsCount(); sub++) {
                results.addResults(applyOne(term, index, sub, command.getBatch().getCommands(sub)));
            }
            reply = results.build().toByteArray();
        } else {
            reply = applyOne(term, index, 0, command).toByteArray();
        }
        // Only now that the whole entry is in do watchers see its index.
        store.publish(index);
        updateLastAppliedTermIndex(term, index);
        return CompletableFuture.completedFuture(Message.valueOf(ByteString.copyFrom(reply)));
    }

    /**
     * Applies one command of the entry. After a crash in the middle of a batch, the commands the
     * database already holds are skipped, so none applies twice.
     */
    private WriteResult applyOne(long term, long index, int sub, RaftCommand cmd) {
        if (store.applied().covers(index, sub)) {
            return WriteResult.getDefaultInstance();
        }
        if (LogEntryDecoder.skip(index, cmd)) {
            LOG.warn("log entry {} holds a command this server does not know, marked ignorable: skipped", index);
            // Applied as a no-op, so the applied position and request expiry move as on servers that know it.
            return store.applyUnpublished(term, index, sub, cmd.getLeaderTimeUnixNanos(), "",
                    txn -> WriteResult.getDefaultInstance(), changeListener);
        }
        return store.applyUnpublished(term, index, sub, cmd.getLeaderTimeUnixNanos(), cmd.getRequestId(),
                txn -> applier.apply(txn, cmd), changeListener);
    }

    @Override
    public long takeSnapshot() {
        TermIndex last = getLastAppliedTermIndex();
        if (last == null || last.getIndex() <= 0) {
            return RaftLog.INVALID_LOG_INDEX;
        }
        Path target = snapshots.pathOf(last);
        if (Files.isDirectory(target)) {
            return last.getIndex();
        }
        Path staging = snapshots.stagingPathOf(last);
        try {
            CheckpointSnapshots.deleteRecursively(staging);
            store.checkpoint(staging);
            Files.move(staging, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take snapshot at " + last, e);
        }
        snapshots.refresh();
        return last.getIndex();
    }

    /** Linearizable reads go through Ratis's ReadIndex; once it calls us, local state is new enough. */
    @Override
    public CompletableFuture<Message> query(Message request) {
        return CompletableFuture.completedFuture(Message.EMPTY);
    }

    @Override
    public void notifyLeaderReady() {
        leaderListener.onLeaderReady();
    }

    @Override
    public void notifyNotLeader(Collection<TransactionContext> pendingEntries) {
        leaderListener.onNotLeader();
    }

    @Override
    public void notifyLeaderChanged(RaftGroupMemberId groupMemberId, RaftPeerId newLeaderId) {
        leaderListener.onLeaderChanged(Optional.ofNullable(newLeaderId).map(RaftPeerId::toString).orElse(null));
    }

    @Override
    public void close() {
        // The store belongs to whoever opened it; it outlives Ratis's use of this machine.
    }

    private enum NoLeaderListener implements LeaderListener {
        INSTANCE;

        @Override
        public void onLeaderReady() {
        }

        @Override
        public void onNotLeader() {
        }

        @Override
        public void onLeaderChanged(String leaderId) {
        }
    }
}
