package io.drover.http.routes;

import io.drover.http.core.GatewayRequest;
import io.drover.http.core.Reply;
import io.drover.http.query.ReadEndpoint;
import java.util.concurrent.CompletableFuture;

/** What the route table found for a method and path; path parameters are already bound. */
public sealed interface Route {
    /** A read of the replicated state: consistency modes and blocking queries apply. */
    record Read(ReadEndpoint endpoint) implements Route {
    }

    /** A change, made through the leader. */
    record Write(WriteEndpoint endpoint) implements Route {
    }

    /** Answered by this agent from what it knows itself (status, agent, operator, job-spec parse and validate). */
    record Local(LocalEndpoint endpoint) implements Route {
    }

    /** No such path: Nomad answers 404 with an empty body. */
    record NoRoute() implements Route {
    }

    /** A known path with the wrong method: 405 "Invalid method". */
    record WrongMethod() implements Route {
    }

    @FunctionalInterface
    interface WriteEndpoint {
        /** Validates and submits; call it on a query thread. */
        CompletableFuture<Reply> write(GatewayRequest request);
    }

    @FunctionalInterface
    interface LocalEndpoint {
        Reply answer(GatewayRequest request);
    }
}
