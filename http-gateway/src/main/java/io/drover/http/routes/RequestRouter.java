package io.drover.http.routes;

import io.drover.http.core.ErrorReplies;
import io.drover.http.core.GatewayRequest;
import io.drover.http.core.Reply;
import io.drover.http.core.RequestScope;
import io.drover.http.query.ReadPipeline;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Takes a Netty-free request to the route the {@link RouteTable} has for it, off the event loop,
 * and always completes with a reply: every failure is turned into one by {@link ErrorReplies}.
 */
public final class RequestRouter {
    private static final String INVALID_METHOD = "Invalid method";

    private final RouteTable routes;
    private final ReadPipeline reads;
    private final Executor executor;

    public RequestRouter(RouteTable routes, ReadPipeline reads, Executor executor) {
        this.routes = Objects.requireNonNull(routes, "routes");
        this.reads = Objects.requireNonNull(reads, "reads");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Answers a request from an HTTP client of this server. */
    public CompletableFuture<Reply> route(GatewayRequest request, RequestScope scope) {
        try {
            return CompletableFuture.supplyAsync(() -> serve(request, scope), executor)
                    .thenCompose(reply -> reply)
                    .handle((reply, failure) -> failure == null ? reply : ErrorReplies.from(failure));
        } catch (RejectedExecutionException e) {
            // The gateway is closing.
            return CompletableFuture.completedFuture(ErrorReplies.from(e));
        }
    }

    private CompletableFuture<Reply> serve(GatewayRequest request, RequestScope scope) {
        Route route = routes.match(request.method(), request.path());
        if (route instanceof Route.Read read) {
            return reads.serve(read.endpoint(), request, scope);
        }
        if (route instanceof Route.Write write) {
            return write.endpoint().write(request);
        }
        if (route instanceof Route.Local local) {
            return CompletableFuture.completedFuture(local.endpoint().answer(request));
        }
        if (route instanceof Route.WrongMethod) {
            return CompletableFuture.completedFuture(Reply.text(405, INVALID_METHOD));
        }
        return CompletableFuture.completedFuture(Reply.noRoute());
    }
}
