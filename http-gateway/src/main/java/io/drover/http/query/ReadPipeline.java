package io.drover.http.query;

import io.drover.http.Cluster;
import io.drover.http.LeaderContact;
import io.drover.http.core.GatewayRequest;
import io.drover.http.core.Regions;
import io.drover.http.core.Reply;
import io.drover.http.core.RequestScope;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Where and when a read is answered. Every read is answered from this server's own state; what
 * differs is how new that state must be first. {@code ?stale}: as it is. Default: on the leader,
 * as it is (as Nomad's leader answers); on a follower, once it has applied everything the leader
 * had committed when the read arrived (a Raft ReadIndex round, shared with the reads that arrived
 * with it), which is what forwarding the read to the leader would give, without moving the
 * answer between servers. {@code ?consistent}: on every server, once it has applied an entry
 * committed after the read arrived, which no deposed leader can fake.
 */
public final class ReadPipeline {
    private final Cluster cluster;
    private final BlockingQueries queries;
    private final Executor executor;

    public ReadPipeline(Cluster cluster, BlockingQueries queries, Executor executor) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Answers a read; call it on a query thread. */
    public CompletableFuture<Reply> serve(ReadEndpoint endpoint, GatewayRequest request, RequestScope scope) {
        QueryOptions options = QueryOptions.parse(request);
        Regions.check(options.region(), cluster.agent().region());
        StateQuery query = endpoint.prepare(request, options);
        if (options.consistent()) {
            return cluster.linearizableBarrier()
                    .thenComposeAsync(ignored -> answerHere(query, options, scope), executor);
        }
        if (!options.stale() && !cluster.contact().leader()) {
            return cluster.leaderBarrier()
                    .thenComposeAsync(ignored -> answerHere(query, options, scope), executor);
        }
        return answerHere(query, options, scope);
    }

    private CompletableFuture<Reply> answerHere(StateQuery query, QueryOptions options, RequestScope scope) {
        return queries.run(query, options.minIndex(), options.waitNanos(), scope).thenApply(result -> {
            LeaderContact contact = cluster.contact();
            QueryMeta meta = new QueryMeta(result.index(), contact.knownLeader(), contact.lastContactMillis());
            return result.toReply(meta, options.pretty());
        });
    }
}
