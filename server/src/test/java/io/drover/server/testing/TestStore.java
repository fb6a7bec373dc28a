package io.drover.server.testing;

import io.drover.model.Job;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.PlanResultsCommand;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.apply.CommandApplier;
import io.drover.state.rocks.RocksStateStore;
import io.drover.testkit.fixtures.Commands;
import io.drover.testkit.fixtures.NodeAllocCommands;
import java.nio.file.Path;

/**
 * A real RocksDB state store fed commands at increasing log indexes, as Raft would apply them
 * on every server: lets leader-side code (command builders, the drainer) be tested against the
 * state it reads, without Raft or sockets.
 */
public final class TestStore implements AutoCloseable {
    private final RocksStateStore store;
    private final CommandApplier applier = new CommandApplier();
    private long index;

    public TestStore(Path dir) {
        store = RocksStateStore.open(dir);
        index = store.applied().index();
    }

    public RocksStateStore store() {
        return store;
    }

    /** Applies {@code command} at the next index; fails the test if it is refused. */
    public WriteResult apply(RaftCommand command) {
        index++;
        WriteResult r = store.apply(1, index, 0, command.getLeaderTimeUnixNanos(), command.getRequestId(),
                txn -> applier.apply(txn, command));
        if (r.getCode() != WriteResult.Code.OK) {
            throw new AssertionError("command refused: " + r.getError());
        }
        return r;
    }

    /** Applies a plan's results, storing the (complete) evaluation that made it first, as a worker would. */
    public WriteResult applyPlan(Job job, PlanResultsCommand.Builder plan) {
        Evaluation eval = Commands.eval(job, Evaluation.TRIGGER_JOB_REGISTER, 1);
        eval.id = plan.getEvalId();
        eval.status = Evaluation.STATUS_COMPLETE;
        apply(NodeAllocCommands.evals(eval));
        return apply(NodeAllocCommands.planResults(plan));
    }

    public long index() {
        return index;
    }

    @Override
    public void close() {
        store.close();
    }
}
