package io.drover.http.query;

import io.drover.http.core.GatewayRequest;

/** A route that reads the replicated state; the pipeline adds consistency modes and blocking. */
@FunctionalInterface
public interface ReadEndpoint {
    /**
     * Turns a request into the query to run.
     *
     * @throws io.drover.http.core.HttpError for parameters it refuses
     */
    StateQuery prepare(GatewayRequest request, QueryOptions options);
}
