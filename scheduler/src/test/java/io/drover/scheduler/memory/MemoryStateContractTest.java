package io.drover.scheduler.memory;

import io.drover.state.StateReaderContract;
import java.nio.file.Path;

/** The scheduler tests' and benchmarks' in-memory state answers as the store does. */
class MemoryStateContractTest extends StateReaderContract {
    @Override
    protected Subject open(Path dir) {
        return new MemoryStateSubject();
    }
}
