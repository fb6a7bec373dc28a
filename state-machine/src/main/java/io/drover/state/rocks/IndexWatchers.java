package io.drover.state.rocks;

import io.drover.state.Table;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The tables' current indexes and the futures waiting for them to pass a value (blocking
 * queries). Waiters are completed on {@code wakeExecutor}, never on the apply thread, and
 * forgotten when they complete or are cancelled, so a parked query costs no thread.
 */
final class IndexWatchers {
    private final AtomicLongArray current = new AtomicLongArray(Table.values().length);
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    private final Executor wakeExecutor;

    IndexWatchers(Executor wakeExecutor) {
        this.wakeExecutor = wakeExecutor;
    }

    long index(Table t) {
        return current.get(t.ordinal());
    }

    CompletableFuture<Void> await(Collection<Table> tables, long index) {
        EnumSet<Table> set = tables.isEmpty() ? EnumSet.allOf(Table.class) : EnumSet.copyOf(tables);
        if (passed(set, index)) {
            return CompletableFuture.completedFuture(null);
        }
        Waiter w = new Waiter(set, index, new CompletableFuture<>());
        waiters.add(w);
        w.future.whenComplete((v, e) -> waiters.remove(w));
        // An index may have advanced between the check and the registration.
        if (passed(set, index)) {
            w.future.complete(null);
        }
        return w.future;
    }

    /** Records that {@code tables} changed at {@code index} and wakes whoever waited for it. */
    void advanced(Set<Table> tables, long index) {
        if (tables.isEmpty()) {
            return;
        }
        for (Table t : tables) {
            current.accumulateAndGet(t.ordinal(), index, Math::max);
        }
        wakeSatisfied();
    }

    /** Replaces every index (after the database was swapped for a snapshot) and wakes all that passed. */
    void reset(java.util.function.ToLongFunction<Table> indexOf) {
        for (Table t : Table.values()) {
            current.set(t.ordinal(), indexOf.applyAsLong(t));
        }
        wakeSatisfied();
    }

    private void wakeSatisfied() {
        for (Waiter w : waiters) {
            if (!w.future.isDone() && passed(w.tables, w.index) && w.scheduled.compareAndSet(false, true)) {
                wakeExecutor.execute(() -> w.future.complete(null));
            }
        }
    }

    private boolean passed(Set<Table> tables, long index) {
        for (Table t : tables) {
            if (current.get(t.ordinal()) > index) {
                return true;
            }
        }
        return false;
    }

    int waiting() {
        return waiters.size();
    }

    private static final class Waiter {
        final Set<Table> tables;
        final long index;
        final CompletableFuture<Void> future;
        /** Set once a wake-up is queued, so a burst of writes queues one per waiter. */
        final java.util.concurrent.atomic.AtomicBoolean scheduled = new java.util.concurrent.atomic.AtomicBoolean();

        Waiter(Set<Table> tables, long index, CompletableFuture<Void> future) {
            this.tables = tables;
            this.index = index;
            this.future = future;
        }
    }
}
