package io.drover.testkit.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls for something other threads or processes bring about (an election, replication, a
 * parked query), failing with a description after a bound, so no wait can hang a build. A check
 * that throws (a server not answering yet) counts as "not yet"; the last such error is reported
 * if time runs out.
 */
public final class Await {
    /** Often enough for a test not to wait long after the fact, seldom enough not to load what it polls. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(50);

    private Await() {
    }

    public static void until(String what, Duration bound, BooleanSupplier condition) {
        until(what, bound, DEFAULT_POLL, condition);
    }

    /** As {@link #until(String, Duration, BooleanSupplier)}, checking every {@code poll}. */
    public static void until(String what, Duration bound, Duration poll, BooleanSupplier condition) {
        value(what, bound, poll, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /**
     * Waits until {@code missing} returns null. Until then it returns what is still missing,
     * and its last answer is in the failure message, so a failure shows how far things got.
     */
    public static void untilNothingMissing(String what, Duration bound, Supplier<String> missing) {
        AtomicReference<String> last = new AtomicReference<>();
        try {
            value(what, bound, () -> {
                String m = missing.get();
                last.set(m);
                return m == null ? Optional.of(Boolean.TRUE) : Optional.empty();
            });
        } catch (AssertionError e) {
            AssertionError failure = new AssertionError(e.getMessage() + "; last seen: " + last.get());
            failure.initCause(e.getCause());
            throw failure;
        }
    }

    /** Returns the first value {@code probe} offers within {@code bound}. */
    public static <T> T value(String what, Duration bound, Supplier<Optional<T>> probe) {
        return value(what, bound, DEFAULT_POLL, probe);
    }

    /** As {@link #value(String, Duration, Supplier)}, probing every {@code poll}. */
    public static <T> T value(String what, Duration bound, Duration poll, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + bound.toNanos();
        RuntimeException lastError = null;
        while (true) {
            try {
                Optional<T> v = probe.get();
                if (v.isPresent()) {
                    return v.get();
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError failure = new AssertionError("not reached within " + seconds(bound) + ": " + what
                        + (lastError == null ? "" : " (last error: " + lastError + ")"));
                if (lastError != null) {
                    failure.initCause(lastError);
                }
                throw failure;
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }

    /**
     * Whether {@code future} is still not complete after {@code duration}: for what must not
     * happen yet, such as a blocking query answering before anything changed.
     */
    public static boolean isStillPending(Future<?> future, Duration duration) {
        try {
            future.get(duration.toMillis(), TimeUnit.MILLISECONDS);
            return false;
        } catch (TimeoutException e) {
            return true;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** "20 s", or "300 ms" for a bound under a second (toSeconds would say 0). */
    private static String seconds(Duration bound) {
        return bound.toSeconds() > 0 ? bound.toSeconds() + " s" : bound.toMillis() + " ms";
    }
}
