package io.drover.http.query;

import io.drover.http.core.RequestScope;
import io.drover.state.StateReader;
import io.drover.state.StateStore;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Runs state queries, blocking as Nomad's {@code blockingRPC} does: with a minimum index, the
 * query is re-run each time one of its tables moves, until its answer's index exceeds the
 * minimum or the wait (capped at five minutes, plus up to 1/16 of jitter) ends, when it answers
 * with the current state. A parked query holds no thread: only a watch on the store and a timer.
 */
public final class BlockingQueries implements AutoCloseable {
    /** Nomad's default and maximum wait. */
    public static final Duration MAX_WAIT = Duration.ofMinutes(5);
    /** The jitter added to a wait is up to wait / JITTER_FRACTION, as Nomad's. */
    public static final int JITTER_FRACTION = 16;

    private final StateStore store;
    private final Executor executor;
    private final Timer timer;
    private final Random random;
    private final QueryCache cache;
    private final Set<Parked> parked = ConcurrentHashMap.newKeySet();

    /**
     * @param executor where queries run; never an event loop, since reads may touch the disk
     * @param timer ends waits; its tasks only hand over to {@code executor}
     */
    public BlockingQueries(StateStore store, Executor executor, Timer timer, Random random, int cacheEntries) {
        this.store = store;
        this.executor = executor;
        this.timer = timer;
        this.random = random;
        this.cache = new QueryCache(cacheEntries);
        purgeCacheLater();
    }

    /** Answers outlive their burst only briefly: a big one should not sit on the heap until the next query. */
    private void purgeCacheLater() {
        try {
            timer.newTimeout(t -> {
                cache.purgeExpired();
                purgeCacheLater();
            }, 5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IllegalStateException | java.util.concurrent.RejectedExecutionException stopped) {
            // The gateway is closing.
        }
    }

    /**
     * Answers {@code query}; call it on a query thread.
     *
     * @param minIndex 0 to answer at once, else block until the answer's index exceeds it
     * @param waitNanos the longest to block; 0 or less for the default
     * @param scope cancelling it releases a parked query
     */
    public CompletableFuture<QueryResult> run(StateQuery query, long minIndex, long waitNanos, RequestScope scope) {
        if (minIndex == 0) {
            return CompletableFuture.completedFuture(execute(query).result);
        }
        Parked p = new Parked(query, minIndex);
        parked.add(p);
        scope.onCancel(p::cancel);
        p.attempt();
        if (!p.future.isDone()) {
            p.startTimer(jittered(waitNanos));
        }
        return p.future;
    }

    /** How many queries are parked now. */
    public int parkedCount() {
        return parked.size();
    }

    /** Lets go of every parked query; their futures are cancelled. */
    @Override
    public void close() {
        for (Parked p : parked) {
            p.cancel();
        }
    }

    long jittered(long waitNanos) {
        long max = MAX_WAIT.toNanos();
        long wait = waitNanos <= 0 || waitNanos > max ? max : waitNanos;
        long spread = wait / JITTER_FRACTION;
        return spread > 0 ? wait + Math.floorMod(random.nextLong(), spread) : wait;
    }

    private Executed execute(StateQuery query) {
        try (StateReader reader = store.reader()) {
            long watchIndex = query.watchIndex(reader);
            QueryResult result = cache.get(query.key(), watchIndex, () -> query.run().apply(reader));
            return new Executed(result, watchIndex);
        }
    }

    private record Executed(QueryResult result, long watchIndex) {
    }

    /** One blocked query: the watch that wakes it and the timer that ends it. */
    private final class Parked {
        final StateQuery query;
        final long minIndex;
        final CompletableFuture<QueryResult> future = new CompletableFuture<>();
        private CompletableFuture<Void> watch;
        private Timeout timeout;

        Parked(StateQuery query, long minIndex) {
            this.query = query;
            this.minIndex = minIndex;
        }

        void attempt() {
            if (future.isDone()) {
                return;
            }
            Executed executed;
            try {
                executed = execute(query);
            } catch (RuntimeException | Error e) {
                fail(e);
                return;
            }
            if (executed.result.index() > minIndex) {
                finish(executed.result);
                return;
            }
            // The answer can only pass minIndex once a table does, so wait for that.
            CompletableFuture<Void> w;
            synchronized (this) {
                if (future.isDone()) {
                    return;
                }
                w = store.awaitIndexAbove(query.tables(), Math.max(executed.watchIndex, minIndex));
                watch = w;
            }
            w.whenComplete((ok, failure) -> {
                if (failure == null) {
                    executor.execute(this::attempt);
                } else if (!(failure instanceof CancellationException)) {
                    // The store cannot watch (it is closing): answer with what it holds now.
                    executor.execute(this::finishNow);
                }
            });
        }

        void startTimer(long nanos) {
            Timeout t = timer.newTimeout(x -> executor.execute(this::finishNow), nanos, TimeUnit.NANOSECONDS);
            synchronized (this) {
                if (!future.isDone()) {
                    timeout = t;
                    return;
                }
            }
            t.cancel();
        }

        /**
         * Ends the wait with a fresh answer: the watch only wakes for changes that can pass the
         * minimum index, so smaller changes (towards an index far in the future) are read here.
         */
        void finishNow() {
            if (future.isDone()) {
                return;
            }
            try {
                finish(execute(query).result);
            } catch (RuntimeException | Error e) {
                fail(e);
            }
        }

        void cancel() {
            if (future.cancel(false)) {
                release();
            }
        }

        private void finish(QueryResult result) {
            if (future.complete(result)) {
                release();
            }
        }

        private void fail(Throwable t) {
            if (future.completeExceptionally(t)) {
                release();
            }
        }

        private void release() {
            CompletableFuture<Void> w;
            Timeout t;
            synchronized (this) {
                w = watch;
                t = timeout;
                watch = null;
                timeout = null;
            }
            if (w != null) {
                w.cancel(false);
            }
            if (t != null) {
                t.cancel();
            }
            parked.remove(this);
        }
    }
}
