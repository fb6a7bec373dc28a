package io.drover.cluster.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the suite's clients did and saw, for the checks after the run: every job registration
 * and its outcome, the check-and-set and consistent-read history, every index a reader saw go
 * backwards, and every answer no client should get. Times are {@link System#nanoTime()}.
 */
final class ClientHistory {
    /** How a registration ended. */
    enum Outcome {
        /** 200: the job is registered at {@code index}. */
        ACKNOWLEDGED,
        /** Refused for good (a 4xx): it must not exist. */
        REFUSED,
        /** No answer, or one that does not say (a timeout, "No cluster leader"): it may exist. */
        UNKNOWN
    }

    /** One registration of a job of its own. */
    record Write(String jobId, String server, long startedAt, long endedAt, Outcome outcome, long index,
            String detail) {
    }

    /** An index a reader saw lower than one it saw before from the same server in the same mode. */
    record Regression(String server, String mode, long before, long after, long at) {
    }

    /** An answer the API must never give (a 5xx other than "No cluster leader", a 400 to a valid request). */
    record Unexpected(String server, String request, int status, String body, long at) {
    }

    final History.Recorder<JobRegisterModel.Input, JobRegisterModel.Output> cas = History.recorder(System::nanoTime);
    final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Regression> regressions = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Unexpected> unexpected = new ConcurrentLinkedQueue<>();
    final Map<String, AtomicLong> readsByMode = new ConcurrentHashMap<>();
    final AtomicLong noLeaderAnswers = new AtomicLong();

    void write(Write w) {
        writes.add(w);
    }

    List<Write> acknowledged() {
        return writes.stream().filter(w -> w.outcome() == Outcome.ACKNOWLEDGED).toList();
    }

    long count(Outcome outcome) {
        return writes.stream().filter(w -> w.outcome() == outcome).count();
    }

    /**
     * When the cluster first acknowledged a write it committed after {@code since}: the first
     * acknowledgement after it of an index above every index acknowledged before it (a write
     * committed earlier but answered late does not count). {@link Long#MAX_VALUE} if none.
     */
    long firstCommittedAfter(long since) {
        long before = 0;
        for (Write w : writes) {
            if (w.outcome() == Outcome.ACKNOWLEDGED && w.endedAt() <= since) {
                before = Math.max(before, w.index());
            }
        }
        long first = Long.MAX_VALUE;
        for (Write w : writes) {
            if (w.outcome() == Outcome.ACKNOWLEDGED && w.endedAt() > since && w.index() > before) {
                first = Math.min(first, w.endedAt());
            }
        }
        return first;
    }

    List<Write> writesSnapshot() {
        return new ArrayList<>(writes);
    }

    void read(String mode) {
        readsByMode.computeIfAbsent(mode, m -> new AtomicLong()).incrementAndGet();
    }
}
