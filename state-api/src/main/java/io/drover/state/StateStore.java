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

    /**
     * The index {@link #awaitIndexAbove} goes by for {@code table}: every log entry up to it is
     * wholly applied, so a reader opened after this call holds all of their changes. A reader's
     * own {@link StateReader#tableIndex} may be higher while an entry of several commands is
     * being applied, with only some of them in it.
     */
    long publishedIndex(Table table);
}
