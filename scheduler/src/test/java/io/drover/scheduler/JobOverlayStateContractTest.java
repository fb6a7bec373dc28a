package io.drover.scheduler;

import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import io.drover.model.scheduling.Evaluation;
import io.drover.scheduler.memory.MemoryStateSubject;
import io.drover.state.ServerInfo;
import io.drover.state.StateReader;
import io.drover.state.StateReaderContract;
import io.drover.state.StoreWrites;
import io.drover.state.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;

/**
 * The plan dry run's view, over each state it runs on (the store in production, MemoryState in
 * tests), overlaying the job "web" as stored: it must answer exactly what the state under it
 * answers. What it changes when the job differs is {@link JobOverlayStateTest}'s.
 */
class JobOverlayStateContractTest {
    @Nested
    class OverTheStore extends StateReaderContract {
        @Override
        protected Subject open(Path dir) {
            return new Overlaid(new StoreWrites(dir));
        }
    }

    @Nested
    class OverMemoryState extends StateReaderContract {
        @Override
        protected Subject open(Path dir) {
            return new Overlaid(new MemoryStateSubject());
        }
    }

    /** Writes go to the base; views overlay the base's own "web" on a view of it. */
    private static final class Overlaid implements StateReaderContract.Subject {
        private final StateReaderContract.Subject base;
        /** The views under the overlays: an overlay leaves its base to whoever opened it. */
        private final List<StateReader> bases = new ArrayList<>();

        Overlaid(StateReaderContract.Subject base) {
            this.base = base;
        }

        @Override
        public StateReader reader() {
            StateReader under = base.reader();
            bases.add(under);
            return new JobOverlayState(under, under.job("default", "web").orElseThrow());
        }

        @Override
        public void upsertNode(Node node) {
            base.upsertNode(node);
        }

        @Override
        public void registerJob(Job job) {
            base.registerJob(job);
        }

        @Override
        public void upsertEvals(Evaluation... evals) {
            base.upsertEvals(evals);
        }

        @Override
        public void placeAllocs(Allocation... allocs) {
            base.placeAllocs(allocs);
        }

        @Override
        public void recordScalingEvent(String namespace, String jobId, String group, String message) {
            base.recordScalingEvent(namespace, jobId, group, message);
        }

        @Override
        public void announceServer(ServerInfo server) {
            base.announceServer(server);
        }

        @Override
        public Set<Table> tables() {
            return base.tables();
        }

        @Override
        public boolean pointInTime() {
            return base.pointInTime();
        }

        @Override
        public void close() {
            bases.forEach(StateReader::close);
            base.close();
        }
    }
}
