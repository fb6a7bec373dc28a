package io.drover.http.testing;

import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import io.drover.model.scheduling.Evaluation;
import io.drover.state.ServerInfo;
import io.drover.state.StateReader;
import io.drover.state.StateReaderContract;
import io.drover.state.Table;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * The gateway's routes are tested on {@link FakeStateStore}'s readers and run on the store's:
 * they must answer alike.
 */
class FakeStateStoreContractTest extends StateReaderContract {
    @Override
    protected Subject open(Path dir) {
        return new Faked();
    }

    /** The contract's writes on a fake store, each one of its writes. */
    private static final class Faked implements Subject {
        private final FakeStateStore store = new FakeStateStore();

        @Override
        public void upsertNode(Node node) {
            store.upsertNode(node);
        }

        @Override
        public void registerJob(Job job) {
            store.upsertJob(job);
        }

        @Override
        public void upsertEvals(Evaluation... evals) {
            for (Evaluation e : evals) {
                store.upsertEval(e);
            }
        }

        /** The fake stores allocations as given: those without a job get the current one, as a plan's commit. */
        @Override
        public void placeAllocs(Allocation... allocs) {
            try (StateReader r = store.reader()) {
                for (Allocation a : allocs) {
                    if (a.job == null) {
                        a.job = r.job(a.namespace, a.jobId).orElseThrow();
                    }
                }
            }
            store.upsertAllocs(allocs);
        }

        @Override
        public void announceServer(ServerInfo server) {
            store.upsertServer(server);
        }

        @Override
        public StateReader reader() {
            return store.reader();
        }

        @Override
        public Set<Table> tables() {
            return EnumSet.of(Table.NODES, Table.JOBS, Table.JOB_VERSIONS, Table.JOB_SUMMARIES, Table.EVALS,
                    Table.ALLOCS, Table.SERVERS);
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
