package io.drover.http.query;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps the newest answer of each recent query, keyed by the query's key and the highest index of
 * its tables. When one write wakes many parked copies of the same query, the first to re-run
 * computes the answer and the rest take it, instead of each reading and rendering the state.
 *
 * <p>An answer is reused only at exactly the index it was computed at: indexes only grow, so an
 * unchanged highest index means none of the query's tables changed. Answers are kept only for a
 * few seconds (the burst a write causes): a big one, such as every job's stub, would otherwise
 * stay on the heap for as long as nobody asks the same question again.
 */
final class QueryCache {
    private static final long TTL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;

    QueryCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /**
     * The answer of the query {@code key} at {@code index}: the cached one, or {@code compute}'s
     * (run at most once per key and index while others wait for it).
     */
    QueryResult get(String key, long index, Supplier<QueryResult> compute) {
        long now = System.nanoTime();
        Entry fresh = new Entry(index, now);
        Entry entry = entries.compute(key,
                (k, old) -> old != null && old.index >= index && now - old.created < TTL_NANOS ? old : fresh);
        if (entry.index != index) {
            // This reader's view is older than the cached answer: answer from our own view.
            return compute.get();
        }
        if (entry == fresh) {
            if (entries.size() > maxEntries) {
                // Crude but bounded: the cache only matters for the burst after a write.
                entries.clear();
                entries.put(key, fresh);
            }
        }
        try {
            return entry.get(compute);
        } catch (RuntimeException | Error e) {
            entries.remove(key, entry);
            throw e;
        }
    }

    /** Forgets answers older than the burst window. */
    void purgeExpired() {
        long now = System.nanoTime();
        entries.values().removeIf(e -> now - e.created >= TTL_NANOS);
    }

    int size() {
        return entries.size();
    }

    private static final class Entry {
        final long index;
        final long created;
        private QueryResult result;

        Entry(long index, long created) {
            this.index = index;
            this.created = created;
        }

        synchronized QueryResult get(Supplier<QueryResult> compute) {
            if (result == null) {
                result = Objects.requireNonNull(compute.get(), "query result");
            }
            return result;
        }
    }
}
