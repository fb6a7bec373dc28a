package io.drover.server.scheduling;

import io.drover.model.scheduling.Evaluation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Hands pending evaluations to scheduler workers, on the leader only (Nomad's EvalBroker).
 * Invariants: at most one evaluation per job is out (ready or unacked) at a time, the others
 * of that job wait behind it; a dequeued evaluation must be acked or nacked within the nack
 * timeout, else it is nacked for the worker; an evaluation nacked past the delivery limit goes
 * to the failed queue, which the leader drains by marking it failed. Evaluations with
 * {@code Wait} or {@code WaitUntil} are held until their time. Disabled (not leading), it holds
 * nothing and hands out nothing.
 */
public final class EvalBroker {
    public static final String FAILED_QUEUE = "_failed";

    /** Highest priority first; for the same priority, oldest first. */
    private static final Comparator<Evaluation> ORDER = Comparator
            .comparingInt((Evaluation e) -> -(e.priority == null ? 0 : e.priority))
            .thenComparingLong(e -> e.createIndex == null ? 0 : e.createIndex);

    private final Duration nackTimeout;
    private final Duration initialNackDelay;
    private final Duration subsequentNackDelay;
    private final int deliveryLimit;
    private final Timers timers;
    private final Random random;
    private final LongSupplier nowMillis;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean enabled;
    /** Evaluation ID → how many times it was dequeued; present while the broker tracks it. */
    private final Map<String, Integer> dequeues = new HashMap<>();
    /** The evaluation of each job that is ready or unacked. */
    private final Map<JobKey, String> jobEvals = new HashMap<>();
    /** Evaluations waiting behind their job's outstanding one. */
    private final Map<JobKey, PriorityQueue<Evaluation>> blocked = new HashMap<>();
    /** Ready evaluations by scheduler type (or the failed queue). */
    private final Map<String, PriorityQueue<Evaluation>> ready = new HashMap<>();
    private final Map<String, Unacked> unacked = new HashMap<>();
    /** Token → an evaluation to enqueue again once the one holding the token is acked. */
    private final Map<String, Evaluation> requeue = new HashMap<>();
    private final Map<String, Timers.Timer> waiting = new HashMap<>();

    public EvalBroker(Duration nackTimeout, Duration initialNackDelay, Duration subsequentNackDelay,
            int deliveryLimit, Timers timers, Random random, LongSupplier nowMillis) {
        this.nackTimeout = nackTimeout;
        this.initialNackDelay = initialNackDelay;
        this.subsequentNackDelay = subsequentNackDelay;
        this.deliveryLimit = deliveryLimit;
        this.timers = timers;
        this.random = random;
        this.nowMillis = nowMillis;
    }

    /** Nomad's defaults: 60 s nack timeout, 1 s then 20 s re-enqueue delays, 3 deliveries. */
    public static EvalBroker withDefaults(Timers timers, Random random, LongSupplier nowMillis) {
        return new EvalBroker(Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(20), 3, timers,
                random, nowMillis);
    }

    /** An evaluation handed to a worker, with the token that acks or nacks it. */
    public record Dequeued(Evaluation eval, String token) {
    }

    private record Unacked(Evaluation eval, String token, Timers.Timer nackTimer) {
    }

    private record JobKey(String namespace, String jobId) {
        static JobKey of(Evaluation e) {
            return new JobKey(e.namespace, e.jobId);
        }
    }

    public boolean isEnabled() {
        lock.lock();
        try {
            return enabled;
        } finally {
            lock.unlock();
        }
    }

    /** Enabling starts empty; disabling drops everything and wakes waiting workers. */
    public void setEnabled(boolean enabled) {
        lock.lock();
        try {
            boolean was = this.enabled;
            this.enabled = enabled;
            if (was && !enabled) {
                flush();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Enqueues a pending evaluation (a no-op for one already tracked). */
    public void enqueue(Evaluation eval) {
        lock.lock();
        try {
            processEnqueue(eval, "");
        } finally {
            lock.unlock();
        }
    }

    /**
     * Enqueues an evaluation that a worker holding {@code token} created while processing
     * another: if that one is still out, this one waits until it is acked.
     */
    public void enqueue(Evaluation eval, String token) {
        lock.lock();
        try {
            processEnqueue(eval, token);
        } finally {
            lock.unlock();
        }
    }

    public void enqueueAll(Collection<Evaluation> evals) {
        lock.lock();
        try {
            for (Evaluation e : evals) {
                processEnqueue(e, "");
            }
        } finally {
            lock.unlock();
        }
    }

    private void processEnqueue(Evaluation eval, String token) {
        if (!enabled) {
            return;
        }
        if (dequeues.containsKey(eval.id)) {
            if (!token.isEmpty()) {
                Unacked u = unacked.get(eval.id);
                if (u != null && u.token.equals(token)) {
                    requeue.put(token, eval);
                }
            }
            return;
        }
        dequeues.put(eval.id, 0);
        if (eval.wait != null && eval.wait > 0) {
            waitThenEnqueue(eval, Duration.ofNanos(eval.wait));
            return;
        }
        Optional<Instant> until = waitUntil(eval);
        if (until.isPresent()) {
            long delayMillis = until.get().toEpochMilli() - nowMillis.getAsLong();
            if (delayMillis > 0) {
                waitThenEnqueue(eval, Duration.ofMillis(delayMillis));
                return;
            }
        }
        enqueueLocked(eval, eval.type);
    }

    private void waitThenEnqueue(Evaluation eval, Duration delay) {
        waiting.put(eval.id, timers.schedule(delay, () -> {
            lock.lock();
            try {
                if (waiting.remove(eval.id) != null) {
                    enqueueLocked(eval, eval.type);
                }
            } finally {
                lock.unlock();
            }
        }));
    }

    private static Optional<Instant> waitUntil(Evaluation eval) {
        if (eval.waitUntil == null || eval.waitUntil.isEmpty() || eval.waitUntil.startsWith("0001-01-01")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(eval.waitUntil));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void enqueueLocked(Evaluation eval, String queue) {
        if (!enabled) {
            return;
        }
        JobKey job = JobKey.of(eval);
        String pending = jobEvals.get(job);
        if (pending == null) {
            jobEvals.put(job, eval.id);
        } else if (!pending.equals(eval.id)) {
            blocked.computeIfAbsent(job, j -> new PriorityQueue<>(ORDER)).add(eval);
            return;
        }
        ready.computeIfAbsent(queue, q -> new PriorityQueue<>(ORDER)).add(eval);
        changed.signalAll();
    }

    /**
     * The highest-priority ready evaluation of one of {@code schedulers}, waiting up to
     * {@code timeout} for one; empty if none came (or the broker is disabled).
     */
    public Optional<Dequeued> dequeue(Collection<String> schedulers, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                if (!enabled) {
                    return Optional.empty();
                }
                Optional<Dequeued> d = scan(schedulers);
                if (d.isPresent()) {
                    return d;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    private Optional<Dequeued> scan(Collection<String> schedulers) {
        List<String> eligible = new ArrayList<>();
        int best = Integer.MIN_VALUE;
        for (String s : schedulers) {
            PriorityQueue<Evaluation> q = ready.get(s);
            if (q == null || q.isEmpty()) {
                continue;
            }
            int p = q.peek().priority == null ? 0 : q.peek().priority;
            if (eligible.isEmpty() || p > best) {
                eligible.clear();
                eligible.add(s);
                best = p;
            } else if (p == best) {
                eligible.add(s);
            }
        }
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        String sched = eligible.get(eligible.size() == 1 ? 0 : random.nextInt(eligible.size()));
        Evaluation eval = ready.get(sched).poll();
        String token = new UUID(random.nextLong(), random.nextLong()).toString();
        Timers.Timer nackTimer = timers.schedule(nackTimeout, () -> nack(eval.id, token));
        unacked.put(eval.id, new Unacked(eval, token, nackTimer));
        dequeues.merge(eval.id, 1, Integer::sum);
        return Optional.of(new Dequeued(eval, token));
    }

    /** The token of an outstanding (dequeued, unacked) evaluation. */
    public Optional<String> outstanding(String evalId) {
        lock.lock();
        try {
            Unacked u = unacked.get(evalId);
            return u == null ? Optional.empty() : Optional.of(u.token);
        } finally {
            lock.unlock();
        }
    }

    /** The worker finished the evaluation: the next of its job (if any) becomes ready. */
    public void ack(String evalId, String token) {
        lock.lock();
        try {
            Evaluation again = requeue.remove(token);
            Unacked u = unacked.get(evalId);
            if (u == null || !u.token.equals(token)) {
                throw new IllegalStateException(u == null ? "evaluation " + evalId + " is not outstanding"
                        : "token does not match for evaluation " + evalId);
            }
            if (!u.nackTimer.cancel()) {
                throw new IllegalStateException("evaluation " + evalId + " was acked after its nack timeout");
            }
            unacked.remove(evalId);
            dequeues.remove(evalId);
            JobKey job = JobKey.of(u.eval);
            jobEvals.remove(job);
            PriorityQueue<Evaluation> behind = blocked.get(job);
            if (behind != null && !behind.isEmpty()) {
                Evaluation next = behind.poll();
                if (behind.isEmpty()) {
                    blocked.remove(job);
                }
                enqueueLocked(next, next.type);
            }
            if (again != null) {
                processEnqueue(again, "");
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The worker could not finish the evaluation (or its nack timeout passed): it is delivered
     * again after a delay, or sent to the failed queue once it reached the delivery limit.
     */
    public void nack(String evalId, String token) {
        lock.lock();
        try {
            requeue.remove(token);
            Unacked u = unacked.get(evalId);
            if (u == null || !u.token.equals(token)) {
                return;
            }
            u.nackTimer.cancel();
            unacked.remove(evalId);
            int n = dequeues.getOrDefault(evalId, 0);
            if (n >= deliveryLimit) {
                enqueueLocked(u.eval, FAILED_QUEUE);
                return;
            }
            Duration delay = n <= 0 ? Duration.ZERO
                    : n == 1 ? initialNackDelay : subsequentNackDelay.multipliedBy(n - 1L);
            if (delay.isZero()) {
                enqueueLocked(u.eval, u.eval.type);
            } else {
                waitThenEnqueue(u.eval, delay);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops the nack timer while a worker waits for something slow (a plan being applied). */
    public boolean pauseNackTimeout(String evalId, String token) {
        lock.lock();
        try {
            Unacked u = unacked.get(evalId);
            return u != null && u.token.equals(token) && u.nackTimer.cancel();
        } finally {
            lock.unlock();
        }
    }

    public void resumeNackTimeout(String evalId, String token) {
        lock.lock();
        try {
            Unacked u = unacked.get(evalId);
            if (u != null && u.token.equals(token)) {
                unacked.put(evalId, new Unacked(u.eval, token, timers.schedule(nackTimeout, () -> nack(evalId, token))));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Counts for tests and metrics. */
    public Stats stats() {
        lock.lock();
        try {
            int readyCount = ready.values().stream().mapToInt(PriorityQueue::size).sum();
            int blockedCount = blocked.values().stream().mapToInt(PriorityQueue::size).sum();
            return new Stats(readyCount, unacked.size(), blockedCount, waiting.size());
        } finally {
            lock.unlock();
        }
    }

    public record Stats(int ready, int unacked, int blocked, int waiting) {
    }

    private void flush() {
        unacked.values().forEach(u -> u.nackTimer.cancel());
        waiting.values().forEach(Timers.Timer::cancel);
        dequeues.clear();
        jobEvals.clear();
        blocked.clear();
        ready.clear();
        unacked.clear();
        requeue.clear();
        waiting.clear();
        changed.signalAll();
    }

    /** How long a worker should wait for a dequeue before looking again at shutdown flags. */
    public static Duration dequeueTimeout() {
        return Duration.ofMillis(TimeUnit.SECONDS.toMillis(1));
    }
}
