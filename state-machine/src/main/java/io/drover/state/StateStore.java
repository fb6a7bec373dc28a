package io.drover.state;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/** What readers of the replicated state (the HTTP gateway, leader services) see of the store. */
public interface StateStore {
    /** A consistent view of the latest applied state. */
    StateReader reader();

    /**
     * Completes (on an arbitrary thread, never inside apply) once one of {@code tables} has an
     * index above {@code index}; at once if one already has. Cancelling the future releases it.
     */
    CompletableFuture<Void> awaitIndexAbove(Collection<Table> tables, long index);
}
