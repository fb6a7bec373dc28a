package io.drover.http.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls for a condition that other threads bring about, failing after a generous deadline. */
public final class Await {
    private Await() {
    }

    public static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in time");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
