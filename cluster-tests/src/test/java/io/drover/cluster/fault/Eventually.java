package io.drover.cluster.fault;

import java.util.function.BooleanSupplier;

/** Bounded polling, for what a proxy does on its own threads (a connection ending, a slot freed). */
final class Eventually {
    private static final long BOUND_NANOS = 5_000_000_000L;

    private Eventually() {
    }

    static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + BOUND_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 5 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
