package io.drover.http.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QueryCacheTest {
    private final QueryCache cache = new QueryCache(2);
    private final AtomicInteger computed = new AtomicInteger();

    private QueryResult compute(long index) {
        computed.incrementAndGet();
        return QueryResult.ok(index, "v" + index);
    }

    @Test
    void reusesAnAnswerOnlyAtTheSameIndex() {
        QueryResult first = cache.get("jobs", 5, () -> compute(5));
        QueryResult again = cache.get("jobs", 5, () -> compute(5));
        QueryResult newer = cache.get("jobs", 6, () -> compute(6));
        QueryResult older = cache.get("jobs", 5, () -> compute(5));

        assertThat(again).isSameAs(first);
        assertThat(newer).isNotSameAs(first);
        assertThat(older).as("an older view computes its own answer").isNotSameAs(first);
        assertThat(cache.get("jobs", 6, () -> compute(6))).as("and does not evict the newer").isSameAs(newer);
        assertThat(computed).hasValue(3);
    }

    @Test
    void staysBoundedAndForgetsFailures() {
        cache.get("a", 1, () -> compute(1));
        cache.get("b", 1, () -> compute(1));
        cache.get("c", 1, () -> compute(1));
        assertThat(cache.size()).isLessThanOrEqualTo(2);

        assertThatThrownBy(() -> cache.get("d", 1, () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(cache.get("d", 1, () -> compute(1)).index()).isEqualTo(1);
    }
}
