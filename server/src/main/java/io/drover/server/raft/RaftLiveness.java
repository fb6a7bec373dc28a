package io.drover.server.raft;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps a server from living on as a zombie. Ratis stops a server's Raft for good when applying
 * an entry fails or its log cannot be written, and the rest of the process (HTTP, gRPC) would go
 * on answering as if it were a member. This checks every period that Raft still runs; the first
 * time it does not, without the agent having asked it to stop, it reports why, once.
 */
public final class RaftLiveness implements AutoCloseable {
    private final Supplier<Optional<String>> stopped;
    private final Consumer<String> onStopped;
    private final AtomicBoolean done = new AtomicBoolean();
    private final ScheduledFuture<?> checks;

    /**
     * @param stopped why Raft no longer runs, or empty while it runs (see {@link RaftNode#stopped()})
     * @param onStopped told the reason, once, when Raft stopped without {@link #close()} first
     */
    public RaftLiveness(Supplier<Optional<String>> stopped, ScheduledExecutorService timer, Duration period,
            Consumer<String> onStopped) {
        this.stopped = Objects.requireNonNull(stopped, "stopped");
        this.onStopped = Objects.requireNonNull(onStopped, "onStopped");
        long ms = period.toMillis();
        this.checks = timer.scheduleWithFixedDelay(this::check, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void check() {
        if (done.get()) {
            return;
        }
        Optional<String> reason = stopped.get();
        if (reason.isPresent() && done.compareAndSet(false, true)) {
            checks.cancel(false);
            onStopped.accept(reason.get());
        }
    }

    /** The agent is stopping Raft itself: that is no failure. Call before closing Raft. */
    @Override
    public void close() {
        done.set(true);
        checks.cancel(false);
    }
}
