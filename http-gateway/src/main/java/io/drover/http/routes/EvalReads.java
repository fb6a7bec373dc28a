package io.drover.http.routes;

import io.drover.http.query.QueryResult;
import io.drover.http.query.ReadEndpoint;
import io.drover.http.query.StateQuery;
import io.drover.state.Table;
import java.util.List;

/** The evaluation reads, with Nomad's indexes: a list at the evals table index, one eval at its own. */
final class EvalReads {
    private EvalReads() {
    }

    /** {@code GET /v1/evaluations}. */
    static ReadEndpoint list() {
        return (request, options) -> StateQuery.of(QueryKeys.of("evals", options.namespace(), options.prefix()),
                List.of(Table.EVALS), reader -> QueryResult.ok(reader.tableIndex(Table.EVALS),
                        reader.evaluations(options.namespace(), options.prefix())));
    }

    /** {@code GET /v1/evaluation/:id}. */
    static ReadEndpoint evaluation(String evalId) {
        return (request, options) -> StateQuery.of(QueryKeys.of("eval", evalId), List.of(Table.EVALS),
                reader -> reader.evaluation(evalId)
                        .map(e -> QueryResult.ok(e.modifyIndex == null ? 0 : e.modifyIndex, e))
                        .orElseGet(() -> QueryResult.notFound(reader.tableIndex(Table.EVALS), "eval not found")));
    }
}
