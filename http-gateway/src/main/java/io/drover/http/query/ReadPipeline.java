package io.drover.http.query;

import io.drover.http.Cluster;
import io.drover.http.RaftStatus;
import io.drover.http.core.Forwarding;
import io.drover.http.core.GatewayRequest;
import io.drover.http.core.Regions;
import io.drover.http.core.Reply;
import io.drover.http.core.RequestScope;
import io.drover.proto.rpc.ForwardedResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Where a read is answered. By default the leader answers (a follower forwards the request and
 * relays the leader's reply, blocking included); {@code ?stale} answers from this server's state;
 * {@code ?consistent} answers here after a linearizable barrier. A read forwarded to us is
 * answered here whatever we believe, so a read is never forwarded twice.
 */
public final class ReadPipeline {
    /** Who sent the read. */
    public enum Origin {
        /** An HTTP client of this server. */
        CLIENT,
        /** A follower, forwarding its client's read to us as the leader. */
        FORWARDED
    }

    private final Cluster cluster;
    private final BlockingQueries queries;
    private final Executor executor;

    public ReadPipeline(Cluster cluster, BlockingQueries queries, Executor executor) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Answers a read; call it on a query thread. */
    public CompletableFuture<Reply> serve(ReadEndpoint endpoint, GatewayRequest request, RequestScope scope,
            Origin origin) {
        QueryOptions options = QueryOptions.parse(request);
        Regions.check(options.region(), cluster.agent().region());
        StateQuery query = endpoint.prepare(request, options);
        if (origin == Origin.CLIENT) {
            if (options.consistent()) {
                return cluster.linearizableBarrier()
                        .thenComposeAsync(ignored -> answerHere(query, options, scope), executor);
            }
            if (!options.stale() && !cluster.status().leader()) {
                CompletableFuture<ForwardedResponse> forwarded =
                        cluster.forwardRead(Forwarding.toForwardedRead(request));
                scope.onCancel(() -> forwarded.cancel(true));
                return forwarded.thenApply(Forwarding::toReply);
            }
        }
        return answerHere(query, options, scope);
    }

    private CompletableFuture<Reply> answerHere(StateQuery query, QueryOptions options, RequestScope scope) {
        return queries.run(query, options.minIndex(), options.waitNanos(), scope).thenApply(result -> {
            RaftStatus status = cluster.status();
            QueryMeta meta = new QueryMeta(result.index(), status.knownLeader(), status.lastContactMillis());
            return result.toReply(meta, options.pretty());
        });
    }
}
