package io.drover.http.routes;

import io.drover.http.Cluster;
import io.drover.http.core.GatewayRequest;
import io.drover.http.core.Reply;
import io.drover.http.query.QueryOptions;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.WriteRequest;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * The last step of every write route: stamps the request ID, hands the write to the cluster and
 * renders the leader's result with the route's answer.
 */
final class WriteSubmitter {
    private final Cluster cluster;
    private final RequestIds requestIds;

    WriteSubmitter(Cluster cluster, RequestIds requestIds) {
        this.cluster = cluster;
        this.requestIds = requestIds;
    }

    CompletableFuture<Reply> submit(GatewayRequest request, WriteRequest.Builder write,
            BiFunction<WriteResult, Boolean, Reply> answer) {
        write.setRequestId(requestIds.of(request));
        boolean pretty = QueryOptions.pretty(request);
        return cluster.write(write.build()).thenApply(result -> answer.apply(result, pretty));
    }
}
