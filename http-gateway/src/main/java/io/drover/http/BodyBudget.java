package io.drover.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The request bodies the gateway holds at once, in bytes, shared by every connection. A request is
 * charged its body's size when its head arrives and released when its answer is written; one that
 * does not fit waits, first come first served, with its connection not read meanwhile (see
 * {@link BodyAdmission}). Without it, a hundred connections per client each holding a 4 MiB body
 * (and more pipelined behind it) while two query threads decode them took the heap: concurrent
 * large bodies were 500 "Java heap space", and Raft's own threads failed with it. One request
 * larger than the whole budget is still let through alone.
 */
final class BodyBudget {
    private record Waiting(long bytes, Runnable grant) {
    }

    private final long capacity;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private long held;
    private long highWater;

    BodyBudget(long capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /**
     * Takes {@code bytes} now if they fit and no one is waiting; otherwise queues {@code grant},
     * which is run (on the releasing thread, outside any lock) once they are taken for it.
     *
     * @return whether they were taken now
     */
    boolean acquire(long bytes, Runnable grant) {
        synchronized (this) {
            if (waiting.isEmpty() && fits(bytes)) {
                take(bytes);
                return true;
            }
            waiting.add(new Waiting(bytes, grant));
            return false;
        }
    }

    /** Gives {@code bytes} back and grants whoever waits, in order, while they fit. */
    void release(long bytes) {
        List<Runnable> granted = new ArrayList<>();
        synchronized (this) {
            held -= bytes;
            while (!waiting.isEmpty() && fits(waiting.peek().bytes())) {
                Waiting w = waiting.poll();
                take(w.bytes());
                granted.add(w.grant());
            }
        }
        granted.forEach(Runnable::run);
    }

    /** Withdraws a wait (its connection closed); false if it had been granted already. */
    synchronized boolean withdraw(Runnable grant) {
        return waiting.removeIf(w -> w.grant() == grant);
    }

    /** Bytes held now. */
    synchronized long held() {
        return held;
    }

    /** The most bytes held at once so far. */
    synchronized long highWater() {
        return highWater;
    }

    private boolean fits(long bytes) {
        return held == 0 || held + bytes <= capacity;
    }

    private void take(long bytes) {
        held += bytes;
        highWater = Math.max(highWater, held);
    }
}
