package io.drover.server.scheduling;

import io.drover.scheduler.SchedulerException;
import io.drover.state.StateReader;
import io.drover.state.StateStore;
import io.drover.state.Table;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Opens state views that include a given log index, waiting for it to be applied here. */
final class StateViews {
    private final StateStore store;

    StateViews(StateStore store) {
        this.store = store;
    }

    StateReader atLeast(long index, Duration wait) throws SchedulerException {
        StateReader reader = store.reader();
        if (reader.appliedIndex() >= index) {
            return reader;
        }
        reader.close();
        try {
            // Any table reaching the index means the entry at the index was applied.
            store.awaitIndexAbove(EnumSet.allOf(Table.class), index - 1).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new SchedulerException("state did not reach index " + index + " in " + wait.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchedulerException("interrupted while waiting for index " + index);
        }
        return store.reader();
    }
}
