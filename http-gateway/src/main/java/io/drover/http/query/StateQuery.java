package io.drover.http.query;

import io.drover.state.StateReader;
import io.drover.state.Table;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One read of the replicated state, ready to run (and re-run when a blocking query wakes).
 *
 * @param key identifies the answer: two queries with equal keys, run against state whose
 *     {@code tables} have the same highest index, give equal answers
 * @param tables the tables the answer depends on; a change to one of them wakes a parked query
 * @param run computes the answer from a consistent view
 */
public record StateQuery(String key, List<Table> tables, Function<StateReader, QueryResult> run) {
    public StateQuery {
        Objects.requireNonNull(key, "key");
        tables = List.copyOf(tables);
        Objects.requireNonNull(run, "run");
    }

    public static StateQuery of(String key, List<Table> tables, Function<StateReader, QueryResult> run) {
        return new StateQuery(key, tables, run);
    }

    /** The highest index of this query's tables in {@code reader}'s view. */
    long watchIndex(StateReader reader) {
        return reader.maxIndex(tables.toArray(Table[]::new));
    }
}
