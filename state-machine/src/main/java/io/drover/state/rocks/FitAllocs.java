package io.drover.state.rocks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectReader;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.NomadJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Decodes stored allocations for fit checks, skipping their task states and placement metrics.
 * A running allocation's task events and its AllocMetric (the scores of the nodes it was weighed
 * against, a map per node) are most of its decoded size; a scheduler pass on 5,000 nodes read
 * the live allocations of all of them, and with 36,000 running the leader's 512 MB heap ran out
 * (nodes kept in a pass: 31,000 allocations, 154,000 score entries, 88,000 task events).
 */
final class FitAllocs {
    @JsonIgnoreProperties({"TaskStates", "Metrics"})
    private abstract static class WithoutStatesAndMetrics {
    }

    private static final ObjectReader READER = NomadJson.storedValueMapper()
            .addMixIn(Allocation.class, WithoutStatesAndMetrics.class)
            .readerFor(StoredAlloc.class);

    private FitAllocs() {
    }

    static StoredAlloc read(byte[] stored) {
        try {
            return READER.readValue(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored allocation could not be decoded", e);
        }
    }
}
