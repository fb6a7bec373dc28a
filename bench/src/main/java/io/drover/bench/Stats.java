package io.drover.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latencies and counts of one run. */
final class Stats {
    final Histogram latencyMicros = new ConcurrentHistogram(3);
    final java.util.concurrent.atomic.LongAdder ok = new java.util.concurrent.atomic.LongAdder();
    final java.util.concurrent.atomic.LongAdder failed = new java.util.concurrent.atomic.LongAdder();

    void record(long startedNanos, boolean success) {
        if (success) {
            ok.increment();
            latencyMicros.recordValue(Math.max(1, (System.nanoTime() - startedNanos) / 1000));
        } else {
            failed.increment();
        }
    }

    String summary(String what, double seconds) {
        return String.format("%s: %d ok, %d failed in %.1f s = %.0f/s; latency ms p50 %.1f p90 %.1f p99 %.1f max %.1f",
                what, ok.sum(), failed.sum(), seconds, ok.sum() / seconds,
                latencyMicros.getValueAtPercentile(50) / 1000.0, latencyMicros.getValueAtPercentile(90) / 1000.0,
                latencyMicros.getValueAtPercentile(99) / 1000.0, latencyMicros.getMaxValue() / 1000.0);
    }

    /** The middle value (the upper one of an even count); 0 for none. */
    static double median(java.util.List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        java.util.List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
