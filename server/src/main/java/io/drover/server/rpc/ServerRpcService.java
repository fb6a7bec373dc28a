package io.drover.server.rpc;

import io.drover.proto.raft.WriteResult;
import io.drover.proto.raft.WriteResults;
import io.drover.proto.rpc.ServerRpcGrpc;
import io.drover.proto.rpc.WriteRequest;
import io.drover.proto.rpc.WriteRequests;
import io.drover.server.leader.LeaderEndpoint;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The gRPC face other servers talk to: writes their clients sent them, for the leader endpoint
 * (which answers NOT_LEADER if this server no longer leads). Reads never come here: a follower
 * answers them itself once it is as new as the leader (a ReadIndex round).
 */
final class ServerRpcService extends ServerRpcGrpc.ServerRpcImplBase {
    private final LeaderEndpoint leader;

    ServerRpcService(LeaderEndpoint leader) {
        this.leader = leader;
    }

    @Override
    public void write(WriteRequest request, StreamObserver<WriteResult> response) {
        relay(leader.handle(request), response);
    }

    @Override
    public void writeMany(WriteRequests requests, StreamObserver<WriteResults> response) {
        List<CompletableFuture<WriteResult>> each = leader.handleAll(requests.getRequestsList());
        CompletableFuture<WriteResults> all = CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> {
                    WriteResults.Builder b = WriteResults.newBuilder();
                    each.forEach(f -> b.addResults(f.join()));
                    return b.build();
                });
        // The caller gave up on the whole batch: let go of every write in it.
        all.whenComplete((r, e) -> {
            if (all.isCancelled()) {
                each.forEach(f -> f.cancel(false));
            }
        });
        relay(all, response);
    }

    private static <T> void relay(CompletableFuture<T> future, StreamObserver<T> response) {
        if (response instanceof ServerCallStreamObserver<T> call) {
            // The caller gave up (its client disconnected): let go of what it was waiting for.
            call.setOnCancelHandler(() -> future.cancel(false));
        }
        future.whenComplete((value, error) -> {
            if (future.isCancelled()) {
                return;
            }
            if (error != null) {
                response.onError(Status.INTERNAL.withDescription(error.toString()).asRuntimeException());
            } else {
                response.onNext(value);
                response.onCompleted();
            }
        });
    }
}
