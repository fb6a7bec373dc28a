package io.drover.http.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The life of one request: work it started (a parked query, a forwarded read) registers here how
 * to let go, and the transport cancels the scope when the client goes away, so nothing waits on
 * behalf of a request no one will read.
 */
public final class RequestScope {
    private final List<Runnable> onCancel = new ArrayList<>(2);
    private boolean cancelled;

    /** Runs {@code action} when the scope is cancelled (at once if it already is). */
    public void onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                onCancel.add(action);
                return;
            }
        }
        action.run();
    }

    public void cancel() {
        List<Runnable> actions;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            actions = new ArrayList<>(onCancel);
            onCancel.clear();
        }
        actions.forEach(Runnable::run);
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }
}
